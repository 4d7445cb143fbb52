import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaff } from '../auth/roles';
import type { Viewer } from '../auth/viewer';
import { Money } from '../billing/money';
import { run } from '../db/raw-sql';
import { forbidden } from '../errors';
import { type Page, decodeCursor, pageSize, toPage } from '../db/paging';
import { LedgerEntry, type LedgerKind } from './ledger.type';

const EXTERNAL = (kind: string, column: string) => `(select external_id from sync_records r where r.kind = '${kind}' and r.entity_id = e.${column})`;

/** Every money movement, oldest first (by sequence), for staff and keys with ledger:read (checked per operation). */
export async function listLedger(em: EntityManager, viewer: Viewer, after?: string | null, first?: number | null): Promise<Page<LedgerEntry>> {
  if (!viewer.apiKeyId && !isStaff(viewer.role)) throw forbidden('Only staff read the ledger');
  const size = pageSize(first);
  const cursor = decodeCursor(after, ['digits']);
  const rows: any[] = await run(em,
    `select e.id, e.sequence, e.kind, e.amount_minor, e.currency, e.created_at, e.ticket_id, e.reference,
            ${EXTERNAL('INVOICE', 'invoice_id')} as invoice_external_id, ${EXTERNAL('LINE', 'line_id')} as line_external_id,
            ${EXTERNAL('SESSION', 'session_id')} as session_external_id, ${EXTERNAL('USER', 'user_id')} as user_external_id
       from ledger_entries e where e.sequence > ?::bigint order by e.sequence limit ?`,
    [cursor ? String(cursor[0]) : '0', size + 1]);
  const [{ total }] = await run(em, 'select count(*)::int as total from ledger_entries');
  const entries = rows.map((r) => Object.assign(new LedgerEntry(), {
    id: r.id, sequence: Number(r.sequence), kind: r.kind as LedgerKind, amount: Money.of(r.amount_minor, r.currency), createdAt: new Date(r.created_at),
    ticketId: r.ticket_id, reference: r.reference, invoiceExternalId: r.invoice_external_id, lineExternalId: r.line_external_id,
    sessionExternalId: r.session_external_id, userExternalId: r.user_external_id,
  }));
  return toPage(entries, size, (e) => [String(e.sequence)], total, cursor);
}
