/**
 * CPU per request, one request at a time (so other work on the machine does not change it):
 * `node -r @swc-node/register bench/cpu.ts board|report|resolve [tickets|floor|postgraphile] [count]`
 * on the quick data kept in BENCH_DATA_DIR (built on the first call). The server's user+system
 * time from /proc/<pid>/stat over `count` requests after a warm-up; with BENCH_PROFILE=dir the
 * server also writes a CPU profile there when it stops.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { QUICK_SCALE, buildData, freeSessions, ongoingDisputes } from './data';
import { BOARD_COLUMN, BOARD_COLUMNS, POSTGRAPHILE_BOARD_COLUMN, REPORT_ISSUE, RESOLVE_TICKET, boardVariables } from './documents';
import { login } from './load';
import { type ServerKind, sql, startDatabase, startServer, takeStatementCount } from './processes';

const [scenario = 'board', kind = 'tickets', countArg = '400', concurrencyArg = '1'] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg);
const log = (line: string) => console.log(`[cpu] ${line}`);
const TICKS = 100; // USER_HZ on Linux

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

/** CPU of the embedded PostgreSQL: the postmaster (postmaster.pid) and its children, the backends. */
function databaseCpuMs(): number {
  const postmaster = Number(readFileSync(path.resolve(process.env.BENCH_DATA_DIR!, 'pg/postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuMs(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[1]) === postmaster) total += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

async function main() {
  if (!process.env.BENCH_DATA_DIR) throw new Error('set BENCH_DATA_DIR (the quick data is kept there between calls)');
  const db = await startDatabase(path.resolve(process.env.BENCH_DATA_DIR), log, true);
  const servers = [];
  try {
    const [row] = await sql<{ count: string }>(db.url, "select count(*) from tickets where number like 'B-%'").catch(() => [{ count: '0' }]);
    if (Number(row.count) !== QUICK_SCALE.tickets) {
      const first = await startServer('tickets', db.url);
      await first.stop();
      await buildData(db.url, QUICK_SCALE, log);
    }
    // CPU_SHOW_SQL=1: print the statements of the first measured request (the server's query log).
    const showSql = process.env.CPU_SHOW_SQL === '1';
    let logged: string[] | null = null;
    const server = await startServer(kind as ServerKind, db.url, showSql ? { env: { LOG_SQL: 'true' }, onLine: (line) => logged?.push(line) } : {});
    servers.push(server);
    const auth = kind === 'tickets' ? await startServer('tickets', db.url) : null;
    const coordinator = auth ? await login(auth.url, 'coordinator@demo.test') : undefined;
    const bodies = await requests(db.url, auth?.url, coordinator);
    await auth?.stop();
    const send = async (call: { body: string; token?: string }) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(call.token ? { authorization: `Bearer ${call.token}` } : {}) },
        body: call.body,
      });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"')) throw new Error(`request failed: ${text.slice(0, 300)}`);
    };
    const warmup = Math.min(50, Math.floor(bodies.length / 5));
    for (let i = 0; i < warmup; i += 1) await send(bodies[i]);
    await takeStatementCount(db);
    if (showSql) {
      logged = [];
      await send(bodies[warmup]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      console.log(logged.join('\n'));
      logged = null;
    }
    const measured = bodies.slice(warmup + (showSql ? 1 : 0), warmup + count);
    const cpuBefore = cpuMs(server.child.pid!);
    const databaseBefore = databaseCpuMs();
    const started = performance.now();
    let next = 0;
    const latencies: number[] = [];
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < measured.length) {
        const sent = performance.now();
        await send(measured[next++]);
        latencies.push(performance.now() - sent);
        if (process.env.CPU_SLOW && performance.now() - sent > Number(process.env.CPU_SLOW)) log(`slow: ${(performance.now() - sent).toFixed(0)} ms, sent at +${(sent - started).toFixed(0)} ms`);
      }
    }));
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(0);
    const wall = performance.now() - started;
    const cpu = cpuMs(server.child.pid!) - cpuBefore;
    const databaseCpu = databaseCpuMs() - databaseBefore;
    const statements = await takeStatementCount(db);
    log(`${scenario} on ${kind}: ${measured.length} requests, ${concurrency} at a time, CPU ${(cpu / measured.length).toFixed(2)} ms/request (PostgreSQL ${(databaseCpu / measured.length).toFixed(2)} ms), wall ${(wall / measured.length).toFixed(2)} ms/request, ${statements === null ? '?' : (statements / measured.length).toFixed(2)} SQL/request; latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
  } finally {
    for (const server of servers) await server.stop();
    await db.stop();
  }
}

/** The bodies to send: board pages cycle; writes take inputs not used yet. */
async function requests(databaseUrl: string, appUrl: string | undefined, coordinator: string | undefined): Promise<Array<{ body: string; token?: string }>> {
  const json = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  if (scenario === 'board') {
    return Array.from({ length: count + 50 }, (_, i) => {
      const status = BOARD_COLUMNS[i % 4];
      return kind === 'postgraphile'
        ? { body: json(POSTGRAPHILE_BOARD_COLUMN, { status, first: 50, after: null }) }
        : { body: json(BOARD_COLUMN, boardVariables(status)), token: coordinator };
    });
  }
  if (scenario === 'resolve') {
    const ongoing = new Set((await sql<{ id: string }>(databaseUrl, "select id from tickets where status = 'ONGOING' and type = 'DISPUTE'")).map((r) => r.id));
    return ongoingDisputes(QUICK_SCALE)
      .filter((id) => ongoing.has(id))
      .map((ticketId) => ({ body: json(RESOLVE_TICKET, { input: { ticketId, outcome: 'IN_FAVOR_OF_EDUCATOR', comment: 'Resolved by the bench' } }), token: coordinator }));
  }
  const taken = new Set((await sql<{ id: string }>(databaseUrl, 'select session_id as id from ticket_sessions')).map((r) => r.id));
  const families = freeSessions(QUICK_SCALE).filter((f) => !taken.has(f.session));
  const tokens = new Map<number, string>();
  for (const parent of new Set(families.map((f) => f.parent))) tokens.set(parent, await login(appUrl!, `parent-${parent}@bench.test`));
  const input = { category: 'QUALITY', title: 'Bench report', description: 'The lesson did not go as planned.', requestedEffect: 'PARTIAL_CREDIT' };
  return families.map(({ parent, session }) => ({ body: json(REPORT_ISSUE, { input: { ...input, sessionIds: [session] } }), token: tokens.get(parent) }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
