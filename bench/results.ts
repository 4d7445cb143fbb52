/** bench/RESULTS.md from one run's summary, with the issue's targets checked against it and against bench/before.json. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BoardPlan } from './explain';
import type { FanoutResult } from './fanout';
import type { LoadResult } from './load';

export const RESULTS_FILE = path.join(__dirname, 'RESULTS.md');
/**
 * Runs made before the performance work (issue 11), kept to show before and after: the full run
 * of the code before it (loaded machine), and a quick run of main once the first round was merged.
 */
export const BEFORE_FILES = [path.join(__dirname, 'before.json'), path.join(__dirname, 'before-quick.json')];
/** Hand-written findings (profiles) appended to every RESULTS.md. */
export const NOTES_FILE = path.join(__dirname, 'notes.md');

export interface RunSummary {
  date: string;
  quick: boolean;
  machine: string;
  loadBefore: number;
  loadAfter?: number;
  scale: Record<string, number>;
  postgraphile: string | null;
  loads: Array<LoadResult & { scenario: string; server: string }>;
  fanout: FanoutResult[];
  coldStartMs: number[];
  idleRss: Record<string, number>;
  explain: BoardPlan[];
  buildSeconds: number;
  totalSeconds: number;
  /** How a hand-kept summary (bench/before.json) was made. */
  note?: string;
  /** The sync scenario (bench/sync.ts): one 500-session syncSessions call, new then unchanged. */
  sync?: { newPerSecond: number; unchangedPerSecond: number; newMs: number; unchangedMs: number };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const kb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1024).toFixed(1)} KB`);
const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const n = (value: number) => value.toLocaleString('en');
const median = (values: number[]) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : Number.NaN);

const load = (s: RunSummary, scenario: string, server: string) => s.loads.find((l) => l.scenario === scenario && l.server === server);
const fan = (s: RunSummary, subscribers: number, label = 'one instance') => s.fanout.find((f) => f.subscribers === subscribers && f.label === label);

interface Target {
  name: string;
  value: (s: RunSummary) => number | undefined;
  show: (v: number) => string;
  met: (v: number) => boolean;
}

const TARGETS: Target[] = [
  { name: 'Board throughput ≥ 70% of the floor', value: (s) => ratio(load(s, 'board', 'tickets')?.rps, load(s, 'board', 'floor')?.rps), show: (v) => `${(v * 100).toFixed(0)}%`, met: (v) => v >= 0.7 },
  { name: 'Board p99 no slower than PostGraphile', value: (s) => ratio(load(s, 'board', 'tickets')?.p99, load(s, 'board', 'postgraphile')?.p99), show: (v) => `${v.toFixed(2)}× PostGraphile's p99`, met: (v) => v <= 1 },
  { name: 'Board p99 < 50 ms at 50 connections', value: (s) => load(s, 'board', 'tickets')?.p99, show: ms, met: (v) => v < 50 },
  { name: 'Board ≤ 5 SQL statements per request', value: (s) => load(s, 'board', 'tickets')?.statementsPerRequest ?? undefined, show: (v) => v.toFixed(2), met: (v) => v <= 5 },
  { name: 'Fan-out to 5,000 subscribers p99 < 250 ms', value: (s) => fan(s, 5000)?.p99, show: ms, met: (v) => v < 250 },
  { name: 'Fan-out to 10,000 subscribers p99 < 600 ms', value: (s) => fan(s, 10000)?.p99, show: ms, met: (v) => v < 600 },
  { name: 'Memory < 30 KB per idle subscriber', value: (s) => s.fanout.filter((f) => f.idleRssPerConnection !== null).at(-1)?.idleRssPerConnection ?? undefined, show: kb, met: (v) => v < 30 * 1024 },
  { name: 'reportIssue ≥ 500/s', value: (s) => load(s, 'reportIssue', 'tickets')?.rps, show: (v) => `${v.toFixed(0)}/s`, met: (v) => v >= 500 },
  { name: 'resolveTicket ≥ 300/s', value: (s) => load(s, 'resolveTicket', 'tickets')?.rps, show: (v) => `${v.toFixed(0)}/s`, met: (v) => v >= 300 },
  { name: 'Cold start to healthy < 3 s (existing database)', value: (s) => median(s.coldStartMs), show: ms, met: (v) => v < 3000 },
  { name: 'Idle RSS < 150 MB', value: (s) => s.idleRss.tickets, show: mb, met: (v) => v < 150 * 2 ** 20 },
  { name: 'syncSessions of 500 new sessions ≥ 1,000 items/s', value: (s) => s.sync?.newPerSecond, show: (v) => `${v.toFixed(0)}/s`, met: (v) => v >= 1000 },
  { name: 'syncSessions of 500 unchanged sessions ≥ 5,000 items/s', value: (s) => s.sync?.unchangedPerSecond, show: (v) => `${v.toFixed(0)}/s`, met: (v) => v >= 5000 },
];

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || !b ? undefined : a / b;
}

function readBefores(): RunSummary[] {
  return BEFORE_FILES.filter((file) => existsSync(file)).map((file) => JSON.parse(readFileSync(file, 'utf8')) as RunSummary);
}

const beforeLabel = (b: RunSummary) => `Before (${b.date.slice(0, 16).replace('T', ' ')}${b.quick ? ', quick' : ''})`;
/** A target's value in a hand-kept run; figures it did not record (null) show as —. */
const valueIn = (t: Target, b: RunSummary) => {
  const v = t.value(b);
  return v === undefined || v === null || Number.isNaN(v) ? undefined : v;
};

export function renderResults(s: RunSummary, befores: RunSummary[] = readBefores()): string {
  const floor = load(s, 'board', 'floor');
  const pgl = load(s, 'board', 'postgraphile');
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${s.quick ? ' -- --quick' : ''}\` on ${s.date.slice(0, 16).replace('T', ' ')} UTC in ${(s.totalSeconds / 60).toFixed(1)} min (data built in ${s.buildSeconds.toFixed(0)} s).`,
    `Machine: ${s.machine}; load average ${s.loadBefore.toFixed(1)} before, ${(s.loadAfter ?? 0).toFixed(1)} after${s.loadBefore > 1 ? ' — **other work shared the cores during this run, so every figure is noisy**' : ''}.`,
    `Data: ${n(s.scale.tickets)} tickets, ${n(s.scale.logs)} issue-log rows, ${n(s.scale.sessions)} sessions, ${n(s.scale.users)} users (${n(s.scale.staff)} staff, ${n(s.scale.tutors)} tutors, ${n(s.scale.parents)} parents, ${n(s.scale.learners)} learners), built with generate_series.`,
    'Servers: the Tickets server in production mode (NODE_ENV=production, the background worker off) as `npm start` runs it; the floor (bench/floor.ts: graphql-js + pg, one SQL statement, no authentication); PostGraphile 5 (bench/postgraphile, amber preset, same tables). Each runs alone, in its own process, on loopback.',
    `Documents: the dashboard's own (dashboard/src/graphql/tickets.ts, checked by tests/unit/bench-documents.test.ts); PostGraphile gets the same selection under its names (\`allTickets(condition: {status})\`, \`userByReporterId\`, ...).`,
    s.postgraphile ? `PostGraphile: ${s.postgraphile}` : 'PostGraphile: 5.0.0-rc.3, the newest PostGraphile 5 whose packages declare Node ≥ 16 (5.0.0-rc.6 and later, and 5.0.x/5.1.x, require Node ≥ 22).',
    '',
    '## Targets (issue 11)',
    '',
    `| Target | ${befores.map((b) => `${beforeLabel(b)} | `).join('')}After (this run${s.quick ? ', quick' : ''}) | Met |`,
    `|---|${befores.map(() => '---|').join('')}---|---|`,
    ...TARGETS.map((t) => {
      const now = t.value(s);
      const thens = befores.map((b) => valueIn(t, b)).map((then) => (then === undefined ? '—' : t.show(then)));
      return `| ${t.name} | ${thens.map((then) => `${then} | `).join('')}${now === undefined ? '—' : t.show(now)} | ${now === undefined ? 'not measured' : t.met(now) ? '**met**' : '**not met**'} |`;
    }),
    '',
    ...befores.flatMap((b) => (b.note ? [`${beforeLabel(b)}: ${b.note}`, ''] : [])),
    '## HTTP scenarios',
    '',
    'autocannon; reads with 50 connections for the stated seconds after a warm-up, writes with 20 in flight until their inputs run out or the time limit (15 s; 8 s with --quick). SQL statements per request from pg_stat_statements (BEGIN/COMMIT included): for writes over the whole load, for reads over ten requests sent one at a time after it; peak RSS of the server process during the scenario.',
    '',
    '| Scenario | Server | Requests | req/s | p50 | p99 | SQL / request | Peak RSS | Failures | vs floor (req/s) | vs PostGraphile (req/s; p99) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...s.loads.map((l) => {
      const vsFloor = l.scenario === 'board' && floor ? `${((l.rps / floor.rps) * 100).toFixed(0)}%` : '';
      const vsPgl = l.scenario === 'board' && pgl ? `${((l.rps / pgl.rps) * 100).toFixed(0)}%; ${(l.p99 / pgl.p99).toFixed(2)}×` : '';
      return `| ${l.scenario} | ${l.server} | ${n(l.requests)} | ${l.rps.toFixed(0)} | ${l.p50} ms | ${l.p99} ms | ${l.statementsPerRequest?.toFixed(2) ?? '—'} | ${mb(l.peakRss)} | ${l.failures} | ${vsFloor} | ${vsPgl} |`;
    }),
    '',
    'board: the dashboard\'s BoardColumn, `first: 50`, cycling the four column filters (`status: [ONGOING]`, `[RESOLVED]`, `[ESCALATED]`, `[CLOSED]`) as a coordinator. ticketDetail: the dashboard\'s TicketDetail on tickets with a session and ten log entries. mixed: 45% board, 45% detail, 10% addTicketComment on ONGOING support tickets. reportIssue: parents disputing their children\'s completed sessions. resolveTicket: a coordinator resolving ONGOING disputes (IN_FAVOR_OF_EDUCATOR).',
    '',
    '## Fan-out',
    '',
    "Subscribers send the dashboard's TicketChanged (`ticket { ...BoardTicketFields }`, `filter: null`) as coordinators; one addTicketComment per round over HTTP; latency from the mutation's response to the last subscriber's message; one warm-up round. Memory per idle subscriber: the server's RSS after a full GC, before and after connecting the clients (connection_init acknowledged, nothing subscribed), per connection.",
    '',
    '| Instances | Subscribers | Rounds | p50 | p99 | max | RSS per idle connection | heap per idle connection | Peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...s.fanout.map((f) => `| ${f.label} | ${n(f.subscribers)} | ${f.rounds}${f.timedOut ? ' (a round timed out: counted as 60 s)' : ''} | ${ms(f.p50)} | ${ms(f.p99)} | ${ms(f.max)} | ${kb(f.idleRssPerConnection)} | ${kb(f.idleHeapPerConnection)} | ${mb(f.peakRss)} |`),
    '',
    '## Start and memory',
    '',
    `Cold start to healthy (/healthz 200) on the existing, migrated database: ${s.coldStartMs.map((v) => ms(v)).join(', ')} (median ${ms(median(s.coldStartMs))}).`,
    `Idle RSS two seconds after start: ${Object.entries(s.idleRss).map(([server, rss]) => `${server} ${mb(rss)}`).join(', ')}.`,
    '',
    "## The board's first page: EXPLAIN ANALYZE",
    '',
    'Every statement that reads tickets, as the server logged it (LOG_SQL=true) answering BoardColumn for each column.',
    '',
    ...s.explain.flatMap((e) => [
      `### ${e.column}: ${e.statements} SQL statements, ${e.seqScanOfTickets ? '**a sequential scan of tickets**' : 'no sequential scan of tickets'}`,
      '',
      ...e.plans.flatMap((plan) => ['```', plan, '```', '']),
    ]),
    ...(existsSync(NOTES_FILE) ? ['', readFileSync(NOTES_FILE, 'utf8')] : []),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

export function writeResults(summary: RunSummary, file = RESULTS_FILE): void {
  writeFileSync(file, renderResults(summary));
}

/** `node -r @swc-node/register bench/results.ts summary.json`: RESULTS.md again from a run's summary (.data/bench-last-run.json). */
if (require.main === module) {
  const file = process.argv[2] ?? path.join(__dirname, '../.data/bench-last-run.json');
  writeResults(JSON.parse(readFileSync(file, 'utf8')) as RunSummary);
}
