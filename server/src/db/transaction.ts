import type { EntityManager } from '@mikro-orm/postgresql';

type Hook = (em: EntityManager) => void | Promise<void>;

/**
 * A value one module keeps per transaction (e.g. the events it will store at the end), made on
 * first use by `create`, which may also register the hook that finishes it. Declare one per module
 * with `txSlot`, then reach it with `tx.slot(...)`.
 */
export interface TxSlot<T> {
  readonly name: string;
  create(tx: Tx): T;
}

export const txSlot = <T>(name: string, create: (tx: Tx) => T): TxSlot<T> => ({ name, create });

export interface Tx {
  em: EntityManager;
  /** This transaction's value for `slot`, made on first use. */
  slot<T>(slot: TxSlot<T>): T;
  /**
   * Runs inside the transaction after its last flush, just before COMMIT: hooks with a lower
   * `order` first, then in the order registered. A hook may register more hooks.
   */
  beforeCommit(fn: Hook, order?: number): void;
  /** Runs once the transaction has committed; never on rollback. */
  afterCommit(fn: () => void | Promise<void>): void;
}

/** The transaction each transaction's EntityManager belongs to (for helpers that get only an em). */
const transactions = new WeakMap<EntityManager, Tx>();

/** The transaction `em` works in, when inTransaction made it; null otherwise. */
export function transactionOf(em: EntityManager): Tx | null {
  return transactions.get(em) ?? null;
}

/**
 * The one way to change data. db/ knows no feature: features finish their work through
 * `beforeCommit` (e.g. tickets store their events, realtime sends its one NOTIFY) and `afterCommit`.
 */
/** Where a failed after-commit hook is reported (the logger is set at boot; this file imports nothing of ours). */
let reportHookFailure: (error: unknown) => void = (error) => console.error('after-commit hook failed', error);
export function onHookFailure(report: (error: unknown) => void): void {
  reportHookFailure = report;
}

export async function inTransaction<T>(em: EntityManager, work: (tx: Tx) => Promise<T>): Promise<T> {
  const committed: Array<() => void | Promise<void>> = [];
  const result = await em.fork().transactional(async (txEm) => {
    const pending: Array<{ order: number; fn: Hook }> = [];
    const slots = new Map<TxSlot<unknown>, unknown>();
    const tx: Tx = {
      em: txEm as EntityManager,
      slot<S>(slot: TxSlot<S>): S {
        if (!slots.has(slot)) slots.set(slot, slot.create(tx));
        return slots.get(slot) as S;
      },
      beforeCommit: (fn, order = 0) => pending.push({ order, fn }),
      afterCommit: (fn) => committed.push(fn),
    };
    transactions.set(txEm as EntityManager, tx);
    const value = await work(tx);
    await txEm.flush();
    while (pending.length) {
      // The lowest order, first registered among equals (registration order is array order).
      const next = pending.reduce((best, hook, i) => (hook.order < pending[best].order ? i : best), 0);
      const [hook] = pending.splice(next, 1);
      await hook.fn(txEm as EntityManager);
    }
    return value;
  });
  for (const hook of committed) {
    try {
      await hook();
    } catch (error) {
      reportHookFailure(error);
    }
  }
  return result;
}
