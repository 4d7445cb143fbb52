import type { SlaState, TicketFilter } from '../graphql/generated/graphql';
import { CATEGORIES, enumValue, TICKET_TYPES } from '../lib/labels';

/**
 * What the board shows, as kept in the URL's query string. Which tickets match is the server's
 * business: the columns ask `tickets(filter)`, and live events carry `matchesFilter`.
 */
export interface BoardFilter {
  type?: string;
  category?: string;
  tutorId?: string;
  assigneeId?: string;
  /** Only tickets assigned to the viewer. */
  mine?: boolean;
  search?: string;
  /** SLA states (the server's slaState), e.g. AT_RISK and BREACHED. */
  sla?: string[];
}

const KEYS = ['type', 'category', 'tutor', 'assignee', 'mine', 'q', 'sla'] as const;
export type FilterParams = Partial<Record<(typeof KEYS)[number], string | undefined>>;

export function filterFromParams(params: FilterParams): BoardFilter {
  const filter: BoardFilter = {};
  if (params.type) filter.type = params.type;
  if (params.category) filter.category = params.category;
  if (params.tutor) filter.tutorId = params.tutor;
  if (params.assignee) filter.assigneeId = params.assignee;
  if (params.mine === '1') filter.mine = true;
  if (params.q?.trim()) filter.search = params.q.trim();
  if (params.sla) filter.sla = params.sla.split(',').filter(Boolean);
  return filter;
}

/** Every key present, unset ones as undefined, so a router's setSearchParams clears them. */
export function filterToParams(filter: BoardFilter): FilterParams {
  return {
    type: filter.type || undefined,
    category: filter.category || undefined,
    tutor: filter.tutorId || undefined,
    assignee: filter.assigneeId || undefined,
    mine: filter.mine ? '1' : undefined,
    q: filter.search?.trim() || undefined,
    sla: filter.sla?.length ? filter.sla.join(',') : undefined,
  };
}

/** The API's TicketFilter for this board filter (every status: the columns add their own). */
export function toTicketFilter(filter: BoardFilter, viewerId: string | undefined): TicketFilter {
  return {
    type: enumValue(TICKET_TYPES, filter.type ?? ''),
    category: enumValue(CATEGORIES, filter.category ?? ''),
    tutorId: filter.tutorId || null,
    assigneeId: (filter.mine ? viewerId : filter.assigneeId) || null,
    search: filter.search || null,
    sla: filter.sla?.length ? (filter.sla as SlaState[]) : null,
  };
}
