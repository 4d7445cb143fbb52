/**
 * Fan-out benchmark: N WebSocket subscribers (1,000 and 5,000) on one server instance on loopback;
 * one change per round; the time from the change's response to the last subscriber receiving it,
 * p50 and p99 over the rounds; and the server's memory per idle connection. The server runs in a
 * child process (bench/fanout-server.ts) on its own embedded PostgreSQL unless DATABASE_URL is set.
 *
 *   npm run bench                     # every benchmark, results into bench/RESULTS.md
 *   node -r @swc-node/register bench/fanout.ts [sizes=1000,5000] [rounds=30]
 */
import { type ChildProcess, execSync, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { BenchRequest } from './fanout-server';
import { writeResultsSection } from './results';

const SUBSCRIPTION = 'subscription { ticketChanged { sequence kind ticket { id number status version } } }';
const CONNECT_CONCURRENCY = 100;
const ROUND_TIMEOUT_MS = 15_000;
const TARGET_P99_MS = 250;
const TARGET_BYTES_PER_IDLE = 30 * 1024;

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** The server child process and a request/response channel to it over IPC. */
class BenchServer {
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

  static async start(dataDir: string): Promise<BenchServer> {
    const child = fork(path.join(__dirname, 'fanout-server.ts'), [], {
      // BENCH_PROFILE=dir writes a CPU profile of the server there.
      execArgv: ['-r', '@swc-node/register', '--expose-gc', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256',
        DATA_DIR: dataDir,
        RUN_WORKER: 'false',
        SEED_ON_EMPTY: 'true',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = new BenchServer(child);
    const ready = new Promise<{ url: string }>((resolve, reject) => {
      server.pending.set(0, { resolve, reject });
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
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
}

/** A bare graphql-transport-ws client: cheap enough to run thousands in the bench process. */
class Subscriber {
  socket!: WebSocket;
  arrivedAt = 0;

  connect(url: string, token: string, onNext: (s: Subscriber) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
      this.socket.on('open', () => this.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
      this.socket.on('message', (data: Buffer) => {
        if (data.includes('"next"')) {
          this.arrivedAt = performance.now();
          onNext(this);
        } else if (data.includes('"connection_ack"')) resolve();
        else if (data.includes('"error"')) console.error('subscription error:', String(data));
      });
      this.socket.on('error', reject);
      this.socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
    });
  }

  subscribe(): void {
    this.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
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

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface SizeResult {
  subscribers: number;
  rounds: number;
  change: string;
  afterResponse: { p50: number; p99: number; max: number };
  afterRequest: { p50: number; p99: number };
  everyDelivery: { p50: number; p99: number };
  idlePerConnection: { rss: number; heap: number };
  subscribedPerConnection: { rss: number; heap: number };
}

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** One change per round: the real mutation over HTTP when the server has it, else a direct change. */
async function changeMaker(server: BenchServer, token: string): Promise<{ label: string; make: () => Promise<void> }> {
  const { ticketId } = await server.ask<{ ticketId: string | null }>({ type: 'ticket' });
  if (!ticketId) throw new Error('the seeded database has no open ticket to change');
  const mutations = await gql(server.url, '{ __type(name: "Mutation") { fields { name } } }', {}, token);
  const hasComment = mutations.data?.__type?.fields?.some((f: { name: string }) => f.name === 'addTicketComment');
  if (hasComment) {
    let n = 0;
    return {
      label: 'addTicketComment mutation over HTTP (internal note by a coordinator)',
      make: async () => {
        const result = await gql(
          server.url,
          'mutation($id: ID!, $body: String!) { addTicketComment(ticketId: $id, body: $body, internal: true) { id version } }',
          { id: ticketId, body: `bench comment ${(n += 1)}` },
          token,
        );
        if (result.errors) throw new Error(`mutation failed: ${JSON.stringify(result.errors)}`);
      },
    };
  }
  return { label: 'a committed change with its event, made in the server process (no mutation yet)', make: () => server.ask({ type: 'change', ticketId }) };
}

async function measureSize(server: BenchServer, token: string, subscribers: number, rounds: number): Promise<SizeResult> {
  const wsUrl = `${server.url.replace(/^http/, 'ws')}/graphql`;
  const clients = Array.from({ length: subscribers }, () => new Subscriber());
  let delivered = 0;
  let allDelivered: () => void = () => {};
  const onNext = () => {
    delivered += 1;
    if (delivered === subscribers) allDelivered();
  };
  const change = await changeMaker(server, token);

  const before = await server.ask<Memory>({ type: 'memory' });
  await inBatches(clients, CONNECT_CONCURRENCY, (c) => c.connect(wsUrl, token, onNext));
  await waitUntil('connections', async () => (await server.ask({ type: 'subscribers' })).connections >= subscribers);
  const idle = await server.ask<Memory>({ type: 'memory' });
  for (const c of clients) c.subscribe();
  await waitUntil('subscriptions', async () => (await server.ask({ type: 'subscribers' })).subscribers >= subscribers);
  const subscribed = await server.ask<Memory>({ type: 'memory' });

  const afterResponse: number[] = [];
  const afterRequest: number[] = [];
  const everyDelivery: number[] = [];
  // Two warm-up rounds (JIT, first queries) are not counted.
  for (let round = -2; round < rounds; round += 1) {
    delivered = 0;
    const done = new Promise<void>((resolve, reject) => {
      allDelivered = resolve;
      setTimeout(() => reject(new Error(`round ${round}: ${delivered}/${subscribers} delivered in ${ROUND_TIMEOUT_MS} ms`)), ROUND_TIMEOUT_MS).unref();
    });
    const requestedAt = performance.now();
    await change.make();
    const respondedAt = performance.now();
    await done;
    if (round < 0) continue;
    let last = 0;
    for (const c of clients) {
      last = Math.max(last, c.arrivedAt);
      everyDelivery.push(Math.max(0, c.arrivedAt - respondedAt));
    }
    afterResponse.push(Math.max(0, last - respondedAt));
    afterRequest.push(last - requestedAt);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  await inBatches(clients, 500, (c) => c.close());
  await waitUntil('disconnects', async () => (await server.ask({ type: 'subscribers' })).connections === 0);
  const per = (after: Memory) => ({ rss: (after.rss - before.rss) / subscribers, heap: (after.heapUsed + after.external - before.heapUsed - before.external) / subscribers });
  return {
    subscribers,
    rounds,
    change: change.label,
    afterResponse: { p50: percentile(afterResponse, 50), p99: percentile(afterResponse, 99), max: Math.max(...afterResponse) },
    afterRequest: { p50: percentile(afterRequest, 50), p99: percentile(afterRequest, 99) },
    everyDelivery: { p50: percentile(everyDelivery, 50), p99: percentile(everyDelivery, 99) },
    idlePerConnection: per(idle),
    subscribedPerConnection: per(subscribed),
  };
}

function toMarkdown(results: SizeResult[], rounds: number, loadBefore: number): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after: other work on the machine slows every figure`;
  const lines = [
    `Run ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (bench/fanout.ts) on ${os.cpus().length} cores (${cpu}), Node ${process.version}, loopback; ${load}.`,
    `One server instance in a child process; all subscribers are coordinators (one JWT) subscribed to \`ticketChanged\` with`,
    `\`{ sequence kind ticket { id number status version } }\`, on raw \`ws\` clients in the bench process (which shares the two cores).`,
    `Change per round: ${results[0]?.change}. ${rounds} measured rounds after 2 warm-up rounds.`,
    '',
    '| Subscribers | Last delivery after the response, p50 / p99 (max) | After the request, p50 / p99 | Every delivery after the response, p50 / p99 | Server memory per idle connection (RSS / heap+external) | Per subscribed connection (RSS / heap+external) |',
    '|---:|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.subscribers.toLocaleString('en')} | ${ms(r.afterResponse.p50)} / ${ms(r.afterResponse.p99)} (${ms(r.afterResponse.max)}) | ${ms(r.afterRequest.p50)} / ${ms(r.afterRequest.p99)} | ${ms(r.everyDelivery.p50)} / ${ms(r.everyDelivery.p99)} | ${kb(r.idlePerConnection.rss)} / ${kb(r.idlePerConnection.heap)} | ${kb(r.subscribedPerConnection.rss)} / ${kb(r.subscribedPerConnection.heap)} |`,
    ),
    '',
  ];
  const largest = results.find((r) => r.subscribers === 5000);
  if (largest) {
    const latencyOk = largest.afterResponse.p99 < TARGET_P99_MS;
    const memoryOk = largest.idlePerConnection.rss < TARGET_BYTES_PER_IDLE;
    lines.push(
      `Targets (5,000 subscribers): p99 under ${TARGET_P99_MS} ms — ${latencyOk ? 'met' : 'NOT met'} (${ms(largest.afterResponse.p99)}); ` +
        `under 30 KB of server memory per idle subscriber — ${memoryOk ? 'met' : 'NOT met'} (${kb(largest.idlePerConnection.rss)} RSS).`,
      '',
      'Memory is measured in the server process after a full GC (`--expose-gc`), before and after connecting N clients (connection_init acknowledged, no subscription: "idle"), then after each subscribes.',
      '',
      'The subscription selects only plain fields, so each event is executed once and the result shared by all subscribers who sent the same operation (server/src/http/shared-execution.ts); who receives it is still checked per subscriber. A selection with field resolvers (e.g. `ticket { reporter { name } logs { comment } }`) runs per subscriber and costs more.',
    );
  }
  return lines.join('\n');
}

export async function runFanout(sizes = [1000, 5000], rounds = 30): Promise<string> {
  const needed = Math.max(...sizes) * 2 + 200;
  try {
    const limit = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim());
    if (limit < needed) console.warn(`ulimit -n is ${limit}; ${needed} descriptors are needed: run \`ulimit -n ${needed}\` first`);
  } catch {
    // not a POSIX shell; let the sockets fail loudly if there are too few descriptors
  }
  const loadBefore = os.loadavg()[0];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tickets-bench-'));
  const server = await BenchServer.start(dataDir);
  try {
    const login = await gql(server.url, 'mutation { login(email: "coordinator@demo.test", password: "demo1234") { token } }', {});
    const token: string = login.data.login.token;
    const results: SizeResult[] = [];
    for (const size of sizes) {
      console.log(`fan-out: ${size} subscribers ...`);
      const result = await measureSize(server, token, size, rounds);
      console.log(JSON.stringify(result));
      results.push(result);
    }
    return toMarkdown(results, rounds, loadBefore);
  } finally {
    await server.ask({ type: 'stop' }).catch(() => undefined);
    if (server.child.exitCode === null) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const sizes = (process.argv[2] ?? '1000,5000').split(',').map(Number);
  const rounds = Number(process.argv[3] ?? 30);
  runFanout(sizes, rounds)
    .then((markdown) => {
      console.log(markdown);
      writeResultsSection('Fan-out', markdown);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
