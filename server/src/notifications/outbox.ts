import type { User } from '../auth/user.entity';
import type { Tx } from '../db/transaction';
import { addJob } from '../jobs/queue';
import type { Ticket } from '../tickets/ticket.entity';
import { announceNotifications } from './notification-feed';
import { Notification } from './notification.entity';
import { Channel, OutboxMessage } from './outbox-message.entity';

/** The graphile-worker task that delivers one outbox row (see notifications/delivery). */
export const DELIVER_TASK = 'notifications.deliver';

export type NotificationChannel = 'IN_APP' | 'EMAIL' | 'TELEGRAM';

export interface Announcement {
  /** What happened, e.g. ticket.created, ticket.resolved, invoice.updated. */
  event: string;
  /** Null for news about no ticket (a cancelled session, a webhook endpoint switched off). */
  ticket: Ticket | null;
  /** Names the news when there is no ticket (e.g. session:<id>:cancelled); without it, in-app only. */
  key?: string;
  recipients: Array<{ user: User; channels: NotificationChannel[] }>;
  title: string;
  body: string;
  /** Extra facts for the templates (amounts, invoice numbers ...). */
  data?: Record<string, unknown>;
}

/**
 * Writes, in the caller's transaction, the in-app notifications and one outbox row (plus its
 * delivery job) per email or Telegram message. A user's opt-outs are honoured here; in-app is
 * always on. Nothing is sent now: the worker delivers after commit, at least once.
 */
export async function announce(tx: Tx, announcement: Announcement): Promise<void> {
  const { em } = tx;
  const { ticket, event } = announcement;
  const seen = new Set<string>();
  // One ticket change can update several invoices of one user: each is its own message.
  const scope = typeof announcement.data?.invoiceId === 'string' ? `:${announcement.data.invoiceId}` : '';
  const notificationIds: string[] = [];
  for (const { user, channels } of announcement.recipients) {
    const key = `${user.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (channels.includes('IN_APP')) {
      const notification = Object.assign(new Notification(), { user, ticket, title: announcement.title, body: announcement.body });
      em.persist(notification);
      notificationIds.push(notification.id);
    }
    const outgoing: Channel[] = [];
    const subject = ticket ? `${ticket.id}:v${ticket.version}` : announcement.key;
    if (!subject) continue;
    if (channels.includes('EMAIL') && user.emailNotifications) outgoing.push(Channel.EMAIL);
    if (channels.includes('TELEGRAM') && user.telegramNotifications && user.telegramChatId) outgoing.push(Channel.TELEGRAM);
    for (const channel of outgoing) {
      const message = Object.assign(new OutboxMessage(), {
        channel,
        recipient: user,
        ticket,
        event,
        dedupeKey: `${event}:${subject}${scope}:${user.id}:${channel}`,
        payload: {
          title: announcement.title,
          body: announcement.body,
          ticketId: ticket?.id,
          ticketNumber: ticket?.number,
          ticketTitle: ticket?.title,
          status: ticket?.status,
          ...announcement.data,
        },
      });
      em.persist(message);
      // The job goes out with the transaction's other jobs just before COMMIT, after the row's insert (jobs/queue.ts).
      await addJob(em, DELIVER_TASK, { id: message.id }, { jobKey: `deliver:${message.id}`, maxAttempts: 6 });
    }
  }
  await em.flush();
  announceNotifications(tx, notificationIds);
}
