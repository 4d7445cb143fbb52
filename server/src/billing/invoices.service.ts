import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../errors';
import { type Page, decodeCursor, pageSize, toPage } from '../db/paging';
import { invoiceVisibilitySql } from '../sessions/visibility';
import { Invoice, type InvoiceLine } from './invoice.entity';

/** Invoices the viewer may see, newest first, keyset-paginated on (created_at, id). */
export async function listInvoices(em: EntityManager, viewer: Viewer, first?: number | null, after?: string | null): Promise<Page<Invoice>> {
  const size = pageSize(first);
  const cursor = decodeCursor(after, ['timestamp', 'uuid']);
  const qb = em.createQueryBuilder(Invoice, 'i');
  const visible = invoiceVisibilitySql(viewer, 'i');
  if (visible) qb.andWhere(visible.sql, visible.params);
  const totalCount = await qb.clone().getCount();
  if (cursor) qb.andWhere('(i.created_at, i.id) < (?::timestamptz, ?::uuid)', cursor);
  const rows = await qb.orderBy({ createdAt: 'desc', id: 'desc' }).limit(size + 1).getResultList();
  return toPage(rows, size, (i) => [i.createdAt.toISOString(), i.id], totalCount, cursor);
}

export async function getVisibleInvoice(em: EntityManager, viewer: Viewer, id: string): Promise<Invoice> {
  const qb = em.createQueryBuilder(Invoice, 'i').where({ id });
  const visible = invoiceVisibilitySql(viewer, 'i');
  if (visible) qb.andWhere(visible.sql, visible.params);
  const invoice = await qb.getSingleResult();
  if (!invoice) throw notFound('Invoice');
  return invoice;
}

/** Billed is every line's amount; credited is what was voided, reduced or credited back. */
export function invoiceTotals(lines: InvoiceLine[]) {
  const billed = lines.reduce((sum, l) => sum + l.amountMinor, 0);
  const credited = lines.reduce((sum, l) => sum + l.creditedMinor, 0);
  return { billed, credited, balance: billed - credited };
}
