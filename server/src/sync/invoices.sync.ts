import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvoiceStatus } from '../billing/invoice.entity';
import { run } from '../db/raw-sql';
import type { Tx } from '../db/transaction';
import { badInput } from '../errors';
import { type SyncItem, type SyncResultRow, runSyncBatch } from './batch';
import { type SyncRecord, deleteRecord, fingerprintOf, loadRecords, resolveIds, saveRecord } from './records';
import { type InvoiceLineSyncItem, type LineFacts, lineFacts } from './invoice-lines';
import { noteSourceChange } from './ticket-notes';
import { conflictOn, requireCurrency, requireText, requireValidDate } from './validate';

export interface InvoiceSyncItem extends SyncItem {
  number: string;
  status: InvoiceStatus;
  billedToExternalId: string;
  currency: string;
  issuedAt?: Date | null;
  lines: InvoiceLineSyncItem[];
}

export function syncInvoices(em: EntityManager, items: InvoiceSyncItem[]): Promise<SyncResultRow[]> {
  return runSyncBatch(em, 'INVOICE', items, applyInvoice);
}

async function applyInvoice(tx: Tx, item: InvoiceSyncItem, record: SyncRecord | null) {
  const { em } = tx;
  requireValidDate(item.sourceUpdatedAt, 'sourceUpdatedAt');
  requireValidDate(item.issuedAt, 'issuedAt');
  const number = requireText(item.number, 'number', 'The invoice number');
  const currency = requireCurrency(item.currency, 'currency');
  const billedTo = (await resolveIds(em, 'USER', [item.billedToExternalId])).get(item.billedToExternalId);
  if (!billedTo) throw badInput('billedToExternalId', `No person with the external id "${item.billedToExternalId}" was synced yet`);
  const lines = await lineFacts(em, item.lines ?? [], billedTo, currency);
  const [taken] = await run(em, 'select id from invoices where number = ? and id is distinct from ?::uuid', [number, record?.entityId ?? null]);
  if (taken) throw badInput('number', `Another invoice already has the number ${number}`);

  let id = record?.entityId;
  let changed = !record;
  if (!id) {
    id = randomUUID();
    await run(em, 'insert into invoices (id, number, billed_to_id, status, currency, issued_at) values (?, ?, ?, ?, ?, ?)',
      [id, number, billedTo, item.status, currency, item.issuedAt ?? null]);
  } else {
    const [current] = await run(em, 'select number, billed_to_id, status, currency, issued_at from invoices where id = ? for update', [id]);
    const issuedAt = item.issuedAt ?? null;
    if (current.currency !== currency) throw conflictOn('currency', 'An invoice keeps its currency; send a new invoice in the other currency');
    if (current.number !== number || current.billed_to_id !== billedTo || current.status !== item.status || +(current.issued_at ?? 0) !== +(issuedAt ?? 0)) {
      await run(em, 'update invoices set number = ?, billed_to_id = ?, status = ?, issued_at = ? where id = ?', [number, billedTo, item.status, issuedAt, id]);
      changed = true;
    }
  }
  changed = (await applyLines(tx, id, lines, item.sourceUpdatedAt, number)) || changed;
  return { entityId: id, changed };
}

/** Lines are keyed by their external id inside the invoice; lines the desk added (charges) stay. */
async function applyLines(tx: Tx, invoiceId: string, lines: LineFacts[], sourceUpdatedAt: Date, number: string): Promise<boolean> {
  const { em } = tx;
  const known = await loadRecords(em, 'LINE', lines.map((l) => l.externalId), invoiceId);
  const current: Array<{ id: string; external_id: string | null; session_id: string | null; description: string; amount_minor: number; credited_minor: number }> = await run(em,
    `select l.id, r.external_id, l.session_id, l.description, l.amount_minor, l.credited_minor from invoice_lines l
       join sync_records r on r.kind = 'LINE' and r.entity_id = l.id where l.invoice_id = ? for update of l`, [invoiceId]);
  let changed = false;
  for (const line of lines) {
    const fingerprint = fingerprintOf(line.input);
    const record = known.get(line.externalId);
    if (record?.fingerprint === fingerprint) continue;
    changed = true;
    const existing = record && current.find((c) => c.id === record.entityId);
    let lineId = existing?.id;
    if (!existing) {
      lineId = randomUUID();
      await run(em, 'insert into invoice_lines (id, invoice_id, session_id, learner_id, description, amount_minor, currency) select ?, ?, ?, ?, ?, ?, currency from invoices where id = ?',
        [lineId, invoiceId, line.sessionId, line.learnerId, line.description, line.amountMinor, invoiceId]);
    } else {
      if (line.amountMinor < existing.credited_minor) {
        throw conflictOn(`lines.${line.index}.amountMinor`, `${(existing.credited_minor / 100).toFixed(2)} of this line was already credited by the desk; its amount cannot go below that`);
      }
      if (existing.credited_minor > 0 && existing.session_id !== line.sessionId) throw conflictOn(`lines.${line.index}.sessionExternalId`, 'This line was already credited; it cannot move to another session');
      await run(em, 'update invoice_lines set session_id = ?, learner_id = ?, description = ?, amount_minor = ?, voided = (credited_minor > 0 and credited_minor >= ?) where id = ?',
        [line.sessionId, line.learnerId, line.description, line.amountMinor, line.amountMinor, lineId]);
      const words = [
        ...(existing.amount_minor !== line.amountMinor ? [`amount ${(existing.amount_minor / 100).toFixed(2)} → ${(line.amountMinor / 100).toFixed(2)}`] : []),
        ...(existing.description !== line.description ? [`description "${existing.description}" → "${line.description}"`] : []),
      ];
      if (existing.session_id) await noteSourceChange(tx, await openTicketIds(em, existing.session_id), `Line "${existing.description}" of invoice ${number}`, words);
    }
    await saveRecord(em, 'LINE', line.externalId, { entityId: lineId!, sourceUpdatedAt, fingerprint }, invoiceId);
  }
  const wanted = new Set(lines.map((l) => l.externalId));
  for (const gone of current.filter((c) => c.external_id && !wanted.has(c.external_id))) {
    const [used] = await run(em, 'select exists (select 1 from credit_note_lines where invoice_line_id = ?) or exists (select 1 from ticket_adjustments where invoice_line_id = ?) as used', [gone.id, gone.id]);
    if (gone.credited_minor > 0 || used.used) throw conflictOn('lines', `The line "${gone.description}" was already credited by the desk; it cannot be removed`);
    await deleteRecord(em, 'LINE', gone.id);
    await run(em, 'delete from invoice_lines where id = ?', [gone.id]);
    changed = true;
  }
  return changed;
}

const openTicketIds = async (em: EntityManager, sessionId: string) =>
  (await run(em, 'select ticket_id from ticket_sessions where session_id = ? and open', [sessionId])).map((r: { ticket_id: string }) => r.ticket_id);
