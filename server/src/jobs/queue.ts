import type { EntityManager } from '@mikro-orm/postgresql';
import { type Tx, transactionOf, txSlot } from '../db/transaction';
import { run } from '../db/raw-sql';

export interface JobOptions {
  /** When to run; default now. */
  runAt?: Date;
  /** A job with the same key replaces the pending one (used for per-ticket timers). */
  jobKey?: string;
  maxAttempts?: number;
  /** Jobs of one queue run one at a time, in order. */
  queueName?: string;
  /** preserve_run_at: a job added with a pending job's key keeps that job's time. */
  jobKeyMode?: 'replace' | 'preserve_run_at';
  /** Lower runs sooner among due jobs (graphile-worker's priority; default 0). */
  priority?: number;
  /** A SQL condition checked in the same statement: the job is added only when it holds (no extra round trip). */
  onlyIf?: { sql: string; params: unknown[] };
}

/** One graphile-worker call: the SQL expression and its parameters. */
interface JobCall {
  sql: string;
  params: unknown[];
}

/** Runs before the ticket events and the NOTIFY (realtime/publish.ts), after the last flush. */
const JOBS_ORDER = 900;

/**
 * The job calls of a transaction, sent as one statement just before COMMIT (one round trip
 * however many jobs a change adds or removes), in the order they were made. A call made by a
 * later hook, once they are sent, goes at once.
 */
const pendingJobs = txSlot('jobs', (tx: Tx) => {
  const pending = { calls: [] as JobCall[], sent: false };
  tx.beforeCommit(async (em) => {
    pending.sent = true;
    if (pending.calls.length) await runCalls(em, pending.calls);
  }, JOBS_ORDER);
  return pending;
});

/** One statement: `select f(...), g(...)` evaluates its calls in order. */
const runCalls = (em: EntityManager, calls: JobCall[]) =>
  run(em, `select ${calls.map((c) => c.sql).join(', ')}`, calls.flatMap((c) => c.params));

async function call(em: EntityManager, job: JobCall): Promise<void> {
  const tx = transactionOf(em);
  const pending = tx?.slot(pendingJobs);
  if (pending && !pending.sent) pending.calls.push(job);
  else await runCalls(em, [job]);
}

/**
 * Enqueues a graphile-worker job inside the caller's transaction: it exists only if the change
 * commits, and once committed it survives crashes and restarts.
 */
export async function addJob(em: EntityManager, task: string, payload: Record<string, unknown>, options: JobOptions = {}): Promise<void> {
  const priority = options.priority === undefined ? '' : ', priority => ?::int';
  const add = `graphile_worker.add_job(?, ?::json, queue_name => ?, run_at => ?::timestamptz, job_key => ?, max_attempts => ?, job_key_mode => ?${priority})`;
  const params = [task, JSON.stringify(payload), options.queueName ?? null, (options.runAt ?? new Date()).toISOString(), options.jobKey ?? null, options.maxAttempts ?? 25, options.jobKeyMode ?? 'replace',
    ...(options.priority === undefined ? [] : [options.priority])];
  const { onlyIf } = options;
  await call(em, onlyIf ? { sql: `(case when ${onlyIf.sql} then ${add} end)`, params: [...onlyIf.params, ...params] } : { sql: add, params });
}

/** Removes a pending job by key (e.g. a timer that no longer applies). */
export async function removeJob(em: EntityManager, jobKey: string): Promise<void> {
  await call(em, { sql: 'graphile_worker.remove_job(?)', params: [jobKey] });
}

/** The job queue as the features see it: jobs added and removed inside the caller's transaction. */
export interface JobQueue {
  add(em: EntityManager, task: string, payload: Record<string, unknown>, options?: JobOptions): Promise<void>;
  remove(em: EntityManager, jobKey: string): Promise<void>;
}

/** graphile-worker's queue, in the application's own database. */
export const jobQueue: JobQueue = { add: addJob, remove: removeJob };
