import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { type Tx, inTransaction } from '../../db/transaction';
import { EventStream } from '../../realtime/event-stream';
import type { TopicFeed } from '../../realtime/hub';
import { publish } from '../../realtime/publish';
import { PresenceEvent, PresenceState } from './presence.type';
import { run } from '../../db/raw-sql';
import { loggerFor } from '../../observability/logger';

const log = loggerFor('presence');

interface Subscriber {
  ticketId: string | null;
  stream: EventStream<PresenceEvent>;
}

interface PresenceRow {
  ticket_id: string;
  user_id: string;
  state: PresenceState;
  since: Date;
}

/**
 * How long one read of every live presence answers `viewersOf` (the board asks for every card on
 * every request). Changes clear it at once (set, and every instance's NOTIFY); the age only bounds
 * how stale a heartbeat's new expiry may be, which the TTL (30 s by default) dwarfs.
 */
const SNAPSHOT_MAX_AGE_MS = 1_000;

/** The realtime topic presence changes are published on. */
export const PRESENCE_TOPIC = 'presence';

/** "ticketId:userId", what a NOTIFY names (ids only). */
const keyOf = (ticketId: string, userId: string) => `${ticketId}:${userId}`;

/**
 * Who has which ticket open, across instances. Rows in ticket_presence live until expires_at
 * (TTL after the last heartbeat); a change is announced on the realtime channel as ids only, and
 * every instance reads the rows and tells its own subscribers. Every instance also sweeps expired
 * rows, so a viewer whose process was killed leaves within the TTL plus one sweep.
 */
export class PresenceHub implements TopicFeed {
  private readonly subscribers = new Set<Subscriber>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping: Promise<unknown> = Promise.resolve();
  private snapshot: { at: number; rows: Promise<Array<PresenceRow & { expires_at: string }>> } | null = null;

  constructor(
    private readonly orm: MikroORM,
    readonly ttlMs: number,
  ) {}

  /** Sweeps often enough that an expired viewer is gone at most a fifth of the TTL late. */
  start(): void {
    const every = Math.max(500, Math.min(5_000, Math.floor(this.ttlMs / 5)));
    this.sweeper = setInterval(() => {
      this.sweeping = this.sweepExpired().catch((error) => log.error({ err: error }, 'presence sweep failed'));
    }, every);
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.sweeping;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Ends every subscription (the server is stopping). */
  close(): void {
    for (const { stream } of [...this.subscribers]) void stream.return();
  }

  published(keys: readonly string[]): Promise<void> {
    return this.changed(keys);
  }

  /** Presence is only ever "now": what was missed while disconnected is read again by the next viewers query. */
  async reconnected(): Promise<void> {}

  subscribe(ticketId: string | null): EventStream<PresenceEvent> {
    const subscriber: Subscriber = { ticketId, stream: undefined as never };
    subscriber.stream = new EventStream<PresenceEvent>(() => this.subscribers.delete(subscriber));
    this.subscribers.add(subscriber);
    return subscriber.stream;
  }

  /** Records a heartbeat or a change; announces it when the state changed (a heartbeat alone does not). */
  async set(ticketId: string, userId: string, state: PresenceState): Promise<void> {
    await inTransaction(this.em(), async (tx) => {
      let changed: boolean;
      if (state === PresenceState.LEFT) {
        changed = (await run(tx.em, 'delete from ticket_presence where ticket_id = ? and user_id = ? returning 1', [ticketId, userId])).length > 0;
      } else {
        // xmax = 0 on a fresh insert; `previous` is the state before an update.
        const [row] = await run(tx.em,
          `insert into ticket_presence as p (ticket_id, user_id, state, since, expires_at)
           values (?, ?, ?, now(), now() + ? * interval '1 millisecond')
           on conflict (ticket_id, user_id) do update set
             since = case when p.state = excluded.state and p.expires_at > now() then p.since else now() end,
             state = excluded.state, expires_at = excluded.expires_at
           returning (xmax = 0) as inserted, (select q.state from ticket_presence q where q.ticket_id = p.ticket_id and q.user_id = p.user_id and q.expires_at > now()) as previous`,
          [ticketId, userId, state, this.ttlMs],
        );
        changed = row.inserted || row.previous !== state;
      }
      if (changed) publish(tx, PRESENCE_TOPIC, [keyOf(ticketId, userId)]);
    });
    this.forgetSnapshot();
  }

  /** The next viewersOf reads the presences again (a change is known). */
  forgetSnapshot(): void {
    this.snapshot = null;
  }

  /** The live viewers of these tickets, oldest first (from a snapshot of every live presence, see above). */
  async viewersOf(ticketIds: readonly string[]): Promise<Map<string, PresenceRow[]>> {
    const byTicket = new Map<string, PresenceRow[]>(ticketIds.map((id) => [id, []]));
    if (!ticketIds.length) return byTicket;
    if (!this.snapshot || Date.now() - this.snapshot.at > SNAPSHOT_MAX_AGE_MS) {
      const rows: Promise<Array<PresenceRow & { expires_at: string }>> = run(this.em(),
        'select ticket_id, user_id, state, since, expires_at from ticket_presence where expires_at > now() order by since, user_id');
      this.snapshot = { at: Date.now(), rows };
      rows.catch(() => { if (this.snapshot?.rows === rows) this.snapshot = null; });
    }
    const now = Date.now();
    for (const row of await this.snapshot.rows) {
      if (new Date(row.expires_at).getTime() > now) byTicket.get(row.ticket_id)?.push(row);
    }
    return byTicket;
  }

  /** A NOTIFY named these presences: read them and tell the subscribers (no row: LEFT). */
  async changed(keys: readonly string[]): Promise<void> {
    if (keys.length) this.forgetSnapshot();
    if (!keys.length || !this.subscribers.size) return;
    const pairs = keys.map((key) => key.split(':')).filter((pair) => pair.length === 2);
    const ticketIds = [...new Set(pairs.map(([ticketId]) => ticketId))];
    const viewers = await this.viewersOf(ticketIds);
    const now = new Date();
    for (const [ticketId, userId] of pairs) {
      const row = viewers.get(ticketId)?.find((r) => r.user_id === userId);
      const event = Object.assign(new PresenceEvent(), {
        ticketId, userId, user: undefined, state: row?.state ?? PresenceState.LEFT, at: row ? new Date(row.since) : now,
      });
      for (const { ticketId: wanted, stream } of this.subscribers) if (!wanted || wanted === ticketId) stream.push(event);
    }
  }

  /** Deletes presences past their TTL (whoever's instance died) and announces them as LEFT. */
  async sweepExpired(): Promise<number> {
    return inTransaction(this.em(), async (tx: Tx) => {
      const gone: Array<{ ticket_id: string; user_id: string }> = await run(tx.em, 'delete from ticket_presence where expires_at <= now() returning ticket_id, user_id');
      publish(tx, PRESENCE_TOPIC, gone.map((g) => keyOf(g.ticket_id, g.user_id)));
      return gone.length;
    });
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}
