import { type SlaState, type SlaTimes, slaFilter } from './sla';
import type { DisputeCategory, TicketStatus, TicketType } from './enums';
import type { SqlCondition } from './visibility';

/** A board filter, checked and normalised once (ids lower-cased as stored, search trimmed). */
export interface TicketFilterSpec {
  status?: readonly TicketStatus[];
  type?: TicketType;
  category?: DisputeCategory;
  tutorId?: string;
  assigneeId?: string;
  reporterId?: string;
  /** Found, case-insensitively, in the title, the description or the number (e.g. "T-000123"). */
  search?: string;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
  /** In one of these SLA states now (sla.ts). */
  sla?: readonly SlaState[];
}

/** What the in-memory match reads of a ticket. */
export interface FilterableTicket extends SlaTimes {
  status: TicketStatus;
  type: TicketType;
  category?: DisputeCategory | null;
  tutor?: { id: string } | null;
  assignee?: { id: string } | null;
  reporter: { id: string };
  title: string;
  description: string;
  number: string;
  createdAt: Date;
}

type Value = string | Date | null | undefined;

/** A ticket property as a column (SQL) and as a reader (memory). */
interface Property {
  column: string;
  read(ticket: FilterableTicket): Value;
}

const P = {
  status: { column: 'status', read: (t) => t.status },
  type: { column: 'type', read: (t) => t.type },
  category: { column: 'category', read: (t) => t.category },
  tutor: { column: 'tutor_id', read: (t) => t.tutor?.id },
  assignee: { column: 'assignee_id', read: (t) => t.assignee?.id },
  reporter: { column: 'reporter_id', read: (t) => t.reporter.id },
  title: { column: 'title', read: (t) => t.title },
  description: { column: 'description', read: (t) => t.description },
  number: { column: 'number', read: (t) => t.number },
  createdAt: { column: 'created_at', read: (t) => t.createdAt },
} satisfies Record<string, Property>;

type Term =
  | { op: 'in'; property: Property; values: readonly string[] }
  | { op: 'gte' | 'lt'; property: Property; value: Date }
  | { op: 'contains'; properties: readonly Property[]; text: string }
  | { op: 'sla'; states: readonly SlaState[] };

export const MAX_SEARCH_LENGTH = 200;

/** The filter as terms that must all hold: the one definition the SQL and the memory match are built from. */
function termsOf(filter: TicketFilterSpec | null | undefined): Term[] {
  if (!filter) return [];
  const terms: Term[] = [];
  const equals = (property: Property, value: string | undefined) => value && terms.push({ op: 'in', property, values: [value] });
  if (filter.status?.length) terms.push({ op: 'in', property: P.status, values: filter.status });
  equals(P.type, filter.type);
  equals(P.category, filter.category);
  equals(P.tutor, filter.tutorId);
  equals(P.assignee, filter.assigneeId);
  equals(P.reporter, filter.reporterId);
  if (filter.from) terms.push({ op: 'gte', property: P.createdAt, value: filter.from });
  if (filter.to) terms.push({ op: 'lt', property: P.createdAt, value: filter.to });
  const text = filter.search?.trim().slice(0, MAX_SEARCH_LENGTH);
  if (text) terms.push({ op: 'contains', properties: [P.title, P.description, P.number], text });
  if (filter.sla?.length) terms.push({ op: 'sla', states: filter.sla });
  return terms;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL limiting tickets (aliased `alias`) to those matching the filter; null means no limit. */
export function ticketFilterSql(filter: TicketFilterSpec | null | undefined, alias: string): SqlCondition | null {
  const terms = termsOf(filter);
  if (!terms.length) return null;
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const term of terms) {
    if (term.op === 'in') {
      parts.push(`${alias}.${term.property.column} in (${term.values.map(() => '?').join(', ')})`);
      params.push(...term.values);
    } else if (term.op === 'sla') {
      const condition = slaFilter.sql(alias, term.states);
      parts.push(condition.sql);
      params.push(...condition.params);
    } else if (term.op === 'contains') {
      parts.push(`(${term.properties.map((p) => `${alias}.${p.column} ilike ?`).join(' or ')})`);
      params.push(...term.properties.map(() => `%${likeEscape(term.text)}%`));
    } else {
      parts.push(`${alias}.${term.property.column} ${term.op === 'gte' ? '>=' : '<'} ?`);
      params.push(term.value);
    }
  }
  return { sql: parts.join(' and '), params };
}

/** The same filter in memory, for live events; build it once per subscription. */
export function ticketFilterPredicate(filter: TicketFilterSpec | null | undefined): (ticket: FilterableTicket) => boolean {
  const checks = termsOf(filter).map((term): ((ticket: FilterableTicket) => boolean) => {
    if (term.op === 'in') return (ticket) => term.values.includes(term.property.read(ticket) as string);
    if (term.op === 'sla') return (ticket) => slaFilter.matches(ticket, term.states);
    if (term.op === 'contains') {
      const needle = term.text.toLowerCase();
      return (ticket) => term.properties.some((p) => String(p.read(ticket) ?? '').toLowerCase().includes(needle));
    }
    const { property, value } = term;
    return term.op === 'gte' ? (ticket) => (property.read(ticket) as Date) >= value : (ticket) => (property.read(ticket) as Date) < value;
  });
  return (ticket) => checks.every((check) => check(ticket));
}
