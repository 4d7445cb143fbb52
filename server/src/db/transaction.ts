import type { EntityManager } from '@mikro-orm/postgresql';
import { type PendingChanges, type PendingTicketEvent, flushPendingChanges } from '../realtime/publish';

export interface Tx {
  em: EntityManager;
  /** Records a ticket event, stored and announced (NOTIFY) as the transaction's last step. */
  recordEvent(event: PendingTicketEvent): void;
  /** Announces new in-app notifications to their users' live connections after commit. */
  announceNotifications(ids: string[]): void;
  /** Runs once the transaction has committed; never on rollback. */
  afterCommit(fn: () => void | Promise<void>): void;
}

/** The one way to change data: a transaction that ends by storing and announcing its events. */
export async function inTransaction<T>(em: EntityManager, work: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks: Array<() => void | Promise<void>> = [];
  const result = await em.fork().transactional(async (txEm) => {
    const pending: PendingChanges = { events: [], notificationIds: [] };
    const value = await work({
      em: txEm as EntityManager,
      recordEvent: (event) => pending.events.push(event),
      announceNotifications: (ids) => pending.notificationIds.push(...ids),
      afterCommit: (fn) => hooks.push(fn),
    });
    await txEm.flush();
    await flushPendingChanges(txEm as EntityManager, pending);
    return value;
  });
  for (const hook of hooks) {
    try {
      await hook();
    } catch (error) {
      console.error('after-commit hook failed', error);
    }
  }
  return result;
}
