import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { type Database, type DatabaseParts, openDatabase } from '../db/database';
import { type OrmOptions, migrate, openOrm } from '../db/orm';
import { migrateJobQueue } from '../jobs/runner';
import { entities } from './entities';

/** What db/ is handed: every feature's entities, and the job queue's schema to migrate after ours. */
export const databaseParts: DatabaseParts = { entities, extraMigrations: [migrateJobQueue] };

/** The application's database (DATABASE_URL or an embedded server), migrated. */
export const openAppDatabase = (config: Config, log?: (line: string) => void): Promise<Database> => openDatabase(config, databaseParts, log);

/** MikroORM on `url` with every entity (tests, scripts). */
export const openAppOrm = (url: string, opts: Omit<OrmOptions, 'entities'> = {}) => openOrm(url, { ...opts, entities: databaseParts.entities });

/** Our migrations, then the job queue's. */
export const migrateApp = (orm: MikroORM): Promise<string[]> => migrate(orm, databaseParts.extraMigrations);
