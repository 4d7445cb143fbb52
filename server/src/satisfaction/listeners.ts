import type { Tx } from '../db/transaction';
import { deferJob } from '../jobs/deferred-job';
import type { TicketChange } from '../tickets/ticket-changes';

/** The job that asks a ticket's reporter for a score once it closed (satisfaction.service.ts). */
export const ASK_TASK = 'satisfaction.ask';

/**
 * A ticket that closes gets its rating request (by a job, after commit). Not a duplicate merged
 * into another: the reporter rates the ticket that lives on.
 */
export function askWhenClosed(tx: Tx, { ticket }: Extract<TicketChange, { type: 'ticket.closed' }>): void {
  if (!ticket.mergedInto) deferJob(tx.em, ASK_TASK, { ticketId: ticket.id }, { jobKey: `satisfaction:${ticket.id}` });
}
