import type { EntityManager } from '@mikro-orm/postgresql';
import { deferJob } from '../jobs/deferred-job';
import { TicketStatus } from '../tickets/enums';
import type { Ticket } from '../tickets/ticket.entity';

/** The job that asks a ticket's reporter for a score once it closed (satisfaction.service.ts). */
export const ASK_TASK = 'satisfaction.ask';

/**
 * Called by tickets/history.ts: a ticket that closes gets its rating request (by a job, after
 * commit). Not a duplicate merged into another: the reporter rates the ticket that lives on.
 */
export function askWhenClosed(em: EntityManager, ticket: Ticket, change: { to?: TicketStatus }): void {
  if (change.to === TicketStatus.CLOSED && !ticket.mergedInto) deferJob(em, ASK_TASK, { ticketId: ticket.id }, { jobKey: `satisfaction:${ticket.id}` });
}
