import type { Tx } from '../db/transaction';
import type { TicketChange } from '../tickets/ticket-changes';
import { publicTicket, recordCreditNoteWebhook, recordWebhookEvent } from './events';
import { WebhookEventType } from './webhook.entities';

type Logged = Extract<TicketChange, { type: 'ticket.created' | 'ticket.statusChanged' | 'ticket.assigned' | 'ticket.commented' }>;

const TYPE_OF_CHANGE: Record<Logged['type'], WebhookEventType> = {
  'ticket.created': WebhookEventType.TICKET_CREATED,
  'ticket.statusChanged': WebhookEventType.TICKET_STATUS_CHANGED,
  'ticket.assigned': WebhookEventType.TICKET_ASSIGNED,
  'ticket.commented': WebhookEventType.TICKET_COMMENTED,
};

/** A logged ticket change partners subscribe to; internal (staff-only) changes never leave. */
export function recordTicketWebhook(tx: Tx, event: Logged): void {
  const { ticket, change } = event;
  if (change.internal) return;
  recordWebhookEvent(tx.em, TYPE_OF_CHANGE[event.type], `ticket:${ticket.id}`, {
    ticket: publicTicket(ticket, event.type === 'ticket.created' ? null : event.previousStatus),
    change: { action: change.action, comment: change.comment, actorId: change.actor?.id ?? null },
  });
}

/** The credit notes of a decision, ordered with that ticket's events. */
export function recordDecisionCreditNotes(tx: Tx, event: Extract<TicketChange, { type: 'ticket.credited' }>): void {
  for (const note of event.money.creditNotes) recordCreditNoteWebhook(tx.em, note, `ticket:${event.ticket.id}`);
}
