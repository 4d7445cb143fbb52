import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, badInput } from '../errors';
import { type Tx, inTransaction } from '../db/transaction';
import { type SyncKind, type SyncRecord, fingerprintOf, loadRecords, lockRecord, saveRecord, touchRecords } from './records';
import { checkStrings } from './validate';

export const MAX_SYNC_ITEMS = 500;

export enum SyncOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  STALE = 'STALE',
  FAILED = 'FAILED',
}

export interface SyncResultRow {
  externalId: string;
  outcome: SyncOutcome;
  id?: string | null;
  code?: string | null;
  field?: string | null;
  message?: string | null;
}

export interface SyncItem {
  externalId: string;
  sourceUpdatedAt: Date;
}

/** What applying one item needs: its transaction and the stored record (null: new). */
export type ApplyItem<T> = (tx: Tx, item: T, record: SyncRecord | null) => Promise<{ entityId: string; changed: boolean }>;

/**
 * One sync call: at most 500 items, each in its own transaction, answered in input order. A
 * repeat (same fingerprint) is UNCHANGED without a transaction; an item older than the stored
 * one is STALE; a refusal (a domain error) is that item's FAILED and undoes only that item.
 */
export async function runSyncBatch<T extends SyncItem>(em: EntityManager, kind: SyncKind, items: T[], apply: ApplyItem<T>,
  prepare?: (items: T[]) => Promise<void>): Promise<SyncResultRow[]> {
  const dryRun = dryRuns.has(items);
  const passed = dryRunPassed.get(items);
  if (items.length > MAX_SYNC_ITEMS) throw badInput('input', `At most ${MAX_SYNC_ITEMS} items fit in one call; this one has ${items.length}. Send them in several calls.`);
  const records = await loadRecords(em, kind, items.map((i) => String(i.externalId ?? '')));
  await prepare?.(items);
  const results: SyncResultRow[] = [];
  const touched: Array<{ externalId: string; sourceUpdatedAt: Date }> = [];
  for (const item of items) {
    const externalId = String(item.externalId ?? '');
    try {
      checkStrings(item);
      const fingerprint = fingerprintOf({ ...item, sourceUpdatedAt: undefined });
      const known = records.get(externalId);
      const early = known && quickOutcome(known, item, fingerprint);
      if (early) {
        if (early === SyncOutcome.UNCHANGED && item.sourceUpdatedAt > known.sourceUpdatedAt) touched.push({ externalId, sourceUpdatedAt: item.sourceUpdatedAt });
        results.push({ externalId, outcome: early, id: known.entityId });
        continue;
      }
      const result = await applyOne(em, kind, item, fingerprint, apply, dryRun);
      if (result.outcome !== SyncOutcome.FAILED) passed?.add(externalId);
      results.push(result);
    } catch (error) {
      results.push(failedRow(externalId, error));
    }
  }
  if (!dryRun) await touchRecords(em, kind, touched);
  return results;
}

/** Batches to be checked and applied, then rolled back: the CSV preview runs the very same rules. */
const dryRuns = new WeakSet<object>();
const dryRunPassed = new WeakMap<object, Set<string>>();
export function asDryRun<T extends object>(items: T[]): T[] {
  dryRuns.add(items);
  dryRunPassed.set(items, new Set());
  return items;
}

/** In a dry run, whether an earlier item of the batch passed (a later one may refer to it: it would exist). */
export const passedEarlierInDryRun = (items: object, externalId: string) => dryRunPassed.get(items)?.has(externalId) ?? false;

class RolledBack extends Error {
  constructor(readonly result: SyncResultRow) {
    super('dry run');
  }
}

function quickOutcome(known: SyncRecord, item: SyncItem, fingerprint: string): SyncOutcome | null {
  if (item.sourceUpdatedAt < known.sourceUpdatedAt) return SyncOutcome.STALE;
  if (known.fingerprint === fingerprint) return SyncOutcome.UNCHANGED;
  return null;
}

async function applyOne<T extends SyncItem>(em: EntityManager, kind: SyncKind, item: T, fingerprint: string, apply: ApplyItem<T>, dryRun: boolean): Promise<SyncResultRow> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await inTransaction(em, async (tx) => {
        const record = await lockRecord(tx.em, kind, item.externalId);
        // Checked again under the lock: another call may have applied this item meanwhile.
        const early = record && quickOutcome(record, item, fingerprint);
        if (early) return { externalId: item.externalId, outcome: early, id: record.entityId };
        const { entityId, changed } = await apply(tx, item, record);
        await saveRecord(tx.em, kind, item.externalId, { entityId, sourceUpdatedAt: item.sourceUpdatedAt, fingerprint });
        const outcome = !record ? SyncOutcome.CREATED : changed ? SyncOutcome.UPDATED : SyncOutcome.UNCHANGED;
        if (dryRun) throw new RolledBack({ externalId: item.externalId, outcome, id: record ? entityId : null });
        return { externalId: item.externalId, outcome, id: entityId };
      });
      return result;
    } catch (error) {
      if (error instanceof RolledBack) return error.result;
      // Two calls creating the same item at once: the loser finds the winner's row on the retry.
      if (attempt === 0 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

export function failedRow(externalId: string, error: unknown): SyncResultRow {
  externalId = externalId.slice(0, 200);
  if (error instanceof DomainError) return { externalId, outcome: SyncOutcome.FAILED, code: error.code, field: error.field ?? null, message: error.message };
  const pg = (error as { code?: string; constraint?: string } | null) ?? {};
  if (pg.code === '23505') return { externalId, outcome: SyncOutcome.FAILED, code: 'CONFLICT', field: null, message: 'Another record already uses one of these values; nothing of this item was written.' };
  if (pg.code === '23514') return { externalId, outcome: SyncOutcome.FAILED, code: 'CONFLICT', field: null, message: 'This change would break a rule the desk keeps about money or credits; nothing of this item was written.' };
  console.error('sync item failed', error);
  return { externalId, outcome: SyncOutcome.FAILED, code: 'INTERNAL_SERVER_ERROR', field: null, message: 'This item could not be applied because of a fault on our side; nothing of it was written. Send it again later.' };
}
