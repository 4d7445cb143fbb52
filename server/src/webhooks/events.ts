import type { EntityManager } from '@mikro-orm/postgresql';
import type { TicketStatus } from '../tickets/enums';
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
