import type { ListenerHandlers } from './listener';
import type { RealtimePayload } from './publish';
import { loggerFor } from '../observability/logger';

const log = loggerFor('realtime');

/** A feature's end of a topic: it keeps its own subscribers and decides who gets what. */
export interface TopicFeed {
  /** Before the first NOTIFY can arrive (e.g. remember where the stored events end). */
  init?(): Promise<void>;
  /** Ids published on the topic by a transaction that committed. */
  published(ids: readonly string[]): Promise<void>;
  /** The LISTEN connection is back; deliver what committed since `aliveAt` (database time). */
  reconnected(aliveAt: Date): Promise<void>;
  /** Live subscribers right now. */
  readonly subscriberCount: number;
  /** Ends every subscription (the server is stopping). */
  close(): void;
}

/**
 * This instance's one pub/sub: it routes what arrives on the LISTEN connection to the feed
 * registered for each topic, in registration order. It knows no feature.
 */
export class RealtimeHub implements ListenerHandlers {
  private readonly feeds = new Map<string, TopicFeed>();

  register<F extends TopicFeed>(topic: string, feed: F): F {
    if (this.feeds.has(topic)) throw new Error(`realtime topic ${topic} registered twice`);
    this.feeds.set(topic, feed);
    return feed;
  }

  get subscriberCount(): number {
    let count = 0;
    for (const feed of this.feeds.values()) count += feed.subscriberCount;
    return count;
  }

  async init(): Promise<void> {
    for (const feed of this.feeds.values()) await feed.init?.();
  }

  async changed(payload: RealtimePayload): Promise<void> {
    for (const [topic, feed] of this.feeds) {
      const ids = payload[topic];
      if (ids?.length) await settle(topic, () => feed.published(ids));
    }
  }

  async reconnected(aliveAt: Date): Promise<void> {
    for (const [topic, feed] of this.feeds) await settle(topic, () => feed.reconnected(aliveAt));
  }

  close(): void {
    for (const feed of this.feeds.values()) feed.close();
  }
}

/** One feed failing does not keep the others from their events. */
async function settle(topic: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.error({ err: error, topic }, 'realtime delivery failed');
  }
}
