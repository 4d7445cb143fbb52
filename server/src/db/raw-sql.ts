import type { EntityManager } from '@mikro-orm/postgresql';

/** Raw SQL in the caller's transaction (or outside one, when `em` has none). */
export const run = (em: EntityManager, sql: string, params: unknown[] = []): Promise<any[]> =>
  em.getConnection().execute(sql, params, 'all', em.getTransactionContext());

/**
 * An array literal of ids, enum names or booleans (nothing that needs quoting; null as NULL), for
 * `?::uuid[]` and the like: knex would expand a JS array into a list.
 */
export const pgArray = (values: ReadonlyArray<string | null>) => `{${values.map((v) => v ?? 'NULL').join(',')}}`;
