/**
 * Fan-out: N dashboards subscribed to the dashboard's own TicketChanged document (with
 * ...BoardTicketFields) on one or two server instances sharing the database; one comment per round
 * over HTTP; the time from the mutation's response to the last subscriber receiving the event, and
 * the server's memory per idle connection. Servers run in child processes (bench/fanout-server.ts).
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { TICKET_CHANGED } from './documents';
import type { BenchRequest } from './fanout-server';
import { gql, login } from './load';
import { BENCH_LIMITS, JWT_SECRET, ROOT, SERVER_NODE_FLAGS, track } from './processes';

const CONNECT_CONCURRENCY = 100;
const ROUND_TIMEOUT_MS = 60_000;

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

/** A server instance in a child process and a request/response channel to it over IPC. */
export class FanoutServer {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  url = '';

  private constructor(readonly child: ChildProcess) {
    child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    });
  }

  static async start(databaseUrl: string): Promise<FanoutServer> {
    const child = track(fork(path.join(__dirname, 'fanout-server.ts'), [], {
      cwd: ROOT,
      // BENCH_PROFILE=dir writes a CPU profile of the server there.
      execArgv: [...SERVER_NODE_FLAGS, '-r', '@swc-node/register', '--expose-gc', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
      env: { ...process.env, NODE_ENV: 'production', JWT_SECRET, DATABASE_URL: databaseUrl, RUN_WORKER: 'false', SEED_ON_EMPTY: 'false', ...BENCH_LIMITS },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }));
    const server = new FanoutServer(child);
    const ready = new Promise<{ url: string }>((resolve, reject) => {
      server.pending.set(0, { resolve, reject });
      child.once('exit', (code) => reject(new Error(`fan-out server exited with ${code}`)));
    });
    server.url = (await ready).url;
    return server;
  }

  ask<T = any>(request: BenchRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, request });
    });
  }

  async stop(): Promise<void> {
    await this.ask({ type: 'stop' }).catch(() => undefined);
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** A bare graphql-transport-ws client: cheap enough to run thousands in the bench process. */
class Subscriber {
  socket!: WebSocket;
  arrivedAt = 0;

  connect(url: string, token: string, onNext: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
      this.socket.on('open', () => this.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
      this.socket.on('message', (data: Buffer) => {
        if (data.includes('"next"')) {
          this.arrivedAt = performance.now();
          if (data.includes('"errors"')) console.error('subscription error:', String(data).slice(0, 300));
          onNext();
        } else if (data.includes('"connection_ack"')) resolve();
        else if (data.includes('"error"')) console.error('subscription error:', String(data).slice(0, 300));
      });
      this.socket.on('error', reject);
      this.socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
    });
  }

  subscribe(): void {
    this.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: TICKET_CHANGED, operationName: 'TicketChanged', variables: { filter: null } } }));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.removeAllListeners('close');
      this.socket.once('close', () => resolve());
      this.socket.close(1000);
    });
  }
}

export const percentile = (values: number[], p: number) => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface FanoutResult {
  label: string;
  subscribers: number;
  rounds: number;
  /** A round did not reach every subscriber within ROUND_TIMEOUT_MS (its latency counts as that). */
  timedOut: boolean;
  p50: number;
  p99: number;
  max: number;
  /** Server memory per idle (connected, not subscribed) connection, RSS bytes; null with two instances. */
  idleRssPerConnection: number | null;
  idleHeapPerConnection: number | null;
  peakRss: number;
}

/** `perServer` subscribers on each of `servers`; the change is made through the first. */
export async function measureFanout(servers: FanoutServer[], perServer: number, rounds: number, label: string): Promise<FanoutResult> {
  const token = await login(servers[0].url, 'coordinator@demo.test');
  const { ticketId } = await servers[0].ask<{ ticketId: string | null }>({ type: 'ticket' });
  if (!ticketId) throw new Error('no open ticket to comment on');
  const total = perServer * servers.length;
  let delivered = 0;
  let allDelivered: () => void = () => {};
  const onNext = () => {
    delivered += 1;
    if (delivered === total) allDelivered();
  };
  const groups = servers.map((server) => ({ server, clients: Array.from({ length: perServer }, () => new Subscriber()) }));
  const clients = groups.flatMap((g) => g.clients);
  const before = await Promise.all(servers.map((s) => s.ask<Memory>({ type: 'memory' })));
  for (const { server, clients: own } of groups) {
    const wsUrl = `${server.url.replace(/^http/, 'ws')}/graphql`;
    await inBatches(own, CONNECT_CONCURRENCY, (c) => c.connect(wsUrl, token, onNext));
    await waitUntil('connections', async () => (await server.ask({ type: 'subscribers' })).connections >= perServer);
  }
  const idle = await Promise.all(servers.map((s) => s.ask<Memory>({ type: 'memory' })));
  for (const c of clients) c.subscribe();
  for (const { server } of groups) await waitUntil('subscriptions', async () => (await server.ask({ type: 'subscribers' })).subscribers >= perServer);

  const latencies: number[] = [];
  let n = 0;
  let timedOut = false;
  // One warm-up round (JIT, first queries) is not counted. A round that times out ends the measure.
  for (let round = -1; round < rounds && !timedOut; round += 1) {
    delivered = 0;
    const done = new Promise<boolean>((resolve) => {
      allDelivered = () => resolve(true);
      setTimeout(() => resolve(false), ROUND_TIMEOUT_MS).unref();
    });
    await gql(servers[0].url, 'mutation($id: ID!, $body: String!) { addTicketComment(ticketId: $id, body: $body) { id version } }', { id: ticketId, body: `bench comment ${(n += 1)}` }, token);
    const respondedAt = performance.now();
    timedOut = !(await done);
    if (timedOut) console.error(`  round ${round}: ${delivered}/${total} delivered in ${ROUND_TIMEOUT_MS} ms; measure ended`);
    if (round >= 0 || timedOut) latencies.push(timedOut ? ROUND_TIMEOUT_MS : Math.max(0, Math.max(...clients.map((c) => c.arrivedAt)) - respondedAt));
    await new Promise((resolve) => setTimeout(resolve, timedOut ? 5000 : 100));
  }
  const after = await Promise.all(servers.map((s) => s.ask<Memory & { peak: number }>({ type: 'memory' })));
  await inBatches(clients, 500, (c) => c.close());
  for (const { server } of groups) await waitUntil('disconnects', async () => (await server.ask({ type: 'subscribers' })).connections === 0);
  const single = servers.length === 1;
  return {
    label,
    subscribers: total,
    rounds: latencies.length,
    timedOut,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    idleRssPerConnection: single ? (idle[0].rss - before[0].rss) / perServer : null,
    idleHeapPerConnection: single ? (idle[0].heapUsed + idle[0].external - before[0].heapUsed - before[0].external) / perServer : null,
    peakRss: Math.max(...after.map((m) => m.peak)),
  };
}
