import fc from 'fast-check';
import { vi } from 'vitest';
import { Role } from '../../../server/src/auth/roles';
import type { Viewer } from '../../../server/src/auth/viewer';
import { jobQueue } from '../../../server/src/jobs/queue';
import type { ResolutionEffect } from '../../../server/src/tickets/enums';
import { createTicketService } from '../../../server/src/tickets/tickets.service';
import { ticketTimerJobs } from '../../../server/src/tickets/timer-jobs';
import type { TestApp } from '../app';
import { sql } from '../fixtures';
import { inRolledBackTransaction } from '../rolled-back';
import { COMMAND_KINDS } from './commands';
import type { MoneyCommand } from './commands/base';
import { report } from './commands/report';
import { createFixture } from './fixture';
import { checkInvariants } from './invariants';
import type { Model, Real } from './model';

export interface MoneyRunOptions {
  sequences: number;
  maxCommands: number;
  seed?: number;
  /** A failure's path (with its seed): replays just that sequence. */
  path?: string;
  /** Stop starting sequences after this long (ms): the figures are of the sequences that ran. */
  timeLimitMs?: number;
  /** Print the figures so far every this many sequences. */
  progressEvery?: number;
}

export interface MoneyRunStats {
  sequences: number;
  commands: number;
  /** Per kind and result ('resolve ok', 'merge CONFLICT', …). */
  counts: Map<string, number>;
  ms: number;
  timings: { act: number; invariants: number; setup: number };
}

type Timings = MoneyRunStats['timings'];

/** What every sequence shares: the demo's staff and resolution actions. */
async function loadShared(app: TestApp) {
  const staff = await sql(app, `select id, role::text as role from users where email in ('admin@demo.test', 'coordinator@demo.test')`);
  const actionRows = await sql(app, 'select id, category::text as category, effect::text as effect, credit_percent from resolution_actions where active and category is not null order by sort_order, id');
  const actions = new Map<string, Array<{ id: string; effect: ResolutionEffect; creditPercent: number | null }>>();
  for (const a of actionRows) actions.set(a.category, [...(actions.get(a.category) ?? []), { id: a.id, effect: a.effect, creditPercent: a.credit_percent }]);
  return { admin: staff.find((u) => u.role === Role.ADMIN) as Viewer, coordinator: staff.find((u) => u.role === Role.COORDINATOR) as Viewer, actions };
}

/**
 * One sequence: a fresh fixture inside a transaction that is always rolled back (so a sequence
 * costs only its own statements), the sequence clock at `base`, then `commands` through the model.
 * Returns the sequence's counts.
 */
async function runSequence(app: TestApp, shared: Awaited<ReturnType<typeof loadShared>>, base: number, commands: Iterable<fc.AsyncCommand<Model, Real>>, timings: Timings) {
  vi.setSystemTime(base);
  return inRolledBackTransaction(app.orm, async (em) => {
    const setupStarted = performance.now();
    const fixture = await createFixture(em, base);
    timings.setup += performance.now() - setupStarted;
    const viewers = {
      admin: shared.admin, coordinator: shared.coordinator,
      tutor: { id: fixture.tutorId, role: Role.TUTOR }, parent: { id: fixture.users.parent, role: Role.PARENT }, parent2: { id: fixture.users.parent2, role: Role.PARENT },
    };
    const real: Real = {
      em, config: app.services.config, fixture, viewers, actions: shared.actions, paidSnapshot: new Map(), counts: new Map(), timings,
      tickets: createTicketService({ em, config: app.services.config, jobs: jobQueue }),
      deps: { em, config: app.services.config, timers: ticketTimerJobs(jobQueue) },
    };
    const model: Model = { now: base, tickets: [], cancelled: new Set(), paid: new Map(), splits: new Map() };
    await checkInvariants(model, real);
    await fc.asyncModelRun(() => ({ model, real }), commands);
    return real.counts;
  });
}

/** Only Date is faked: the services read the sequence clock; timers and sockets run on real time. */
async function withSequenceClock<T>(work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

/** A fixed story (a regression): its commands run once on a fresh fixture, every invariant checked after each. */
export async function replayStory(app: TestApp, commands: MoneyCommand[]): Promise<Map<string, number>> {
  const shared = await loadShared(app);
  const base = Math.floor(Date.now() / 1000) * 1000;
  return withSequenceClock(() => runSequence(app, shared, base, commands, { act: 0, invariants: 0, setup: 0 }));
}

/**
 * Runs `sequences` random command sequences, each on its own fresh fixture. fast-check shrinks a
 * failing sequence and it is thrown as a story, one command per line.
 */
export async function runMoneySequences(app: TestApp, options: MoneyRunOptions): Promise<MoneyRunStats> {
  const shared = await loadShared(app);
  const counts = new Map<string, number>();
  const timings: Timings = { act: 0, invariants: 0, setup: 0 };
  let sequences = 0;
  const started = Date.now();
  const startedAt = performance.now();
  const base = Math.floor(started / 1000) * 1000;
  const seed = options.seed ?? (Math.random() * 2 ** 31) | 0;
  let failedOnce = false;
  console.log(`money: seed ${seed} (MONEY_SEED=${seed} replays this run)`);
  // Every sequence opens with a report or two: most commands need a ticket.
  const opening = fc.array(report.arbitrary, { minLength: 1, maxLength: 2 });
  const commands = fc.commands(COMMAND_KINDS.map((k) => k.arbitrary), { maxCommands: options.maxCommands, size: 'max' });
  const details = await withSequenceClock(() => fc.check(
    fc.asyncProperty(opening, commands, async (first, cmds) => {
      // Lazily, so the commands fast-check's shrinker sees as run are those that did.
      const all = (function* () {
        yield* first;
        yield* cmds;
      })();
      const story: string[] = [];
      const told = (function* () {
        for (const c of all) {
          story.push(String(c));
          yield c;
        }
      })();
      let ran: Map<string, number>;
      try {
        ran = await runSequence(app, shared, base, told, timings);
      } catch (error) {
        // The first failure at once, before shrinking (which can take long on a long sequence).
        if (!failedOnce) console.error(`money: a sequence failed (seed ${seed}); shrinking it. As it ran:\n${story.map((line, i) => `  ${i + 1}. ${line}`).join('\n')}\n  -> ${error instanceof Error ? error.message : String(error)}`);
        failedOnce = true;
        throw error;
      }
      sequences += 1;
      for (const [key, n] of ran) counts.set(key, (counts.get(key) ?? 0) + n);
      if (options.progressEvery && sequences % options.progressEvery === 0) {
        console.log(formatStats({ sequences, commands: commandCount(counts), counts, ms: performance.now() - startedAt, timings }));
      }
    }),
    { numRuns: options.sequences, seed, path: options.path, interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: false },
  ));
  if (details.failed) throw storyOf(details);
  return { sequences, commands: commandCount(counts), counts, ms: Date.now() - started, timings };
}

/** A failing sequence, shrunk, as a numbered story (one command per line), with how to replay it. */
function storyOf<T extends [Iterable<unknown>, Iterable<unknown>]>(details: fc.RunDetails<T>): Error {
  const steps = details.counterexample ? [...details.counterexample[0], ...details.counterexample[1]].map((c, i) => `  ${String(i + 1).padStart(2)}. ${String(c)}`) : [];
  const cause = details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
  const error = new Error([
    `A sequence broke a money rule (seed ${details.seed}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times):`,
    ...steps,
    `then: ${cause.message}`,
    `Replay: MONEY_SEED=${details.seed} MONEY_PATH=${details.counterexamplePath}`,
  ].join('\n'));
  error.cause = cause;
  return error;
}

const commandCount = (counts: Map<string, number>) => [...counts].filter(([key]) => !key.includes(':')).reduce((sum, [, n]) => sum + n, 0);

/** The figures, as the audit prints them. */
export function formatStats(stats: MoneyRunStats): string {
  const kinds = new Map<string, number>();
  for (const [key, n] of stats.counts) if (!key.includes(':')) kinds.set(key.split(' ')[0], (kinds.get(key.split(' ')[0]) ?? 0) + n);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [`money invariants: ${stats.sequences} sequences, ${stats.commands} commands in ${s(stats.ms)} (fixtures ${s(stats.timings.setup)}, commands ${s(stats.timings.act)}, invariant checks ${s(stats.timings.invariants)})`];
  for (const [kind, n] of [...kinds].sort()) {
    const results = [...stats.counts].filter(([key]) => key.split(' ')[0] === kind || key.startsWith(`${kind}:`)).sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key.slice(kind.length).trim() || kind} ${count}`);
    lines.push(`  ${kind.padEnd(10)} ${String(n).padStart(7)}  (${results.join(', ')})`);
  }
  return lines.join('\n');
}
