import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../db/raw-sql';
import type { Tx } from '../db/transaction';
import { badInput, conflict } from '../errors';
import { type SyncItem, type SyncResultRow, runSyncBatch } from './batch';
import { type SyncRecord, resolveIds } from './records';
import { requireText, requireValidDate } from './validate';

export interface PackageSyncItem extends SyncItem {
  name: string;
  billedToExternalId: string;
  learnerExternalId: string;
  creditsTotal: number;
}

export function syncPackages(em: EntityManager, items: PackageSyncItem[]): Promise<SyncResultRow[]> {
  const users = new Map<string, string>();
  return runSyncBatch(em, 'PACKAGE', items, (tx, item, record) => applyPackage(tx, item, record, users), async (all) => {
    for (const [k, v] of await resolveIds(em, 'USER', all.flatMap((i) => [i.billedToExternalId, i.learnerExternalId]))) users.set(k, v);
  });
}

async function applyPackage(tx: Tx, item: PackageSyncItem, record: SyncRecord | null, users: Map<string, string>) {
  requireValidDate(item.sourceUpdatedAt, 'sourceUpdatedAt');
  const name = requireText(item.name, 'name', 'The package name');
  if (!Number.isInteger(item.creditsTotal) || item.creditsTotal < 0) throw badInput('creditsTotal', 'Credits are a whole number, zero or more');
  const billedTo = users.get(item.billedToExternalId);
  if (!billedTo) throw badInput('billedToExternalId', `No person with the external id "${item.billedToExternalId}" was synced yet`);
  const learner = users.get(item.learnerExternalId);
  if (!learner) throw badInput('learnerExternalId', `No learner with the external id "${item.learnerExternalId}" was synced yet`);
  if (!record) {
    const id = randomUUID();
    await run(tx.em, 'insert into packages (id, name, billed_to_id, learner_id, credits_total) values (?, ?, ?, ?, ?)', [id, name, billedTo, learner, item.creditsTotal]);
    return { entityId: id, changed: true };
  }
  const [current] = await run(tx.em, 'select name, billed_to_id, learner_id, credits_total, credits_used from packages where id = ? for update', [record.entityId]);
  if (item.creditsTotal < current.credits_used) {
    throw conflict(`${current.credits_used} credits of this package are already used; its total cannot go below that`);
  }
  if (current.learner_id !== learner && current.credits_used > 0) throw conflict('Sessions already used this package; its learner cannot change');
  const changed = current.name !== name || current.billed_to_id !== billedTo || current.learner_id !== learner || current.credits_total !== item.creditsTotal;
  if (changed) {
    await run(tx.em, 'update packages set name = ?, billed_to_id = ?, learner_id = ?, credits_total = ? where id = ?', [name, billedTo, learner, item.creditsTotal, record.entityId]);
  }
  return { entityId: record.entityId, changed };
}
