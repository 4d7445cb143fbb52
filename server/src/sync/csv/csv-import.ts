import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { Role } from '../../auth/roles';
import { InvoiceStatus } from '../../billing/invoice.entity';
import { DomainError, badInput } from '../../errors';
import { SessionKind, SessionStatus } from '../../sessions/session.entity';
import { MAX_SYNC_ITEMS, SyncOutcome, type SyncResultRow, asDryRun } from '../batch';
import { type InvoiceSyncItem, syncInvoices } from '../invoices.sync';
import type { SessionSyncItem } from '../session-facts';
import { syncSessions } from '../sessions.sync';
import { type UserSyncItem, syncUsers } from '../users.sync';
import { type CsvKind, CSV_COLUMNS, cell } from './columns';

export const MAX_CSV_ROWS = 5_000;

export interface CsvRowResult extends SyncResultRow {
  /** 1-based data row (the header is row 0). */
  row: number;
}

type Row = Record<string, string>;

/** The rows of a CSV file, header checked; BAD_USER_INPUT on `csv` when it cannot be read at all. */
export function readCsv(kind: CsvKind, csv: string): Row[] {
  let rows: Row[];
  try {
    rows = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true, bom: true, trim: false, relax_column_count: false });
  } catch (error) {
    throw badInput('csv', `The file is not valid CSV: ${(error as Error).message.replace(/^Invalid Record Length: /, '').slice(0, 200)}`);
  }
  const missing = CSV_COLUMNS[kind].required.filter((c) => rows.length && !(c in rows[0]));
  if (!rows.length) throw badInput('csv', 'The file has no rows under its header');
  if (missing.length) throw badInput('csv', `The file lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; start from the template`);
  if (rows.length > MAX_CSV_ROWS) throw badInput('csv', `At most ${MAX_CSV_ROWS} rows fit in one file; this one has ${rows.length}`);
  return rows;
}

/**
 * Checks (dryRun: every rule applied, then rolled back) or imports items [from, from + count) of
 * a CSV file (an item is a row; for invoices, the rows of one invoice) through the sync of its kind, answering per row.
 */
export async function importCsv(em: EntityManager, kind: CsvKind, csv: string, dryRun: boolean, from = 0, count = MAX_SYNC_ITEMS): Promise<{ rows: number; items: number; results: CsvRowResult[] }> {
  const rows = readCsv(kind, csv);
  if (!Number.isInteger(from) || from < 0) throw badInput('fromItem', 'fromItem is an item number from 0');
  if (!Number.isInteger(count) || count < 1 || count > MAX_SYNC_ITEMS) throw badInput('itemCount', `itemCount is between 1 and ${MAX_SYNC_ITEMS}`);
  const now = new Date();
  const numbered = rows.map((row, i) => ({ row, number: i + 1 }));
  // Items, not rows, are windowed: an invoice's rows always travel together.
  const all = kind === 'INVOICES' ? groupInvoiceRows(numbered) : numbered.map((w) => [w]);
  const results: CsvRowResult[] = [];
  const mapped: Array<{ number: number[]; item: any }> = [];
  for (const group of all.slice(from, from + count)) {
    try {
      mapped.push({ number: group.map((g) => g.number), item: toItem(kind, group.map((g) => g.row), now) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      for (const g of group) results.push({ row: g.number, externalId: externalIdOf(kind, g.row), outcome: SyncOutcome.FAILED, code: error.code, field: error.field ?? null, message: error.message });
    }
  }
  const items = mapped.map((m) => m.item);
  const batch = dryRun ? asDryRun(items) : items;
  const synced = kind === 'USERS' ? await syncUsers(em, batch) : kind === 'SESSIONS' ? await syncSessions(em, batch) : await syncInvoices(em, batch);
  synced.forEach((result, i) => { for (const row of mapped[i].number) results.push({ ...result, row }); });
  return { rows: rows.length, items: all.length, results: results.sort((a, b) => a.row - b.row) };
}

const externalIdOf = (kind: CsvKind, row: Row) => ((kind === 'INVOICES' ? row.invoiceExternalId : row.externalId) ?? '').trim().slice(0, 200);

/** An invoice is its lines' rows together (rows with one invoiceExternalId, in file order). */
function groupInvoiceRows<T extends { row: Row }>(rows: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const key = (r.row.invoiceExternalId ?? '').trim();
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

function toItem(kind: CsvKind, rows: Row[], now: Date): UserSyncItem | SessionSyncItem | InvoiceSyncItem {
  const [row] = rows;
  if (kind === 'USERS') {
    return { externalId: cell.text(row, 'externalId'), role: cell.oneOf(row, 'role', Object.values(Role)), name: cell.text(row, 'name'),
      email: cell.optional(row, 'email'), timezone: cell.optional(row, 'timezone'), parentExternalId: cell.optional(row, 'parentExternalId'),
      active: cell.bool(row, 'active'), sourceUpdatedAt: cell.date(row, 'sourceUpdatedAt', now) };
  }
  if (kind === 'SESSIONS') {
    const currency = cell.text(row, 'currency');
    const tutorPay = cell.optional(row, 'tutorPayMinor');
    return { externalId: cell.text(row, 'externalId'), kind: cell.oneOf(row, 'kind', Object.values(SessionKind)), status: cell.oneOf(row, 'status', Object.values(SessionStatus)),
      subject: cell.text(row, 'subject'), language: cell.text(row, 'language'), scheduledStart: cell.date(row, 'scheduledStart'), scheduledEnd: cell.date(row, 'scheduledEnd'),
      price: { amountMinor: cell.int(row, 'priceMinor'), currency }, tutorPay: tutorPay ? { amountMinor: cell.int(row, 'tutorPayMinor'), currency } : null,
      tutorExternalId: cell.text(row, 'tutorExternalId'), learnerExternalIds: cell.list(row, 'learnerExternalIds'), packageExternalId: cell.optional(row, 'packageExternalId'),
      meetingId: cell.optional(row, 'meetingId'), lessonId: cell.optional(row, 'lessonId'), orderId: cell.optional(row, 'orderId'),
      teacherSessionId: cell.optional(row, 'teacherSessionId'), endedByExternalId: cell.optional(row, 'endedByExternalId'), sourceUpdatedAt: cell.date(row, 'sourceUpdatedAt', now) };
  }
  return { externalId: cell.text(row, 'invoiceExternalId'), number: cell.text(row, 'number'), status: cell.oneOf(row, 'status', Object.values(InvoiceStatus)),
    billedToExternalId: cell.text(row, 'billedToExternalId'), currency: cell.text(row, 'currency'),
    issuedAt: cell.optional(row, 'issuedAt') ? cell.date(row, 'issuedAt') : null, sourceUpdatedAt: cell.date(row, 'sourceUpdatedAt', now),
    lines: rows.map((r) => ({ externalId: cell.text(r, 'lineExternalId'), sessionExternalId: cell.optional(r, 'sessionExternalId'), description: cell.text(r, 'description'), amountMinor: cell.int(r, 'amountMinor') })) };
}
