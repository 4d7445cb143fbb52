import path from 'node:path';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { type ExtraMigration, type OrmOptions, migrate, openOrm } from './orm';

export interface Database {
  url: string;
  orm: MikroORM;
  /** Closes the pool and, when we started it, the embedded server. */
  close(): Promise<void>;
}

/** Creates `name` on the server at `serverUrl` unless it exists. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** What the composition root hands db/: the entities and the schemas migrated after ours (app/database.ts). */
export interface DatabaseParts {
  entities: OrmOptions['entities'];
  extraMigrations: ExtraMigration[];
}

/** DATABASE_URL, or an embedded PostgreSQL under the data directory; migrated either way. */
export async function openDatabase(config: Config, parts: DatabaseParts, log: (line: string) => void = console.log): Promise<Database> {
  let url = config.databaseUrl;
  let stopEmbedded = async () => {};
  if (!url) {
    const dataDir = path.join(config.dataDir, 'pg');
    const embedded = await startEmbeddedPostgres({ dataDir });
    stopEmbedded = () => embedded.stop();
    url = await ensureDatabase(embedded.url, 'tickets');
    log(`embedded PostgreSQL on port ${embedded.port}, data in ${path.relative(process.cwd(), dataDir) || dataDir}`);
  }
  try {
    const orm = await openOrm(url, { entities: parts.entities, logQueries: config.logQueries });
    const applied = await migrate(orm, parts.extraMigrations);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    return { url, orm, close: async () => { await orm.close(); await stopEmbedded(); } };
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
}
