import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../auth/roles';
import type { Viewer } from '../auth/viewer';
import { Notification } from '../notifications/notification.entity';
import { type TicketFilter, matchesTicketFilter } from '../tickets/ticket-filter.input';
import { seesInternal, ticketVisibleTo } from '../tickets/visibility';
import { latestSequence, loadEventsAfter } from './event-log';
import { EventStream } from './event-stream';
import { ParentChildrenCache } from './parent-children';
import type { TicketEvent } from './ticket-event.type';

const EVENT_PAGE = 500;
/** Notification ids already delivered, remembered so a catch-up after a reconnect sends none twice. */
const REMEMBERED_NOTIFICATIONS = 10_000;

interface TicketSubscriber {
  viewer: Viewer;
  filter: TicketFilter | null;
  stream: EventStream<TicketEvent>;
}

/**
 * This instance's one pub/sub: it keeps the live subscribers and fans committed changes out to
 * them. Each batch of events is loaded once (one query, tickets included) and checked against
 * every subscriber in memory: visibility, staff-only events, the subscriber's filter.
 */
export class RealtimeHub {
  private readonly ticketSubscribers = new Set<TicketSubscriber>();
  private readonly notificationSubscribers = new Map<string, Set<EventStream<Notification>>>();
  private readonly parents: ParentChildrenCache;
  private readonly deliveredNotifications = new Set<string>();
  /** The last event sequence this instance has handled; events after it are still to deliver. */
  private lastSequence = 0;

  constructor(private readonly orm: MikroORM) {
    this.parents = new ParentChildrenCache(orm);
  }

  get subscriberCount(): number {
    let count = this.ticketSubscribers.size;
    for (const streams of this.notificationSubscribers.values()) count += streams.size;
    return count;
  }

  get lastDeliveredSequence(): number {
    return this.lastSequence;
  }

  /** Starts from the newest stored event: subscribers get what commits from now on. */
  async init(): Promise<void> {
    this.lastSequence = await latestSequence(this.em());
  }

  /**
   * Registers at once (no I/O), so an event committed after the subscribe message is handled
   * reaches it; a parent's children are loaded before the next fan-out.
   */
  subscribeTicketEvents(viewer: Viewer, filter: TicketFilter | null): EventStream<TicketEvent> {
    const subscriber: TicketSubscriber = { viewer, filter, stream: undefined as never };
    subscriber.stream = new EventStream<TicketEvent>(() => this.ticketSubscribers.delete(subscriber));
    this.ticketSubscribers.add(subscriber);
    return subscriber.stream;
  }

  subscribeNotifications(userId: string): EventStream<Notification> {
    let streams = this.notificationSubscribers.get(userId);
    if (!streams) this.notificationSubscribers.set(userId, (streams = new Set()));
    const stream: EventStream<Notification> = new EventStream<Notification>(() => {
      streams.delete(stream);
      if (!streams.size) this.notificationSubscribers.delete(userId);
    });
    streams.add(stream);
    return stream;
  }

  /** Events announced by a NOTIFY; the sequences are a hint, the table is the truth. */
  async eventsCommitted(sequences: readonly number[]): Promise<void> {
    const newest = Math.max(0, ...sequences);
    if (newest <= this.lastSequence) return;
    if (!this.ticketSubscribers.size) {
      this.lastSequence = newest;
      return;
    }
    await this.deliverNewEvents();
  }

  /** After the listening connection was lost: delivers whatever committed in the meantime. */
  async catchUpEvents(): Promise<void> {
    if (!this.ticketSubscribers.size) {
      this.lastSequence = Math.max(this.lastSequence, await latestSequence(this.em()));
      return;
    }
    await this.deliverNewEvents();
  }

  async notificationsCommitted(ids: readonly string[]): Promise<void> {
    const fresh = ids.filter((id) => !this.deliveredNotifications.has(id));
    if (!fresh.length) return;
    this.rememberDelivered(fresh);
    if (!this.notificationSubscribers.size) return;
    const notifications = await this.em().find(Notification, { id: { $in: fresh } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    for (const notification of notifications) {
      for (const stream of this.notificationSubscribers.get(notification.user.id) ?? []) stream.push(notification);
    }
  }

  /** After a reconnect: notifications created since `since` that were not delivered yet. */
  async catchUpNotifications(since: Date): Promise<void> {
    const rows = await this.em().find(Notification, { createdAt: { $gte: since } }, { fields: ['id'], orderBy: { createdAt: 'asc', id: 'asc' } });
    await this.notificationsCommitted(rows.map((row) => row.id));
  }

  /** Ends every live subscription (the server is stopping). */
  close(): void {
    for (const subscriber of [...this.ticketSubscribers]) void subscriber.stream.return();
    for (const streams of [...this.notificationSubscribers.values()]) for (const stream of [...streams]) void stream.return();
  }

  private async deliverNewEvents(): Promise<void> {
    for (;;) {
      const events = await loadEventsAfter(this.em(), this.lastSequence, EVENT_PAGE);
      if (!events.length) return;
      this.lastSequence = events[events.length - 1].sequence;
      await this.fanOut(events);
      if (events.length < EVENT_PAGE) return;
    }
  }

  private async fanOut(events: readonly TicketEvent[]): Promise<void> {
    const parentIds = new Set<string>();
    for (const { viewer } of this.ticketSubscribers) if (viewer.role === Role.PARENT) parentIds.add(viewer.id);
    this.parents.retainOnly(parentIds);
    await this.parents.ensure(parentIds);
    for (const event of events) {
      for (const { viewer, filter, stream } of this.ticketSubscribers) {
        if (event.internal && !seesInternal(viewer)) continue;
        if (!ticketVisibleTo(viewer, event.ticket, this.parents.childrenOf(viewer.id))) continue;
        if (!matchesTicketFilter(event.ticket, filter)) continue;
        stream.push(event);
      }
    }
  }

  private rememberDelivered(ids: readonly string[]): void {
    for (const id of ids) this.deliveredNotifications.add(id);
    // A Set iterates in insertion order: drop the oldest.
    for (const id of this.deliveredNotifications) {
      if (this.deliveredNotifications.size <= REMEMBERED_NOTIFICATIONS) break;
      this.deliveredNotifications.delete(id);
    }
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}
