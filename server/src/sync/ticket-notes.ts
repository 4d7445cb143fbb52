import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../db/raw-sql';
import type { Tx } from '../db/transaction';
import { TicketEventKind } from '../tickets/enums';
import { recordChange } from '../tickets/history';
import { Ticket } from '../tickets/ticket.entity';

/** The open tickets on a session, and whether one of them is an open dispute. */
export async function openTicketsOn(em: EntityManager, sessionId: string): Promise<{ ticketIds: string[]; disputed: boolean }> {
  const rows: Array<{ ticket_id: string; open_dispute: boolean }> = await run(em,
    'select ticket_id, open_dispute from ticket_sessions where session_id = ? and open', [sessionId]);
  return { ticketIds: rows.map((r) => r.ticket_id), disputed: rows.some((r) => r.open_dispute) };
}

/**
 * The business changed facts a coordinator is judging: each open ticket on the session gets a
 * log entry (no actor: the system) and a ticket event, so the ticket page and the board show it live.
 */
export async function noteSourceChange(tx: Tx, ticketIds: string[], what: string, changes: string[]): Promise<void> {
  if (!ticketIds.length || !changes.length) return;
  const comment = `${what} changed in the business's system: ${changes.join('; ')}.`;
  for (const id of ticketIds) {
    const ticket = await tx.em.findOneOrFail(Ticket, id);
    recordChange(tx, ticket, { actor: null, action: 'SOURCE_CHANGED', comment, kind: TicketEventKind.UPDATED });
  }
}
