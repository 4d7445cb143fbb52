import { Role, isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import type { Tx } from '../db/transaction';
import { TicketEventKind, type TicketStatus } from './enums';
import { recordTicketEvent } from './event-log';
import { IssueLog } from './issue-log.entity';
import type { Ticket } from './ticket.entity';
import { recordTicketWebhook } from '../webhooks/events';
import { askWhenClosed } from '../satisfaction/ask-on-close';
import { type Change, ticketChanged } from './change-listeners';

export type { Change };

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
  const responder = change.actor && (change.actor.role === Role.TUTOR || isStaff(change.actor.role));
  if (responder && !ticket.firstRespondedAt && change.kind !== TicketEventKind.CREATED) ticket.firstRespondedAt = now;
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
      automationId: change.automation?.id ?? null,
      automationName: change.automation?.name ?? null,
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
  ticketChanged(tx, ticket, change, from);
}
