import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import type { Tx } from '../db/transaction';
import { TicketEventKind, type TicketStatus } from './enums';
import { recordTicketEvent } from './event-log';
import { IssueLog } from './issue-log.entity';
import type { Ticket } from './ticket.entity';
import { recordTicketWebhook } from '../webhooks/events';
import { askWhenClosed } from '../satisfaction/ask-on-close';

export interface Change {
  actor: Viewer | null;
  /** What the log says happened, e.g. RESOLVED, COMMENTED, AUTO_CLOSED. */
  action: string;
  comment?: string | null;
  internal?: boolean;
  /** The new status, for transitions. */
  to?: TicketStatus;
  kind: TicketEventKind;
}

/**
 * The one place a ticket changes: one immutable log entry, the version bump, and the ticket event
 * (stored and announced when the transaction commits).
 */
export function recordChange(tx: Tx, ticket: Ticket, change: Change): void {
  const from = ticket.status;
  const now = new Date();
  if (change.to) ticket.status = change.to;
  ticket.version += 1;
  ticket.updatedAt = now;
  tx.em.persist(
    Object.assign(new IssueLog(), {
      ticket,
      actor: change.actor ? tx.em.getReference(User, change.actor.id) : null,
      action: change.action,
      comment: change.comment ?? null,
      internal: change.internal ?? false,
      // Only transitions have a from-status; a new ticket comes from nowhere.
      fromStatus: change.to && change.kind !== TicketEventKind.CREATED ? from : null,
      toStatus: change.to ?? null,
      createdAt: now,
    }),
  );
  recordTicketWebhook(tx.em, ticket, change, from);
  askWhenClosed(tx.em, ticket, change);
  recordTicketEvent(tx, {
    ticketId: ticket.id,
    kind: change.to && change.kind !== TicketEventKind.CREATED ? TicketEventKind.STATUS_CHANGED : change.kind,
    previousStatus: change.kind === TicketEventKind.CREATED ? null : from,
    internal: change.internal ?? false,
  });
}
