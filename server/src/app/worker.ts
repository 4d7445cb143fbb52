import 'reflect-metadata';
import { loadConfig } from '../config';
import { loggerFor } from '../observability/logger';
import { stopOnSignals } from '../ops/shutdown';
import { openAppDatabase } from './database';
import { createServices } from './services';

const log = loggerFor('worker');

/**
 * `npm run start:worker`: only the job queue (timers, notification delivery) and the Telegram
 * bot, no HTTP. Run any number of these next to servers started with RUN_WORKER=false; jobs are
 * taken with row locks, so each runs once.
 */
async function main() {
  const config = loadConfig();
  const db = await openAppDatabase(config, (line) => log.info(line));
  const services = createServices(config, db.orm);
  await services.start({ serve: false, work: true });
  // The worker finishes its current jobs, then the database closes.
  stopOnSignals(
    [
      { name: 'services', run: () => services.close() },
      { name: 'database', run: () => db.close() },
    ],
    config.shutdownGraceMs,
    log,
  );
  log.info('Tickets worker is up: jobs and the Telegram bot');
}

main().catch((error) => {
  log.fatal({ reason: error instanceof Error ? error.message : String(error) }, 'worker failed to start');
  process.exit(1);
});
