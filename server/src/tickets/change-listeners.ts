import type { Viewer } from '../auth/viewer';
import type { Tx } from '../db/transaction';
import type { TicketEventKind, TicketStatus } from './enums';
import type { Ticket } from './ticket.entity';

/** An automation acting on a ticket (actor SYSTEM); its changes are logged under its name. */
export interface AutomationRef {
  /** Null for the assignment policy, which acts like an automation without being one. */
  id: string | null;
  name: string;
}

/** One change to a ticket, as recordChange (history.ts) writes it. */
export interface Change {
  actor: Viewer | null;
  /** What the log says happened, e.g. RESOLVED, COMMENTED, AUTO_CLOSED. */
  action: string;
  comment?: string | null;
  internal?: boolean;
  /** The new status, for transitions. */
  to?: TicketStatus;
  kind: TicketEventKind;
  /** The automation making the change (actor SYSTEM): named in the log; its changes trigger no automation. */
  automation?: AutomationRef | null;
}

/**
 * Called by recordChange for every change to a ticket, inside its transaction (features that react
 * to changes, e.g. automations/, enqueue their work here so it exists only if the change commits).
 * Registered by name at the composition root (services.ts), so registering again replaces.
 */
export type TicketChangeListener = (tx: Tx, ticket: Ticket, change: Change, from: TicketStatus) => void;

const listeners = new Map<string, TicketChangeListener>();

export function onTicketChange(name: string, listener: TicketChangeListener): void {
  listeners.set(name, listener);
}

export function ticketChanged(tx: Tx, ticket: Ticket, change: Change, from: TicketStatus): void {
  for (const listener of listeners.values()) listener(tx, ticket, change, from);
}
