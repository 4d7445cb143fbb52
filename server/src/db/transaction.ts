import type { EntityManager } from '@mikro-orm/postgresql';

export interface Tx {
  em: EntityManager;
  /** Runs once the transaction has committed (e.g. publish events); never on rollback. */
  afterCommit(fn: () => void | Promise<void>): void;
}

/** The one way to change data: a transaction with after-commit hooks. */
export async function inTransaction<T>(em: EntityManager, work: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks: Array<() => void | Promise<void>> = [];
  const result = await em.fork().transactional((txEm) => work({ em: txEm as EntityManager, afterCommit: (fn) => hooks.push(fn) }));
  for (const hook of hooks) {
    try {
      await hook();
    } catch (error) {
      console.error('after-commit hook failed', error);
    }
  }
  return result;
}
