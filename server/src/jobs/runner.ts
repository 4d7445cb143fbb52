import { type Runner, type TaskList, run, runMigrations } from 'graphile-worker';

/** Installs or upgrades graphile-worker's own schema (idempotent). */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger() });
}

/** Runs the durable job queue in this process. Tasks come from the features that own them. */
export async function startWorker(connectionString: string, taskList: TaskList, crontab = ''): Promise<Runner> {
  return run({
    connectionString,
    taskList,
    crontab,
    concurrency: 4,
    maxPoolSize: 5,
    pollInterval: 1000,
    noHandleSignals: true,
    logger: quietLogger(),
  });
}

function quietLogger() {
  // graphile-worker logs every job at info; keep warnings and errors only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Logger } = require('graphile-worker') as typeof import('graphile-worker');
  return new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') console.error(`[worker] ${message}`);
  });
}
