import { Client } from 'pg';
import { REALTIME_CHANNEL, type RealtimePayload, parsePayload } from './publish';
import { loggerFor } from '../observability/logger';

const log = loggerFor('realtime');

export interface ListenerHandlers {
  /** A NOTIFY arrived. */
  changed(payload: RealtimePayload): Promise<void>;
  /**
   * The connection is back after being lost: deliver what committed meanwhile. `aliveAt` is the
   * database time when the lost connection was last known to work.
   */
  reconnected(aliveAt: Date): Promise<void>;
}

export interface ListenerOptions {
  /** How often the connection proves it is alive (and how we notice a silently dead one). */
  heartbeatMs?: number;
  /** First reconnect delay; doubles per failed attempt up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * The one dedicated PostgreSQL connection per instance that LISTENs for committed changes. It
 * reconnects by itself with backoff; after a reconnect the handlers catch up from the tables, so
 * a NOTIFY sent while it was away is never needed. Handlers run one at a time, in arrival order.
 */
export class RealtimeListener {
  private client: Client | null = null;
  private stopped = true;
  private failures = 0;
  private everConnected = false;
  private aliveAt: Date | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private work: Promise<void> = Promise.resolve();
  private connectedWaiters: Array<() => void> = [];
  private readonly options: Required<ListenerOptions>;

  constructor(
    private readonly databaseUrl: string,
    private readonly handlers: ListenerHandlers,
    options: ListenerOptions = {},
  ) {
    this.options = { heartbeatMs: 10_000, minBackoffMs: 100, maxBackoffMs: 5_000, ...options };
  }

  /** The listening connection's server process id (tests kill it), null while disconnected. */
  get backendPid(): number | null {
    return this.client ? ((this.client as unknown as { processID?: number }).processID ?? null) : null;
  }

  get isConnected(): boolean {
    return this.client !== null;
  }

  /** Connects (retrying in the background if the first attempt fails). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.detach();
    await client?.end().catch(() => undefined);
    await this.work;
  }

  /** Resolves once the listener is connected and LISTENing (and has queued its catch-up). */
  whenConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    return new Promise((resolve) => this.connectedWaiters.push(resolve));
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'tickets-realtime-listener', keepAlive: true });
    const lost = (error?: Error) => this.connectionLost(client, error);
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel !== REALTIME_CHANNEL || this.client !== client) return;
      const payload = parsePayload(message.payload);
      if (payload) this.enqueue(() => this.handlers.changed(payload));
      else log.error('realtime listener: unreadable NOTIFY payload');
    });
    try {
      await client.connect();
      await client.query(`listen ${REALTIME_CHANNEL}`);
      const { rows } = await client.query<{ now: Date }>('select now() as now');
      if (this.stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      const lastAlive = this.aliveAt;
      this.client = client;
      this.aliveAt = rows[0].now;
      this.failures = 0;
      // Anything committed after the old connection died and before LISTEN has no NOTIFY for us.
      if (this.everConnected && lastAlive) this.enqueue(() => this.handlers.reconnected(lastAlive));
      this.everConnected = true;
      this.startHeartbeat(client);
      for (const resolve of this.connectedWaiters.splice(0)) resolve();
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      this.scheduleReconnect(error as Error);
    }
  }

  private connectionLost(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.detach();
    void client.end().catch(() => undefined);
    this.scheduleReconnect(error);
  }

  private detach(): Client | null {
    const client = this.client;
    this.client = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (client) {
      client.removeAllListeners();
      // pg may still emit an error on a connection we gave up on; it must not crash the process.
      client.on('error', () => undefined);
    }
    return client;
  }

  private scheduleReconnect(error?: Error): void {
    if (this.stopped || this.retry) return;
    const delay = Math.min(this.options.maxBackoffMs, this.options.minBackoffMs * 2 ** this.failures);
    this.failures += 1;
    log.warn({ reason: error?.message, delayMs: delay }, 'realtime listener disconnected; reconnecting');
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay * (0.8 + Math.random() * 0.4));
  }

  /** A query every heartbeatMs; one that fails or hangs means the connection is gone. */
  private startHeartbeat(client: Client): void {
    this.heartbeat = setInterval(() => {
      const timeout = setTimeout(() => this.connectionLost(client, new Error('heartbeat timed out')), this.options.heartbeatMs);
      client
        .query<{ now: Date }>('select now() as now')
        .then(({ rows }) => {
          if (this.client === client) this.aliveAt = rows[0].now;
        })
        .catch((error: Error) => this.connectionLost(client, error))
        .finally(() => clearTimeout(timeout));
    }, this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  private enqueue(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((error) => log.error({ err: error }, 'realtime delivery failed'));
  }
}
