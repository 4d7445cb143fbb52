import type { EntityManager } from '@mikro-orm/postgresql';

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
}

/**
 * Enqueues a graphile-worker job inside the caller's transaction: it exists only if the change
 * commits, and once committed it survives crashes and restarts.
 */
export async function addJob(em: EntityManager, task: string, payload: Record<string, unknown>, options: JobOptions = {}): Promise<void> {
  await em.getConnection().execute(
    'select graphile_worker.add_job(?, ?::json, queue_name => ?, run_at => ?::timestamptz, job_key => ?, max_attempts => ?, job_key_mode => ?)',
    [task, JSON.stringify(payload), options.queueName ?? null, (options.runAt ?? new Date()).toISOString(), options.jobKey ?? null, options.maxAttempts ?? 25, options.jobKeyMode ?? 'replace'],
    'all',
    em.getTransactionContext(),
  );
}

/** Removes a pending job by key (e.g. a timer that no longer applies). */
export async function removeJob(em: EntityManager, jobKey: string): Promise<void> {
  await em.getConnection().execute('select graphile_worker.remove_job(?)', [jobKey], 'all', em.getTransactionContext());
}

/** The job queue as the features see it: jobs added and removed inside the caller's transaction. */
export interface JobQueue {
  add(em: EntityManager, task: string, payload: Record<string, unknown>, options?: JobOptions): Promise<void>;
  remove(em: EntityManager, jobKey: string): Promise<void>;
}

/** graphile-worker's queue, in the application's own database. */
export const jobQueue: JobQueue = { add: addJob, remove: removeJob };
