/** Every feature's entities: the list db/ opens MikroORM with (app/database.ts). A new feature adds its own here. */
import { AuditEntry } from '../audit/audit-entry.entity';
import { ApiKey } from '../auth/api-key.entity';
import { ParentLink, User } from '../auth/user.entity';
import { TicketAdjustment } from '../billing/adjustment.entity';
import { SavedView } from '../desk/saved-view.entity';
import { CreditNote, CreditNoteLine } from '../billing/credit-note.entity';
import { Invoice, InvoiceLine } from '../billing/invoice.entity';
import { Package } from '../billing/package.entity';
import { PayoutCarry, PayoutEvent, PayoutLateCredit } from '../billing/payout-ledger.entity';
import { TutorPayout } from '../billing/payout.entity';
import { Notification } from '../notifications/notification.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { TelegramLinkCode } from '../notifications/telegram/link-code.entity';
import { SessionParticipant, TutoringSession } from '../sessions/session.entity';
import { IssueLog } from '../tickets/issue-log.entity';
import { ResolutionAction } from '../tickets/resolution-action.entity';
import { TicketEventRecord } from '../tickets/ticket-event.entity';
import { Ticket, TicketSession } from '../tickets/ticket.entity';
import { DeferredJob } from '../jobs/deferred-job';
import { Upload } from '../evidence/upload.entity';
import { TicketRating } from '../satisfaction/rating.entity';
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from '../webhooks/webhook.entities';

export const entities = [
  User, ParentLink, ApiKey, AuditEntry,
  TutoringSession, SessionParticipant,
  Package, Invoice, InvoiceLine, CreditNote, CreditNoteLine, TutorPayout, PayoutLateCredit, PayoutCarry, PayoutEvent, TicketAdjustment,
  Ticket, TicketSession, IssueLog, ResolutionAction,
  TicketEventRecord, Notification, OutboxMessage, TelegramLinkCode,
  DeferredJob, WebhookEndpoint, WebhookEvent, WebhookDelivery, Upload, TicketRating, SavedView,
];
