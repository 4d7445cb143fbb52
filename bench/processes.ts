/**
 * The processes a bench run starts: PostgreSQL (embedded, with pg_stat_statements, or
 * DATABASE_URL), the server under test and the two baselines, each in its own child process on
 * loopback, with their memory read from /proc.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from '../server/src/db/database';
import { startEmbeddedPostgres } from '../server/src/db/embedded-postgres';

export const ROOT = path.resolve(__dirname, '..');
export const JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256';
const BENCH_DATABASE = 'tickets_bench';
/** Every client of a bench shares the loopback address: the per-address and per-user abuse limits are raised (README, Configuration). */
export const BENCH_LIMITS = { WS_CONNECTIONS_PER_MINUTE: '1000000', REPORT_ISSUE_LIMIT: '1000000' };

export interface BenchDatabase {
  url: string;
  /** Whether pg_stat_statements counts the statements. */
  countsStatements: boolean;
  stop(): Promise<void>;
}

async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * A fresh bench database: on DATABASE_URL's server when set, else on an embedded PostgreSQL in
 * `dataDir` restarted once with pg_stat_statements loaded (it must be preloaded).
 */
export async function startDatabase(dataDir: string, log: (line: string) => void, keep = false): Promise<BenchDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!serverUrl) {
    const pgDir = path.join(dataDir, 'pg');
    if (!existsSync(path.join(pgDir, 'postgresql.auto.conf')) || !readFileSync(path.join(pgDir, 'postgresql.auto.conf'), 'utf8').includes('pg_stat_statements')) {
      const first = await startEmbeddedPostgres({ dataDir: pgDir });
      await query(first.url, "alter system set shared_preload_libraries = 'pg_stat_statements'");
      await query(first.url, "alter system set shared_buffers = '256MB'");
      await first.stop();
    }
    const embedded = await startEmbeddedPostgres({ dataDir: pgDir });
    serverUrl = embedded.url;
    stop = () => embedded.stop();
    log(`embedded PostgreSQL on port ${embedded.port}`);
  }
  if (!keep) await query(serverUrl, `drop database if exists ${BENCH_DATABASE} with (force)`);
  const url = await ensureDatabase(serverUrl, BENCH_DATABASE);
  let countsStatements = true;
  try {
    await query(url, 'create extension if not exists pg_stat_statements');
    await query(url, 'select pg_stat_statements_reset()');
  } catch (error) {
    countsStatements = false;
    log(`pg_stat_statements is not available (${(error as Error).message}): SQL statements per request are not counted`);
  }
  return { url, countsStatements, stop };
}

/** Statements run on the bench database since the last reset (the bench's own excluded), then resets. */
export async function takeStatementCount(db: BenchDatabase): Promise<number | null> {
  if (!db.countsStatements) return null;
  const [row] = await query<{ calls: string | null }>(
    db.url,
    `select sum(calls) as calls from pg_stat_statements
     where dbid = (select oid from pg_database where datname = current_database()) and query not ilike '%pg_stat_statements%'`,
  );
  await query(db.url, 'select pg_stat_statements_reset()');
  return Number(row.calls ?? 0);
}

export { query as sql };

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Memory {
  /** Resident set now, bytes. */
  rss: number;
  /** The largest resident set since start or the last resetPeak. */
  peak: number;
}

export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Starts the peak (VmHWM) over from the current resident set. */
export function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not permitted here: the peak then covers the process's whole life
  }
}

/** Every server child the bench started: killed if the bench itself stops early. */
const children = new Set<ChildProcess>();
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

export type ServerKind = 'tickets' | 'floor' | 'postgraphile';

export interface RunningProcess {
  kind: ServerKind;
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first healthy /healthz. */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * The V8 flags `npm start` gives the server (package.json), so the bench runs it the same way: a
 * young generation large enough for a request's short-lived objects (with the default, garbage
 * collection took 18% of the board's CPU at 50 connections).
 */
export const SERVER_NODE_FLAGS: string[] = (() => {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  const flags = /node ((?:--\S+ )*)-r @swc-node\/register server\/src\/main\.ts/.exec(start)?.[1] ?? '';
  return flags.split(' ').filter(Boolean);
})();

const COMMANDS: Record<ServerKind, (port: number) => { args: string[]; env: Record<string, string>; cwd: string }> = {
  tickets: () => ({
    // The compiled server, as production runs it (ensureServerBuild below).
    args: [...SERVER_NODE_FLAGS, 'server/dist/app/main.js'],
    env: { NODE_ENV: 'production', JWT_SECRET, RUN_WORKER: 'false', SEED_ON_EMPTY: 'true', HOST: '127.0.0.1', ...BENCH_LIMITS },
    cwd: ROOT,
  }),
  floor: () => ({ args: ['-r', '@swc-node/register', 'bench/floor.ts'], env: {}, cwd: ROOT }),
  postgraphile: () => ({ args: ['server.js'], env: { NODE_ENV: 'production' }, cwd: path.join(ROOT, 'bench/postgraphile') }),
};

/** Installs the PostGraphile baseline's own dependencies (bench/postgraphile/package-lock.json) once. */
export function ensurePostgraphile(log: (line: string) => void): boolean {
  const dir = path.join(ROOT, 'bench/postgraphile');
  if (existsSync(path.join(dir, 'node_modules/postgraphile'))) return true;
  log('installing the PostGraphile baseline (npm ci in bench/postgraphile) ...');
  try {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit', timeout: 300_000 });
    return true;
  } catch (error) {
    log(`PostGraphile could not be installed: ${(error as Error).message}`);
    return false;
  }
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Called with each line the server prints on stdout (otherwise ignored). */
  onLine?: (line: string) => void;
}

let built = false;
/** `npm run build:server` once per bench run, so the server measured is the current code, compiled. */
function ensureServerBuild(): void {
  if (built) return;
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

export async function startServer(kind: ServerKind, databaseUrl: string, options: StartOptions = {}): Promise<RunningProcess> {
  if (kind === 'tickets') ensureServerBuild();
  const port = await freePort();
  const { args, env, cwd } = COMMANDS[kind](port);
  const started = performance.now();
  // BENCH_PROFILE=dir writes a CPU profile of the server under test there when it stops.
  const profile = kind === 'tickets' && process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = track(spawn(process.execPath, [...profile, ...args], {
    cwd,
    env: { ...process.env, ...env, ...options.env, DATABASE_URL: databaseUrl, PORT: String(port), DATA_DIR: path.join(ROOT, '.data/bench-server') },
    stdio: ['ignore', options.onLine ? 'pipe' : 'ignore', 'inherit'],
  }));
  if (options.onLine) {
    let buffer = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (buffer + chunk).split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) options.onLine!(line);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} exited with ${child.exitCode} before it was healthy`);
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (performance.now() - started > 120_000) throw new Error(`${kind} was not healthy within 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startMs = performance.now() - started;
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { kind, url, child, startMs, stop };
}

/** `ulimit -n` of this shell, for the fan-out's sockets. */
export function openFileLimit(): number {
  try {
    return Number(execFileSync('sh', ['-c', 'ulimit -n']).toString().trim());
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
