import { notificationListeners as notify } from '../notifications/listeners';
import { askWhenClosed } from '../satisfaction/listeners';
import { ticketChanges } from '../tickets/ticket-changes';
import { recordDecisionCreditNotes, recordTicketWebhook } from '../webhooks/listeners';

/**
 * Every listener of a ticket change, in one place (docs/ARCHITECTURE.md, "Listening to ticket
 * changes"). Each runs inside the change's transaction, in the order listed here; a plug-in adds
 * its lines below. Naming a listener again replaces it, so calling this twice is harmless.
 */
export function registerListeners(): void {
  ticketChanges
    // Partners' webhooks: one event row per public change (the fan-out job is added by a trigger).
    .on('ticket.created', 'webhooks', recordTicketWebhook)
    .on('ticket.statusChanged', 'webhooks', recordTicketWebhook)
    .on('ticket.assigned', 'webhooks', recordTicketWebhook)
    .on('ticket.commented', 'webhooks', recordTicketWebhook)
    .on('ticket.credited', 'webhooks', recordDecisionCreditNotes)
    // Notifications: in-app rows, outbox rows and their delivery jobs.
    .on('ticket.created', 'notifications', notify.created)
    .on('ticket.statusChanged', 'notifications', notify.statusChanged)
    .on('ticket.assigned', 'notifications', notify.assigned)
    .on('ticket.commented', 'notifications', notify.commented)
    .on('ticket.closed', 'notifications', notify.closed)
    .on('ticket.merged', 'notifications', notify.merged)
    // Satisfaction: the rating request of a closed ticket (a deferred job).
    .on('ticket.closed', 'satisfaction', askWhenClosed);
}
