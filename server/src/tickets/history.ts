import { Role, isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import type { Tx } from '../db/transaction';
import { TicketEventKind, type TicketStatus } from './enums';
import { recordTicketEvent } from './event-log';
import { IssueLog } from './issue-log.entity';
import type { Ticket } from './ticket.entity';
import type { MoneyMoved } from '../billing/adjustments';
import { type TicketChange, ticketChanges } from './ticket-changes';

export interface Change {
  actor: Viewer | null;
  /** What the log says happened, e.g. RESOLVED, COMMENTED, AUTO_CLOSED. */
  action: string;
  comment?: string | null;
  internal?: boolean;
  /** The new status, for transitions. */
  to?: TicketStatus;
  kind: TicketEventKind;
  /** What a decision moved (resolve), for the listeners of the status change. */
  money?: MoneyMoved;
}

/**
 * The one place a ticket changes: one immutable log entry, the version bump, the typed change
 * raised to its listeners (ticket-changes.ts), and the ticket event (stored and announced when the
 * transaction commits).
 */
export async function recordChange(tx: Tx, ticket: Ticket, change: Change): Promise<void> {
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
      createdAt: now,
    }),
  );
  await ticketChanges.raise(tx, changeEvent(ticket, change, from));
  recordTicketEvent(tx, {
    ticketId: ticket.id,
    kind: change.to && change.kind !== TicketEventKind.CREATED ? TicketEventKind.STATUS_CHANGED : change.kind,
    previousStatus: change.kind === TicketEventKind.CREATED ? null : from,
    internal: change.internal ?? false,
  });
}

/** The typed change a log entry announces. */
function changeEvent(ticket: Ticket, change: Change, previousStatus: TicketStatus): TicketChange {
  const logged = {
    ticket,
    previousStatus,
    change: { actor: change.actor, action: change.action, comment: change.comment ?? null, internal: change.internal ?? false },
  };
  if (change.kind === TicketEventKind.CREATED) return { type: 'ticket.created', ...logged };
  if (change.to) return { type: 'ticket.statusChanged', ...logged, to: change.to, money: change.money ?? null };
  if (change.kind === TicketEventKind.ASSIGNED) return { type: 'ticket.assigned', ...logged };
  if (change.kind === TicketEventKind.COMMENTED) return { type: 'ticket.commented', ...logged };
  return { type: 'ticket.updated', ...logged };
}
