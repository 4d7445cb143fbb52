import { Client } from 'pg';

/** One key for every process of this app: migrating and seeding happen one process at a time. */
const BOOT_LOCK_KEY = 726_100_112;

/**
 * Runs `work` while holding a PostgreSQL advisory lock, so any number of servers and workers can
 * start at once on one database: the first migrates (and seeds), the others wait, then find
 * nothing left to do.
 */
export async function withBootLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'tickets-boot-lock' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [BOOT_LOCK_KEY]);
    return await work();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [BOOT_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
