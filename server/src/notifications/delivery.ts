import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { Config } from '../config';
import { addJob } from '../jobs/queue';
import { PermanentDeliveryError, describeError, retryDelayMs } from './delivery-errors';
import { messageIdFor } from './email/mailer';
import { renderEmail } from './email/render-email';
import type { Mailer } from './email/mailer';
import { Channel, DeliveryStatus, OutboxMessage } from './outbox-message.entity';
import { DELIVER_TASK } from './outbox';
import { renderTelegram } from './telegram/render-telegram';
import type { TelegramChannel } from './telegram/telegram-channel';
import { type MessagePayload, renderContent } from './templates';
import { loggerFor } from '../observability/logger';

const log = loggerFor('notifications');

/** Messages a person sends through us (not notifications): preferences do not apply. */
export const DIRECT_EVENTS = new Set(['ticket.contact_tutor']);

/** Enqueues (or re-enqueues) the delivery job of one outbox row, in the caller's transaction. */
export function enqueueDelivery(em: EntityManager, id: string, runAt?: Date): Promise<void> {
  // One pending job per row; a job added while another runs gets the key, the running one loses it.
  return addJob(em, DELIVER_TASK, { id }, { jobKey: `deliver:${id}`, runAt, maxAttempts: 6 });
}

/** Why a message must not go out any more (the user changed their mind after it was written). */
function skipReason(message: OutboxMessage, recipient: User): string | null {
  if (!recipient.active) return 'Recipient account is closed';
  const direct = DIRECT_EVENTS.has(message.event);
  if (message.channel === Channel.EMAIL && !recipient.emailNotifications && !direct) return 'Recipient turned email notifications off';
  if (message.channel === Channel.TELEGRAM) {
    if (!recipient.telegramChatId) return 'Recipient has no linked Telegram chat';
    if (!recipient.telegramNotifications && !direct) return 'Recipient turned Telegram notifications off';
  }
  return null;
}

/** The outside channels a delivery can use (the Notifier has them). */
export interface DeliveryChannels {
  mailer: Mailer;
  telegram: TelegramChannel | null;
}

/** Sends through the row's channel; returns the channel's id of what was sent. */
async function send(config: Config, notifier: DeliveryChannels, message: OutboxMessage, recipient: User): Promise<string> {
  const payload = message.payload as MessagePayload;
  const staff = isStaff(recipient.role);
  const content = renderContent(message.event, payload, { recipientName: recipient.name, publicUrl: config.publicUrl, staff });
  if (message.channel === Channel.EMAIL) {
    const messageId = messageIdFor(message.dedupeKey, config.mailFrom);
    await notifier.mailer.send({ ...renderEmail(content), to: { name: recipient.name, address: recipient.email }, messageId, fileKey: message.id });
    return messageId;
  }
  if (!notifier.telegram) throw new PermanentDeliveryError('The Telegram channel is off (TELEGRAM_BOT_TOKEN is not set)');
  const chatId = recipient.telegramChatId!;
  const telegramMessage = renderTelegram(message.event, content, { ticketId: payload.ticketId, staff });
  const messageId = await notifier.telegram.send(chatId, telegramMessage);
  return `${chatId}:${messageId}`;
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'retry' | 'dead' | 'nothing-to-do';

/**
 * The `notifications.deliver` task: delivers one outbox row at least once.
 *
 * The row stays locked (SELECT ... FOR UPDATE) while it is sent, so two runs for one row queue up
 * and the second finds it SENT and does nothing: a retry never sends twice. A failure counts an
 * attempt, keeps the error and schedules the next run itself (base, 2x, 4x ... from
 * NOTIFY_RETRY_BASE) until NOTIFY_MAX_ATTEMPTS, then the row is DEAD; a permanent failure is DEAD at
 * once. The state change and the next job commit together.
 *
 * At least once, not exactly once: if the process dies after the channel accepted the message but
 * before this transaction commits, the row is still PENDING and its job runs again (graphile-worker
 * frees a dead worker's job after its lock times out), so the message can go out twice. We prefer
 * that to losing it; emails carry a Message-ID derived from the dedupe key, so mail clients can
 * drop the copy.
 */
export async function deliverOutboxMessage(config: Config, notifier: DeliveryChannels, em: EntityManager, id: string): Promise<DeliveryOutcome> {
  return em.fork().transactional(async (tx) => {
    const message = await tx.findOne(OutboxMessage, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!message || message.status !== DeliveryStatus.PENDING) return 'nothing-to-do';
    const recipient = await tx.findOneOrFail(User, { id: message.recipient.id });
    message.nextAttemptAt = null;
    const skip = skipReason(message, recipient);
    if (skip) {
      Object.assign(message, { status: DeliveryStatus.SKIPPED, lastError: skip });
      return 'skipped';
    }
    message.attempts += 1;
    try {
      message.externalId = await send(config, notifier, message, recipient);
      Object.assign(message, { status: DeliveryStatus.SENT, sentAt: new Date(), lastError: null });
      return 'sent';
    } catch (error) {
      message.lastError = describeError(error);
      const final = error instanceof PermanentDeliveryError || message.attempts >= config.notifyMaxAttempts;
      log.warn({ channel: message.channel, event: message.event, messageId: message.id, recipientId: recipient.id, attempt: message.attempts, final, reason: message.lastError }, final ? 'delivery failed, giving up' : 'delivery failed, will retry');
      if (final) {
        message.status = DeliveryStatus.DEAD;
        return 'dead';
      }
      message.nextAttemptAt = new Date(Date.now() + retryDelayMs(config.notifyRetryBaseMs, message.attempts));
      await tx.flush();
      await enqueueDelivery(tx as EntityManager, message.id, message.nextAttemptAt);
      return 'retry';
    }
  });
}
