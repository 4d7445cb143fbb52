import { type EntityClass, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from './migrations';
import { withBootLock } from './boot-lock';

export interface OrmOptions {
  /** Every feature's entities (app/entities.ts): db/ knows no feature itself. */
  entities: EntityClass<unknown>[];
  logQueries?: boolean;
  poolMax?: number;
  /** Called with every SQL statement (tests count queries with it). */
  onQuery?: (sql: string) => void;
}

/** Schemas that live beside ours and migrate themselves (the job queue's), run after our migrations. */
export type ExtraMigration = (connectionString: string) => Promise<void>;

export function ormOptions(clientUrl: string, opts: OrmOptions): Options {
  const queryLog = opts.onQuery ? { debug: ['query' as const], logger: opts.onQuery } : { debug: opts.logQueries ?? false };
  return {
    clientUrl,
    entities: opts.entities,
    extensions: [Migrator],
    // Migrations are listed in code, so they run the same under node, swc and vitest.
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    forceUtcTimezone: true,
    ...queryLog,
    allowGlobalContext: false,
    pool: { min: 0, max: opts.poolMax ?? 10 },
    discovery: { warnWhenNoEntities: false },
  };
}

export async function openOrm(clientUrl: string, opts: OrmOptions) {
  return MikroORM.init(ormOptions(clientUrl, opts));
}

/** Applies committed migrations (ours, then each of `extra`); never generates schema at run time. */
export async function migrate(orm: MikroORM, extra: ExtraMigration[] = []): Promise<string[]> {
  const url = orm.config.get('clientUrl')!;
  return withBootLock(url, async () => {
    const applied = await orm.getMigrator().up();
    for (const migrateMore of extra) await migrateMore(url);
    return applied.map((m) => m.name);
  });
}
