import 'reflect-metadata';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres';
import { migrateApp, openAppOrm } from '../../server/src/app/database';
import { loadConfig } from '../../server/src/config';
import { seedIfEmpty } from '../../server/src/seed/seed';
import { createServices } from '../../server/src/app/services';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL), with a template database that
 * is migrated and seeded once; each test file copies it (see database.ts).
 */
export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  const dataDir = path.resolve('.data', `test-pg-${process.pid}`);
  if (!serverUrl) {
    const pg = await startEmbeddedPostgres({ dataDir });
    serverUrl = pg.url;
    stopServer = async () => {
      await pg.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const template = `tickets_template_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  const orm = await openAppOrm(url.toString());
  await migrateApp(orm);
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'template-seed-secret', RUN_WORKER: 'false', DATA_DIR: path.resolve('.data') });
  await seedIfEmpty(createServices(config, orm));
  await orm.close();

  project.provide('databaseServerUrl', serverUrl);
  project.provide('templateDatabase', template);
  return async () => {
    if (process.env.TEST_DATABASE_URL) {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      const { rows } = await client.query(`select datname from pg_database where datname like 'tickets_test_${process.pid}_%' or datname = $1`, [template]);
      for (const row of rows) await client.query(`drop database if exists ${client.escapeIdentifier(row.datname)} with (force)`);
      await client.end();
    }
    await stopServer();
  };
}
