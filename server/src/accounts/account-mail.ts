import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../auth/user.entity';
import { enqueueDelivery } from '../notifications/delivery';
import { Channel, OutboxMessage } from '../notifications/outbox-message.entity';

/** E-mails about the account itself: sent whatever the person's notification settings (notifications/delivery.ts). */
export const ACCOUNT_EVENTS = { invitation: 'account.invitation', passwordReset: 'account.password_reset' } as const;

/**
 * Writes the e-mail carrying a one-use link into the outbox, in the caller's transaction (sent
 * after commit by the worker, at least once). The link is dropped from the row once sent.
 */
export async function queueAccountMail(
  em: EntityManager,
  event: (typeof ACCOUNT_EVENTS)[keyof typeof ACCOUNT_EVENTS],
  recipient: User,
  data: { linkUrl: string; expiresAt: Date; inviterName?: string | null; role?: string },
  dedupe: string,
): Promise<OutboxMessage> {
  const message = Object.assign(new OutboxMessage(), {
    channel: Channel.EMAIL,
    recipient,
    ticket: null,
    event,
    dedupeKey: `${event}:${dedupe}`,
    payload: { linkUrl: data.linkUrl, expiresAt: data.expiresAt.toISOString(), inviterName: data.inviterName ?? null, role: data.role ?? null },
  });
  em.persist(message);
  await em.flush();
  await enqueueDelivery(em, message.id);
  return message;
}
