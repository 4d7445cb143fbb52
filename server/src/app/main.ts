import 'reflect-metadata';
import { loadConfig } from '../config';
import { withBootLock } from '../db/boot-lock';
import { openAppDatabase } from './database';
import { startHttpServer } from '../http/app';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo-accounts';
import { seedIfEmpty } from '../seed/seed';
import { createServices } from './services';

/**
 * The server: config -> database -> app -> listen; graceful shutdown on SIGINT/SIGTERM. With
 * RUN_WORKER=false it only serves, and `npm run start:worker` (worker.ts) runs the jobs.
 */
async function main() {
  const startedAt = Date.now();
  const config = loadConfig();
  const db = await openAppDatabase(config);
  let stopping = false;
  const services = createServices(config, db.orm);
  if (config.seedOnEmpty && (await withBootLock(db.url, () => seedIfEmpty(services)))) console.log('seeded the demo data');
  await services.start();
  const server = await startHttpServer(services, config.port, config.host);

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await server.close().catch((e) => console.error(e));
    await services.close().catch((e) => console.error(e));
    await db.close().catch((e) => console.error(e));
    console.log('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  console.log(`Tickets is up${config.runWorker ? '' : ' (serving only; jobs run in `npm run start:worker`)'} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  console.log(`  dashboard  ${config.publicUrl}/`);
  console.log(`  GraphQL    ${config.publicUrl}/graphql`);
  console.log(`  health     ${config.publicUrl}/healthz`);
  console.log(`  demo logins (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`);
}

main().catch((error) => {
  console.error('failed to start:', error);
  process.exit(1);
});
