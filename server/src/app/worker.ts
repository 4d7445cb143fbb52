import 'reflect-metadata';
import { loadConfig } from '../config';
import { openAppDatabase } from './database';
import { createServices } from './services';

/**
 * `npm run start:worker`: only the job queue (timers, notification delivery) and the Telegram
 * bot, no HTTP. Run any number of these next to servers started with RUN_WORKER=false; jobs are
 * taken with row locks, so each runs once.
 */
async function main() {
  const config = loadConfig();
  const db = await openAppDatabase(config);
  const services = createServices(config, db.orm);
  await services.start({ serve: false, work: true });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the worker`);
    await services.close().catch((e) => console.error(e));
    await db.close().catch((e) => console.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  console.log('Tickets worker is up: jobs and the Telegram bot');
}

main().catch((error) => {
  console.error('worker failed to start:', error);
  process.exit(1);
});
