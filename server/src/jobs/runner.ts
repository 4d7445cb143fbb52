import { type Runner, type TaskList, Logger, run, runMigrations } from 'graphile-worker';
import { loggerFor } from '../observability/logger';
import { jobsRun } from '../observability/metrics';

const log = loggerFor('jobs');

/** Installs or upgrades graphile-worker's own schema (idempotent). */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger() });
}

/** Runs the durable job queue in this process. Tasks come from the features that own them. */
export async function startWorker(connectionString: string, taskList: TaskList, crontab = ''): Promise<Runner> {
  const runner = await run({
    connectionString,
    taskList,
    crontab,
    concurrency: 4,
    maxPoolSize: 5,
    pollInterval: 1000,
    noHandleSignals: true,
    logger: quietLogger(),
  });
  // One line per job run: which task, which attempt, how long, and how it ended (never its payload).
  const started = new Map<string, bigint>();
  runner.events.on('job:start', ({ job }) => started.set(job.id, process.hrtime.bigint()));
  runner.events.on('job:complete', ({ job, error }) => {
    const begun = started.get(job.id);
    started.delete(job.id);
    const durationMs = begun === undefined ? undefined : Math.round(Number(process.hrtime.bigint() - begun) / 1e5) / 10;
    const line = { jobId: job.id, task: job.task_identifier, attempt: job.attempts, maxAttempts: job.max_attempts, durationMs };
    jobsRun.inc({ outcome: error ? 'failed' : 'ok' });
    if (error) log.warn({ ...line, reason: error instanceof Error ? error.message : String(error) }, 'job failed');
    else log.info(line, 'job');
  });
  return runner;
}

function quietLogger() {
  // graphile-worker logs every job at info; keep its warnings and errors only (our own line per job is above).
  return new Logger(() => (level, message) => {
    if (level === 'error') log.error(message);
    else if (level === 'warning') log.warn(message);
  });
}
