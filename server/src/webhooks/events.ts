import type { EntityManager } from '@mikro-orm/postgresql';
import { TicketEventKind, type TicketStatus } from '../tickets/enums';
import type { Ticket } from '../tickets/ticket.entity';
import type { CreditNote } from '../billing/credit-note.entity';
import { WIRE_TYPES, WebhookEvent, WebhookEventType } from './webhook.entities';

/** The job that copies one event to every endpoint subscribed to it (webhooks/delivery.ts); the
 * webhook_events trigger (migration WebhookFanOutTrigger) enqueues it when an endpoint wants the type. */
export const FAN_OUT_TASK = 'webhooks.fan_out';
/** The job that sends one endpoint's pending deliveries of one ticket (or session), oldest first. */
export const DRAIN_TASK = 'webhooks.drain';

/**
 * Writes an event in the caller's transaction; its fan-out job (added by a trigger) exists only if
 * the change commits. Fan-outs of one order key run in one graphile-worker queue (webhooks:<key>),
 * so deliveries are created in event order.
 */
export function recordWebhookEvent(em: EntityManager, type: WebhookEventType, orderKey: string, data: Record<string, unknown>): void {
  const event = new WebhookEvent();
  const body = JSON.stringify({ id: event.id, type: WIRE_TYPES[type], createdAt: event.createdAt.toISOString(), data });
  em.persist(Object.assign(event, { type, orderKey, body }));
}

const TYPE_OF_KIND: Partial<Record<TicketEventKind, WebhookEventType>> = {
  [TicketEventKind.CREATED]: WebhookEventType.TICKET_CREATED,
  [TicketEventKind.STATUS_CHANGED]: WebhookEventType.TICKET_STATUS_CHANGED,
  [TicketEventKind.ASSIGNED]: WebhookEventType.TICKET_ASSIGNED,
  [TicketEventKind.COMMENTED]: WebhookEventType.TICKET_COMMENTED,
};

/** The ticket's public fields as partners see them. */
export function publicTicket(ticket: Ticket, previousStatus: TicketStatus | null) {
  return {
    id: ticket.id,
    number: ticket.number,
    type: ticket.type,
    category: ticket.category ?? null,
    status: ticket.status,
    previousStatus,
    title: ticket.title,
    reporterId: ticket.reporter.id,
    tutorId: ticket.tutor?.id ?? null,
    assigneeId: ticket.assignee?.id ?? null,
    // Set on a duplicate closed by mergeTickets: the ticket that lives on.
    mergedIntoId: ticket.mergedInto?.id ?? null,
    version: ticket.version,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

/** What tickets/history.ts knows of a change (its Change, without importing it back). */
interface TicketChangeFacts {
  kind: TicketEventKind;
  to?: TicketStatus;
  internal?: boolean;
  action: string;
  comment?: string | null;
  actor: { id: string } | null;
}

/** Called by tickets/history.ts for every change; internal (staff-only) changes never leave. */
export function recordTicketWebhook(em: EntityManager, ticket: Ticket, change: TicketChangeFacts, previousStatus: TicketStatus): void {
  if (change.internal) return;
  const kind = change.to && change.kind !== TicketEventKind.CREATED ? TicketEventKind.STATUS_CHANGED : change.kind;
  const type = TYPE_OF_KIND[kind];
  if (!type) return;
  recordWebhookEvent(em, type, `ticket:${ticket.id}`, {
    ticket: publicTicket(ticket, kind === TicketEventKind.CREATED ? null : previousStatus),
    change: { action: change.action, comment: change.comment ?? null, actorId: change.actor?.id ?? null },
  });
}

/** A credit note (a ticket's decision or a cancelled session); ordered with that ticket's or session's events. */
export function recordCreditNoteWebhook(em: EntityManager, note: CreditNote, orderKey: string): void {
  recordWebhookEvent(em, WebhookEventType.CREDIT_NOTE_CREATED, orderKey, {
    creditNote: {
      id: note.id,
      number: note.number,
      invoiceId: note.invoice.id,
      invoiceNumber: note.invoice.number,
      amount: { amountMinor: note.amountMinor, currency: note.currency },
      ticketId: note.ticketId ?? null,
      reason: note.reason ?? null,
      createdAt: note.createdAt.toISOString(),
    },
  });
}
