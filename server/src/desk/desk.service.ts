import type { Viewer } from '../auth/viewer';
import type { TicketDeps } from '../tickets/ticket-deps';
import type { Ticket } from '../tickets/ticket.entity';
import { type MergeRequest, mergeTickets } from './merge';
import { type SplitRequest, splitTicket } from './split';

/** The desk's ticket changes (merge, split), built once at the composition root like the ticket service. */
export function createDeskService(deps: TicketDeps) {
  return {
    merge: (viewer: Viewer, request: MergeRequest): Promise<Ticket> => mergeTickets(deps, viewer, request),
    split: (viewer: Viewer, request: SplitRequest): Promise<Ticket> => splitTicket(deps, viewer, request),
  };
}

export type DeskService = ReturnType<typeof createDeskService>;
