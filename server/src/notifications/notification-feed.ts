import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Tx } from '../db/transaction';
import { EventStream } from '../realtime/event-stream';
import type { TopicFeed } from '../realtime/hub';
import { publish } from '../realtime/publish';
import { Notification } from './notification.entity';

/** The realtime topic whose ids are new in-app notifications. */
export const NOTIFICATIONS_TOPIC = 'notifications';
/** Notification ids already delivered, remembered so a catch-up after a reconnect sends none twice. */
const REMEMBERED_NOTIFICATIONS = 10_000;
/** A margin for transactions that began before the connection was lost but committed after. */
const IN_FLIGHT_MARGIN_MS = 60_000;

/** Announces new in-app notifications to their users' live connections once `tx` commits. */
export function announceNotifications(tx: Tx, ids: readonly string[]): void {
  publish(tx, NOTIFICATIONS_TOPIC, ids);
}

/** The live subscribers of `notificationAdded` on this instance, by user. */
export class NotificationFeed implements TopicFeed {
  private readonly subscribers = new Map<string, Set<EventStream<Notification>>>();
  private readonly delivered = new Set<string>();

  constructor(private readonly orm: MikroORM) {}

  get subscriberCount(): number {
    let count = 0;
    for (const streams of this.subscribers.values()) count += streams.size;
    return count;
  }

  subscribe(userId: string): EventStream<Notification> {
    let streams = this.subscribers.get(userId);
    if (!streams) this.subscribers.set(userId, (streams = new Set()));
    const stream: EventStream<Notification> = new EventStream<Notification>(() => {
      streams.delete(stream);
      if (!streams.size) this.subscribers.delete(userId);
    });
    streams.add(stream);
    return stream;
  }

  async published(ids: readonly string[]): Promise<void> {
    const fresh = ids.filter((id) => !this.delivered.has(id));
    if (!fresh.length) return;
    this.rememberDelivered(fresh);
    if (!this.subscribers.size) return;
    const notifications = await this.em().find(Notification, { id: { $in: fresh } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    for (const notification of notifications) {
      for (const stream of this.subscribers.get(notification.user.id) ?? []) stream.push(notification);
    }
  }

  /** After a reconnect: notifications created since the connection was lost that were not delivered yet. */
  async reconnected(aliveAt: Date): Promise<void> {
    const since = new Date(aliveAt.getTime() - IN_FLIGHT_MARGIN_MS);
    const rows = await this.em().find(Notification, { createdAt: { $gte: since } }, { fields: ['id'], orderBy: { createdAt: 'asc', id: 'asc' } });
    await this.published(rows.map((row) => row.id));
  }

  close(): void {
    for (const streams of [...this.subscribers.values()]) for (const stream of [...streams]) void stream.return();
  }

  private rememberDelivered(ids: readonly string[]): void {
    for (const id of ids) this.delivered.add(id);
    // A Set iterates in insertion order: drop the oldest.
    for (const id of this.delivered) {
      if (this.delivered.size <= REMEMBERED_NOTIFICATIONS) break;
      this.delivered.delete(id);
    }
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}
