import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { EventStream } from '../realtime/event-stream';
import type { TopicFeed } from '../realtime/hub';
import { latestSequence, loadEventsAfter } from './event-log';
import { ParentChildrenCache } from './parent-children';
import { type TicketEvent, unmatchedCopy } from './ticket-event.type';
import { type FilterableTicket, type TicketFilterSpec, ticketFilterPredicate } from './ticket-filter';
import { internalVisibleTo, needsChildren, ticketVisibleTo } from './visibility';

const EVENT_PAGE = 500;

interface TicketSubscriber {
  viewer: Viewer;
  matches: (ticket: FilterableTicket) => boolean;
  stream: EventStream<TicketEvent>;
}

/**
 * The live subscribers of `ticketChanged` on this instance. Each batch of committed events is
 * loaded once (one query, tickets included) and checked against every subscriber in memory:
 * visibility and staff-only events decide whether it is delivered; the subscriber's filter sets
 * its matchesFilter (a board drops a card whose ticket no longer matches).
 */
export class TicketFeed implements TopicFeed {
  private readonly subscribers = new Set<TicketSubscriber>();
  private readonly parents: ParentChildrenCache;
  /** The last event sequence this instance has handled; events after it are still to deliver. */
  private lastSequence = 0;

  constructor(private readonly orm: MikroORM) {
    this.parents = new ParentChildrenCache(orm);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
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
  subscribe(viewer: Viewer, filter: TicketFilterSpec | null): EventStream<TicketEvent> {
    const subscriber: TicketSubscriber = { viewer, matches: ticketFilterPredicate(filter), stream: undefined as never };
    subscriber.stream = new EventStream<TicketEvent>(() => this.subscribers.delete(subscriber));
    this.subscribers.add(subscriber);
    return subscriber.stream;
  }

  /** Events announced by a NOTIFY; the sequences are a hint, the table is the truth. */
  async published(sequences: readonly string[]): Promise<void> {
    const newest = Math.max(0, ...sequences.map(Number));
    if (newest <= this.lastSequence) return;
    if (!this.subscribers.size) {
      this.lastSequence = newest;
      return;
    }
    await this.deliverNewEvents();
  }

  /** After the listening connection was lost: delivers whatever committed in the meantime. */
  async reconnected(): Promise<void> {
    if (!this.subscribers.size) {
      this.lastSequence = Math.max(this.lastSequence, await latestSequence(this.em()));
      return;
    }
    await this.deliverNewEvents();
  }

  close(): void {
    for (const subscriber of [...this.subscribers]) void subscriber.stream.return();
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
    for (const { viewer } of this.subscribers) if (needsChildren(viewer)) parentIds.add(viewer.id);
    this.parents.retainOnly(parentIds);
    await this.parents.ensure(parentIds);
    for (const event of events) {
      // One object per answer, so subscribers with the same document still share one result.
      let unmatched: TicketEvent | undefined;
      for (const { viewer, matches, stream } of this.subscribers) {
        if (!internalVisibleTo(viewer, event)) continue;
        if (!ticketVisibleTo(viewer, event.ticket, this.parents.childrenOf(viewer.id))) continue;
        stream.push(matches(event.ticket) ? event : (unmatched ??= unmatchedCopy(event)));
      }
    }
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}
