import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, run } from '../db/raw-sql';

/** What a sync record points at; a line's external id is scoped to its invoice. */
export type SyncKind = 'USER' | 'PACKAGE' | 'SESSION' | 'INVOICE' | 'LINE';

export interface SyncRecord {
  entityId: string;
  sourceUpdatedAt: Date;
  fingerprint: string;
}

/** A stable digest of what the source sent: the same item sent again has the same one. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(sorted(value))).digest('base64url');
}

/** Keys in one order, whatever order the client sent them in. */
function sorted(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** The records of these external ids (one query for a whole batch). */
export async function loadRecords(em: EntityManager, kind: SyncKind, externalIds: string[], scope = ''): Promise<Map<string, SyncRecord>> {
  if (!externalIds.length) return new Map();
  const rows: Array<{ external_id: string; entity_id: string; source_updated_at: Date; fingerprint: string }> = await run(em,
    'select external_id, entity_id, source_updated_at, fingerprint from sync_records where kind = ? and scope = ? and external_id in (select jsonb_array_elements_text(?::jsonb))',
    [kind, scope, JSON.stringify(externalIds)]);
  return new Map(rows.map((r) => [r.external_id, { entityId: r.entity_id, sourceUpdatedAt: new Date(r.source_updated_at), fingerprint: r.fingerprint }]));
}

/** Our ids of these external ids (references between items: a session's tutor, a line's session). */
export async function resolveIds(em: EntityManager, kind: SyncKind, externalIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(externalIds)];
  if (!ids.length) return new Map();
  const rows: Array<{ external_id: string; entity_id: string }> = await run(em,
    `select external_id, entity_id from sync_records where kind = ? and scope = '' and external_id in (select jsonb_array_elements_text(?::jsonb))`, [kind, JSON.stringify(ids)]);
  return new Map(rows.map((r) => [r.external_id, r.entity_id]));
}

/** The record, locked for this transaction (two deliveries of one item apply one after the other). */
export async function lockRecord(em: EntityManager, kind: SyncKind, externalId: string, scope = ''): Promise<SyncRecord | null> {
  const [row] = await run(em,
    'select entity_id, source_updated_at, fingerprint from sync_records where kind = ? and scope = ? and external_id = ? for update',
    [kind, scope, externalId]);
  return row ? { entityId: row.entity_id, sourceUpdatedAt: new Date(row.source_updated_at), fingerprint: row.fingerprint } : null;
}

export async function saveRecord(em: EntityManager, kind: SyncKind, externalId: string, record: SyncRecord, scope = ''): Promise<void> {
  await run(em,
    `insert into sync_records (kind, scope, external_id, entity_id, source_updated_at, fingerprint) values (?, ?, ?, ?, ?, ?)
     on conflict (kind, scope, external_id) do update set entity_id = excluded.entity_id, source_updated_at = excluded.source_updated_at,
       fingerprint = excluded.fingerprint, updated_at = now()`,
    [kind, scope, externalId, record.entityId, record.sourceUpdatedAt, record.fingerprint]);
}

export async function deleteRecord(em: EntityManager, kind: SyncKind, entityId: string): Promise<void> {
  await run(em, 'delete from sync_records where kind = ? and entity_id = ?', [kind, entityId]);
}

/** A repeat sent later than the stored one moves the stored time on (so an older change stays STALE). */
export async function touchRecords(em: EntityManager, kind: SyncKind, touched: Array<{ externalId: string; sourceUpdatedAt: Date }>): Promise<void> {
  if (!touched.length) return;
  await run(em,
    `update sync_records r set source_updated_at = t.at, updated_at = now()
       from jsonb_to_recordset(?::jsonb) as t(external_id text, at timestamptz)
      where r.kind = ? and r.scope = '' and r.external_id = t.external_id and r.source_updated_at < t.at`,
    [JSON.stringify(touched.map((t) => ({ external_id: t.externalId, at: t.sourceUpdatedAt.toISOString() }))), kind]);
}

/** The external ids of our rows (for the `externalId` fields and the ledger). */
export async function externalIdsOf(em: EntityManager, kind: SyncKind, entityIds: readonly string[]): Promise<Map<string, string>> {
  if (!entityIds.length) return new Map();
  const rows: Array<{ entity_id: string; external_id: string }> = await run(em,
    'select entity_id, external_id from sync_records where kind = ? and entity_id = any(?::uuid[])', [kind, pgArray([...entityIds])]);
  return new Map(rows.map((r) => [r.entity_id, r.external_id]));
}
