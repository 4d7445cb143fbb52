/**
 * `npm run bench` (not part of `npm test`): builds the data at scale in its own database, starts
 * the server in production mode beside two baselines (a hand-written graphql-js + pg floor and
 * PostGraphile 5), drives them with autocannon and WebSocket clients on loopback, and rewrites
 * bench/RESULTS.md. `npm run bench -- --quick` runs every scenario small.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Scale, FULL_SCALE, QUICK_SCALE, benchId, buildData, freeSessions, ongoingDisputes, openSupportTickets, populations } from './data';
import { BOARD_COLUMN, BOARD_COLUMNS, POSTGRAPHILE_BOARD_COLUMN, REPORT_ISSUE, RESOLVE_TICKET, TICKET_DETAIL, boardVariables } from './documents';
import { explainBoard } from './explain';
import { FanoutServer, type FanoutResult, measureFanout } from './fanout';
import { type LoadResult, type NextRequest, login, runLoad } from './load';
import { ROOT, type RunningProcess, type ServerKind, ensurePostgraphile, memoryOf, openFileLimit, sql, startDatabase, startServer } from './processes';
import { type RunSummary, writeResults } from './results';
import { measureSync } from './sync';

const quick = process.argv.includes('--quick');
const scale: Scale = quick ? QUICK_SCALE : FULL_SCALE;
const plan = quick
  ? { seconds: 3, warmup: 1, reports: 300, resolves: 300, writeSeconds: 8, fanout: [200, 500, 1000], pair: 500, rounds: 3, coldStarts: 1 }
  : { seconds: 10, warmup: 2, reports: 4000, resolves: 4000, writeSeconds: 15, fanout: [1000, 5000, 10000], pair: 5000, rounds: 10, coldStarts: 3 };
// BENCH_DATA_DIR=dir keeps the database there between runs (and reuses its data); by default a fresh one in the temp directory.
const keptDir = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : null;
// --only=board,detail,mixed,writes,fanout,sync runs just those (while working on one); RESULTS.md is then not rewritten.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? null;
const runs = (scenario: string) => !only || only.includes(scenario);
const READ_CONNECTIONS = 50;
const WRITE_CONNECTIONS = 20;

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const json = (query: string, variables: Record<string, unknown>, operationName?: string) => JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) });

/** Round-robin over a fixed list of bodies (reads). */
function cycle(bodies: string[], token?: string): NextRequest {
  let i = 0;
  return () => ({ body: bodies[i++ % bodies.length], token });
}

/** Each input once (writes); the load's `amount` never asks for more than there are. */
function once<T>(inputs: T[], toCall: (input: T) => { body: string; token?: string }): NextRequest {
  let i = 0;
  return () => (i < inputs.length ? toCall(inputs[i++]) : null);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const startedAt = Date.now();
  const dataDir = keptDir ?? path.join(os.tmpdir(), `tickets-bench-${process.pid}`);
  mkdirSync(dataDir, { recursive: true });
  const db = await startDatabase(dataDir, log, !!keptDir);
  const servers: RunningProcess[] = [];
  const summary: RunSummary = {
    date: new Date().toISOString(),
    quick,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ${os.type()} ${os.release()}`,
    loadBefore: os.loadavg()[0],
    scale: { ...scale, ...populations(scale), logs: scale.tickets * scale.logsPerTicket },
    postgraphile: null,
    loads: [],
    fanout: [],
    coldStartMs: [],
    idleRss: {},
    explain: [],
    buildSeconds: 0,
    totalSeconds: 0,
  };
  try {
    // 1. Schema and demo accounts by the server's own first start, then the bulk data.
    const built = Date.now();
    if (keptDir && (await hasData(db.url, scale))) log(`reusing the data in ${keptDir}`);
    else {
      log('first start: migrations and demo accounts');
      const first = await startServer('tickets', db.url);
      await first.stop();
      log(`building ${scale.tickets} tickets, ${scale.tickets * scale.logsPerTicket} issue-log rows, ${scale.sessions} sessions, ${scale.users} users`);
      await buildData(db.url, scale, log);
    }
    summary.buildSeconds = (Date.now() - built) / 1000;

    // 2. Cold start to healthy on the existing database, and the board's plans.
    for (let i = 0; i < plan.coldStarts; i += 1) {
      const server = await startServer('tickets', db.url);
      summary.coldStartMs.push(server.startMs);
      await server.stop();
    }
    log(`cold start to healthy: ${summary.coldStartMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    summary.explain = await explainBoard(db.url, log);

    // The business's data in: one 500-session syncSessions call, new then unchanged (issue 19).
    if (runs('sync')) {
      const server = await startServer('tickets', db.url);
      try {
        summary.sync = await measureSync(server.url, log);
      } finally {
        await server.stop();
      }
    }

    // 3. The three servers, each alone on the machine while it is measured.
    const kinds: ServerKind[] = ['floor', 'tickets'];
    if (ensurePostgraphile(log)) kinds.push('postgraphile');
    const coordinator = await (async () => {
      const app = await startServer('tickets', db.url);
      const token = await login(app.url, 'coordinator@demo.test');
      await app.stop();
      return token;
    })();
    for (const kind of kinds) {
      let server: RunningProcess;
      try {
        server = await startServer(kind, db.url);
      } catch (error) {
        if (kind !== 'postgraphile') throw error;
        summary.postgraphile = `did not start: ${(error as Error).message}`;
        log(summary.postgraphile);
        continue;
      }
      servers.push(server);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      summary.idleRss[kind] = memoryOf(server.child.pid!).rss;
      const record = (scenario: string, result: LoadResult) => {
        summary.loads.push({ scenario, server: kind, ...result });
        log(`${scenario} on ${kind}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.statementsPerRequest?.toFixed(2) ?? '?'} SQL/request, ${result.failures} failures`);
      };
      const read = { connections: READ_CONNECTIONS, seconds: plan.seconds, warmupSeconds: plan.warmup };
      const boardBodies =
        kind === 'postgraphile'
          ? BOARD_COLUMNS.map((status) => json(POSTGRAPHILE_BOARD_COLUMN, { status, first: 50, after: null }))
          : BOARD_COLUMNS.map((status) => json(BOARD_COLUMN, boardVariables(status), 'BoardColumn'));
      if (runs('board')) record('board', await runLoad(server, db, cycle(boardBodies, kind === 'tickets' ? coordinator : undefined), read));
      if (kind !== 'tickets') continue;

      const details = Array.from({ length: 500 }, (_, i) => json(TICKET_DETAIL, { id: benchId(6, 1 + ((i * 7919) % populations(scale).linkedSessions)) }, 'TicketDetail'));
      if (runs('detail')) record('ticketDetail', await runLoad(server, db, cycle(details, coordinator), read));

      let m = 0;
      const commentable = openSupportTickets(scale);
      const mixed: NextRequest = () => {
        m += 1;
        if (m % 10 === 0) {
          const id = commentable[(m * 31) % commentable.length];
          return { body: json('mutation($id: ID!, $body: String!) { addTicketComment(ticketId: $id, body: $body) { id version } }', { id, body: `mixed ${m}` }), token: coordinator };
        }
        return { body: m % 2 ? boardBodies[m % 4] : details[m % details.length], token: coordinator };
      };
      if (runs('mixed')) record('mixed (90% reads)', await runLoad(server, db, mixed, read));

      if (!runs('writes')) continue;
      const families = freeSessions(scale).slice(0, plan.reports);
      const parentTokens = new Map<number, string>();
      const parents = [...new Set(families.map((f) => f.parent))];
      for (let i = 0; i < parents.length; i += 4) {
        await Promise.all(parents.slice(i, i + 4).map(async (parent) => parentTokens.set(parent, await login(server.url, `parent-${parent}@bench.test`))));
      }
      const report = once(families, ({ parent, session }) => ({
        body: json(REPORT_ISSUE, { input: { sessionIds: [session], category: 'QUALITY', title: 'Bench report', description: 'The lesson did not go as planned.', requestedEffect: 'PARTIAL_CREDIT' } }, 'ReportIssue'),
        token: parentTokens.get(parent),
      }));
      record('reportIssue', await runLoad(server, db, report, { connections: WRITE_CONNECTIONS, amount: families.length, maxSeconds: plan.writeSeconds }));

      const disputes = ongoingDisputes(scale).slice(0, plan.resolves);
      const resolve = once(disputes, (ticketId) => ({
        body: json(RESOLVE_TICKET, { input: { ticketId, outcome: 'IN_FAVOR_OF_EDUCATOR', comment: 'Resolved by the bench' } }, 'ResolveTicket'),
        token: coordinator,
      }));
      record('resolveTicket', await runLoad(server, db, resolve, { connections: WRITE_CONNECTIONS, amount: disputes.length, maxSeconds: plan.writeSeconds }));
    }
    for (const server of servers.splice(0)) await server.stop();

    // 4. Fan-out: one instance at each size, then two instances on one database.
    if (runs('fanout')) await fanout(db.url, summary);
  } finally {
    for (const server of servers) await server.stop().catch(() => undefined);
    await db.stop();
    if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
  }
  summary.totalSeconds = (Date.now() - startedAt) / 1000;
  summary.loadAfter = os.loadavg()[0];
  mkdirSync(path.join(ROOT, '.data'), { recursive: true });
  writeFileSync(path.join(ROOT, '.data/bench-last-run.json'), JSON.stringify(summary, null, 2));
  if (!only) writeResults(summary);
  log(`done in ${(summary.totalSeconds / 60).toFixed(1)} min${only ? '' : '; bench/RESULTS.md written'} (median cold start ${median(summary.coldStartMs).toFixed(0)} ms)`);
}

/** Whether a kept database already holds this scale's data. */
async function hasData(url: string, wanted: Scale): Promise<boolean> {
  try {
    const [row] = await sql<{ count: string }>(url, "select count(*) from tickets where number like 'B-%'");
    return Number(row.count) === wanted.tickets;
  } catch {
    return false;
  }
}

/** One instance at each size, then two instances on one database. */
async function fanout(databaseUrl: string, summary: RunSummary): Promise<void> {
  const limit = openFileLimit();
  const needed = Math.max(...plan.fanout, plan.pair * 2) + 500;
  if (limit < needed) log(`ulimit -n is ${limit}; ${needed} descriptors are needed: run \`ulimit -n ${needed}\` first`);
  const one = await FanoutServer.start(databaseUrl);
  try {
    for (const size of plan.fanout) {
      log(`fan-out: ${size} subscribers ...`);
      summary.fanout.push(await measureFanout([one], size, plan.rounds, 'one instance'));
      log(JSON.stringify(summary.fanout.at(-1)));
    }
  } finally {
    await one.stop();
  }
  const pair = [await FanoutServer.start(databaseUrl), await FanoutServer.start(databaseUrl)];
  try {
    log(`fan-out: 2 instances × ${plan.pair} subscribers ...`);
    summary.fanout.push(await measureFanout(pair, plan.pair, plan.rounds, 'two instances'));
    log(JSON.stringify(summary.fanout.at(-1)));
  } finally {
    for (const server of pair) await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
