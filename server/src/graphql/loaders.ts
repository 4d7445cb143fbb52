import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import { CreditNote } from '../billing/credit-note.entity';
import { Invoice, InvoiceLine } from '../billing/invoice.entity';
import { SessionParticipant, TutoringSession } from '../sessions/session.entity';

/** One query per kind of relation per request, whatever the page size. */
function byId<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await load([...ids]);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

function groupedBy<T>(load: (keys: string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of await load([...keys])) groups.get(keyOf(row))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

export function createLoaders(em: EntityManager) {
  return {
    user: byId((ids) => em.find(User, { id: { $in: ids } })),
    session: byId((ids) => em.find(TutoringSession, { id: { $in: ids } })),
    invoice: byId((ids) => em.find(Invoice, { id: { $in: ids } })),
    participants: groupedBy(
      (ids) => em.find(SessionParticipant, { session: { $in: ids } }, { orderBy: { learner: 'asc' } }),
      (p) => p.session.id,
    ),
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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
