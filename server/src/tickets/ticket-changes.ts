import type { Viewer } from '../auth/viewer';
import type { MoneyMoved } from '../billing/adjustments';
import { Dispatcher } from '../events/dispatcher';
import type { TicketStatus } from './enums';
import type { Ticket } from './ticket.entity';

/** What the issue log says of one change (tickets/history.ts recordChange). */
export interface LoggedChange {
  actor: Viewer | null;
  /** e.g. REPORTED, RESOLVED, COMMENTED, AUTO_CLOSED. */
  action: string;
  comment: string | null;
  /** Staff only (an internal comment or note): plug-ins that reach outsiders skip it. */
  internal: boolean;
}

/** A logged change: its ticket (already changed), the log entry, and the status before it. */
interface Logged<T extends string> {
  type: T;
  ticket: Ticket;
  change: LoggedChange;
  previousStatus: TicketStatus;
}

/**
 * What the ticket core announces, raised inside the change's transaction. The plug-ins (webhooks,
 * satisfaction, notifications, and later automations, sync, metrics) listen; the core imports
 * none of them. Register listeners in server/src/app/listeners.ts only (docs/ARCHITECTURE.md).
 */
export type TicketChange =
  /** Reported, or split off another ticket. */
  | Logged<'ticket.created'>
  /** `money`: what a decision moved (resolve), for the messages that mention it. */
  | (Logged<'ticket.statusChanged'> & { to: TicketStatus; money: MoneyMoved | null })
  | Logged<'ticket.assigned'>
  | Logged<'ticket.commented'>
  /** Any other logged change: evidence added, rated, split, merged from. */
  | Logged<'ticket.updated'>
  /** A decision moved money (credit notes, line credits, package credits), before its status change. */
  | { type: 'ticket.credited'; ticket: Ticket; money: MoneyMoved }
  /**
   * The close itself has run (sessions out of dispute, payouts released, timers gone), whatever
   * closed it: a decision (`decision`), the reporter, the timer, or a merge (`ticket.mergedInto`).
   */
  | { type: 'ticket.closed'; ticket: Ticket; decision: { comment: string; money: MoneyMoved } | null; releasedPayoutIds: string[] }
  /** Duplicates closed into `target` (each source's own close and status change came first). */
  | { type: 'ticket.merged'; target: Ticket; sources: Ticket[] };

export type TicketChangeType = TicketChange['type'];

/**
 * The one dispatcher of ticket changes. A module value, not a service, because every place that
 * changes a ticket (recordChange, called by evidence, satisfaction, desk ...) reaches it without
 * wiring; only the composition root adds listeners.
 */
export const ticketChanges = new Dispatcher<TicketChange>();
