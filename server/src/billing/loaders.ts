import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { byId, groupedBy } from '../db/batch';
import { invoiceVisibilitySql } from '../sessions/visibility';
import { CreditNote } from './credit-note.entity';
import { Invoice, InvoiceLine } from './invoice.entity';
import { createPayoutLoaders } from './payout-loaders';

/** The billing loaders of one request (app/loaders.ts puts every feature's together). */
export function billingLoaders(em: EntityManager, viewer: Viewer | null) {
  return {
    invoice: byId((ids) => em.find(Invoice, { id: { $in: ids } })),
    invoiceLines: groupedBy(
      (ids) => em.find(InvoiceLine, { invoice: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (l) => l.invoice.id,
    ),
    creditNotesByInvoice: groupedBy(
      (ids) => em.find(CreditNote, { invoice: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (n) => n.invoice.id,
    ),
    creditNotesByTicket: groupedBy(
      (ids) => em.find(CreditNote, { ticketId: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (n) => n.ticketId ?? '',
    ),
    /** The invoice lines billing each session, on invoices the viewer may see. */
    invoiceLinesBySession: groupedBy(async (sessionIds) => {
      if (!viewer) return [];
      const qb = em.createQueryBuilder(InvoiceLine, 'l').join('l.invoice', 'i').where({ session: { $in: sessionIds } });
      const visible = invoiceVisibilitySql(viewer, 'i');
      if (visible) qb.andWhere(visible.sql, visible.params);
      return qb.orderBy({ createdAt: 'asc', id: 'asc' }).getResultList();
    }, (line) => line.session?.id ?? ''),
    payouts: createPayoutLoaders(em, viewer),
  };
}
