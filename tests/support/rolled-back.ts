import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

const ROLLBACK = Symbol('rollback');

/**
 * Runs `work` inside a transaction that is always rolled back. The entity manager it gets forks
 * into that transaction, so code that opens its own transaction (inTransaction) runs in a savepoint
 * of it: everything it writes, its jobs and NOTIFYs included, is undone at the end.
 */
export async function inRolledBackTransaction<T>(orm: MikroORM, work: (em: EntityManager) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await orm.em.fork().transactional(async (txEm) => {
      const outer = txEm as EntityManager;
      const scoped = new Proxy(outer, {
        get(target, property) {
          if (property === 'fork') return (options: object = {}) => target.fork({ ...options, keepTransactionContext: true });
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      result = await work(scoped);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result as T;
}
