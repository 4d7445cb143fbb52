import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { AuthResolver } from '../auth/auth.resolver';
import { UserFieldsResolver } from '../auth/user-fields.resolver';
import { AuditLogResolver } from '../audit/audit.resolver';
import { deskResolvers } from '../desk/resolvers';
import { CreditNotesResolver, InvoiceLinesResolver, InvoicesResolver } from '../billing/invoices.resolver';
import { PayoutConnectionResolver, PayoutDeductionResolver, PayoutsResolver, TicketPayoutsResolver } from '../billing/payouts.resolver';
import { DeliveriesResolver } from '../notifications/deliveries.resolver';
import { NotificationsResolver, UserNotificationFieldsResolver } from '../notifications/notifications.resolver';
import { SessionsResolver } from '../sessions/sessions.resolver';
import { CreditNoteTicketResolver, IssueLogResolver, SessionTicketResolver, TicketFieldsResolver } from '../tickets/ticket-fields.resolver';
import { TicketEventsResolver } from '../tickets/ticket-events.resolver';
import { TicketsResolver } from '../tickets/tickets.resolver';
import { AttachmentFieldsResolver, EvidenceResolver, TicketEvidenceFieldsResolver } from '../evidence/evidence.resolver';
import { CancellationsResolver } from '../cancellations/cancellations.resolver';
import { SatisfactionResolver } from '../satisfaction/satisfaction.resolver';
import { WebhookDeliveryFieldsResolver, WebhooksResolver } from '../webhooks/webhooks.resolver';
import { buildApiSchema } from '../graphql/schema';

/** Every feature's resolvers: the schema is built from this list. A new feature adds its own here. */
export const resolvers = [AuthResolver, UserFieldsResolver, AuditLogResolver, SessionsResolver, InvoicesResolver, InvoiceLinesResolver, CreditNotesResolver,
  TicketsResolver, TicketEventsResolver, TicketFieldsResolver, SessionTicketResolver, CreditNoteTicketResolver, IssueLogResolver,
  NotificationsResolver, UserNotificationFieldsResolver, DeliveriesResolver,
  PayoutsResolver, PayoutConnectionResolver, PayoutDeductionResolver, TicketPayoutsResolver,
  WebhooksResolver, WebhookDeliveryFieldsResolver, EvidenceResolver, TicketEvidenceFieldsResolver, AttachmentFieldsResolver,
  SatisfactionResolver, CancellationsResolver, ...deskResolvers] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema, built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildApiSchema([...resolvers]);
  return built;
}
