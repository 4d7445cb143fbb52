import 'reflect-metadata';
import { loadConfig } from '../config';
import { withBootLock } from '../db/boot-lock';
import { openAppDatabase } from './database';
import { startHttpServer } from '../http/app';
import { loggerFor } from '../observability/logger';
import { stopOnSignals } from '../ops/shutdown';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo-accounts';
import { seedIfEmpty } from '../seed/seed';
import { createServices } from './services';

const log = loggerFor('main');

/**
 * The server: config -> database -> app -> listen; SIGINT/SIGTERM drain it (ops/shutdown.ts). With
 * RUN_WORKER=false it only serves, and `npm run start:worker` (worker.ts) runs the jobs.
 */
async function main() {
  const startedAt = Date.now();
  const config = loadConfig();
  const db = await openAppDatabase(config, (line) => log.info(line));
  const services = createServices(config, db.orm);
  if (config.seedOnEmpty && (await withBootLock(db.url, () => seedIfEmpty(services)))) log.info('seeded the demo data');
  await services.start();
  const server = await startHttpServer(services, config.port, config.host);
  // Readiness off and HTTP drained first, the worker after its current job, the database last.
  stopOnSignals(
    [
      { name: 'http', run: () => server.close() },
      { name: 'services', run: () => services.close() },
      { name: 'database', run: () => db.close() },
    ],
    config.shutdownGraceMs,
    log,
  );
  log.info(
    { url: config.publicUrl, worker: config.runWorker, seconds: Number(((Date.now() - startedAt) / 1000).toFixed(1)) },
    `Tickets is up at ${config.publicUrl} (GraphQL /graphql, /healthz, /readyz, /metrics)${config.runWorker ? '' : '; jobs run in `npm run start:worker`'}`,
  );
  // For the person at the terminal only (never a log line, which must not carry addresses or passwords).
  if (config.nodeEnv === 'development') process.stdout.write(`  demo logins (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}\n`);
}

main().catch((error) => {
  log.fatal({ reason: error instanceof Error ? error.message : String(error) }, 'failed to start');
  process.exit(1);
});
