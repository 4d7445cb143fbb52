import { registerEnumType } from 'type-graphql';

/** Where a ticket stands against its first-response and resolution due times. */
export enum SlaState {
  ON_TRACK = 'ON_TRACK',
  /** Less than a quarter of the time to a pending due time is left. */
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
  /** Resolved (or closed) with every due time kept. */
  MET = 'MET',
}
registerEnumType(SlaState, { name: 'SlaState', description: 'AT_RISK: less than a quarter of the time left.' });

/** The ticket times the SLA state is computed from. */
export interface SlaTimes {
  createdAt: Date;
  firstResponseDueAt?: Date | null;
  firstRespondedAt?: Date | null;
  resolutionDueAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
}

const NOW = '?::timestamptz';
const ms = (date: Date | null | undefined) => (date ? date.getTime() : null);

/**
 * The one SLA rule (slaStateSql below is the same rule in SQL; a test keeps them in step).
 * A ticket is done once resolved or closed; a due time is breached when the response or
 * resolution came (or, still pending, `now` is) after it; AT_RISK when a pending due time has
 * less than a quarter of its window (from creation) left.
 */
export function slaStateOf(ticket: SlaTimes, now: Date = new Date()): SlaState {
  const at = now.getTime();
  const created = ticket.createdAt.getTime();
  const done = ms(ticket.resolvedAt) ?? ms(ticket.closedAt);
  const responseDue = ms(ticket.firstResponseDueAt);
  const resolutionDue = ms(ticket.resolutionDueAt);
  const responded = ms(ticket.firstRespondedAt);
  if (responseDue !== null && (responded ?? done ?? at) > responseDue) return SlaState.BREACHED;
  if (resolutionDue !== null && (done ?? at) > resolutionDue) return SlaState.BREACHED;
  if (done !== null) return SlaState.MET;
  const atRisk = (due: number) => (due - at) * 4 < due - created;
  if (responseDue !== null && responded === null && atRisk(responseDue)) return SlaState.AT_RISK;
  if (resolutionDue !== null && atRisk(resolutionDue)) return SlaState.AT_RISK;
  return SlaState.ON_TRACK;
}

/**
 * slaStateOf as an SQL expression over the tickets table aliased `alias`; its one parameter is now.
 * Used by the board filter (TicketFilter.sla), the breach sweep and the reports.
 */
export function slaStateSql(alias: string, now: Date = new Date()): { sql: string; params: unknown[] } {
  const t = (column: string) => `${alias}.${column}`;

  const done = `coalesce(${t('resolved_at')}, ${t('closed_at')})`;
  const atRisk = (due: string) => `(${due} - ${NOW}) * 4 < (${due} - ${t('created_at')})`;
  const sql = `(case
    when ${t('first_response_due_at')} is not null and coalesce(${t('first_responded_at')}, ${done}, ${NOW}) > ${t('first_response_due_at')} then 'BREACHED'
    when ${t('resolution_due_at')} is not null and coalesce(${done}, ${NOW}) > ${t('resolution_due_at')} then 'BREACHED'
    when ${done} is not null then 'MET'
    when ${t('first_response_due_at')} is not null and ${t('first_responded_at')} is null and ${atRisk(t('first_response_due_at'))} then 'AT_RISK'
    when ${t('resolution_due_at')} is not null and ${atRisk(t('resolution_due_at'))} then 'AT_RISK'
    else 'ON_TRACK' end)`;
  const uses = sql.split(NOW).length - 1;
  return { sql, params: Array(uses).fill(now.toISOString()) };
}

/** The SQL condition and in-memory predicate of `TicketFilter.sla`: one of these states, as of `now`. */
export const slaFilter = {
  sql(alias: string, states: readonly SlaState[], now: Date = new Date()): { sql: string; params: unknown[] } {
    const state = slaStateSql(alias, now);
    return { sql: `${state.sql} in (${states.map(() => '?').join(', ')})`, params: [...state.params, ...states] };
  },
  matches(ticket: SlaTimes, states: readonly SlaState[] | null | undefined, now: Date = new Date()): boolean {
    return !states?.length || states.includes(slaStateOf(ticket, now));
  },
};
