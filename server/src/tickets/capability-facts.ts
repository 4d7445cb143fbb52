import { type DomainError, badInput, conflict } from '../errors';
import type { Ticket } from './ticket.entity';

/*
 * The capability rules that need facts beyond the ticket's status (rules.ts): each exists once,
 * the mutation throws its refusal and viewerCan (ticket-fields.resolver.ts) shows its absence.
 */

/** Rated once, and not a duplicate: one merged into another ticket is rated there (desk/merge.ts). */
export function rateRefusal(ticket: Pick<Ticket, 'mergedInto'>, rating: { score?: number | null } | null): DomainError | null {
  if (ticket.mergedInto) return conflict('This ticket was merged into another one: rate that one');
  if (rating?.score) return conflict('This ticket was rated already');
  return null;
}

/** A split moves sessions to a new ticket and leaves at least one behind (desk/split.ts). */
export function splitRefusal(sessionsOnTicket: number, moving: number): DomainError | null {
  return moving >= sessionsOnTicket ? badInput('sessionIds', 'Leave at least one session on the ticket') : null;
}
