import type { FilterableTicket } from './types';

/** What the board shows, as kept in the URL's query string. */
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

/** The API's TicketFilter for this board filter. */
export function toTicketFilter(filter: BoardFilter, viewerId: string | undefined) {
  return {
    type: filter.type || undefined,
    category: filter.category || undefined,
    tutorId: filter.tutorId || undefined,
    assigneeId: (filter.mine ? viewerId : filter.assigneeId) || undefined,
    search: filter.search || undefined,
    sla: filter.sla?.length ? filter.sla : undefined,
  };
}

/** The same filter in memory, for live events (mirrors the server's matchesTicketFilter). */
export function matchesBoardFilter(ticket: FilterableTicket, filter: BoardFilter, viewerId: string | undefined): boolean {
  const api = toTicketFilter(filter, viewerId);
  if (api.type && ticket.type !== api.type) return false;
  if (api.category && ticket.category !== api.category) return false;
  if (api.tutorId && ticket.tutor?.id !== api.tutorId) return false;
  if (api.assigneeId && ticket.assignee?.id !== api.assigneeId) return false;
  if (api.sla && !(ticket.slaState && api.sla.includes(ticket.slaState))) return false;
  if (api.search) {
    const needle = api.search.toLowerCase();
    if (!`${ticket.title}\n${ticket.description ?? ''}`.toLowerCase().includes(needle)) return false;
  }
  return true;
}
