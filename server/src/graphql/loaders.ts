import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import { CreditNote } from '../billing/credit-note.entity';
import { Invoice, InvoiceLine } from '../billing/invoice.entity';
import { createPayoutLoaders } from '../billing/payout-loaders';
import { byId, groupedBy, visibleTickets } from './batch';
import type { Viewer } from '../auth/viewer';
import { SessionParticipant, TutoringSession } from '../sessions/session.entity';
import { IssueLog } from '../tickets/issue-log.entity';
import { ResolutionAction } from '../tickets/resolution-action.entity';
import { Ticket, TicketSession } from '../tickets/ticket.entity';
import { invoiceVisibilitySql } from '../sessions/visibility';
import { eagerColumns, readOnlyQuery } from '../db/read-only';
import { lastEscalations } from '../evidence/evidence.service';
import { Upload } from '../evidence/upload.entity';
import { TicketRating } from '../satisfaction/rating.entity';

/** The loaders whose answers do not depend on who asks (the rest filter by the viewer). */
const VIEWER_INDEPENDENT = [
  'user', 'session', 'invoice', 'participants', 'invoiceLines', 'creditNotesByInvoice', 'creditNotesByTicket',
  'resolutionAction', 'ticketSessions', 'childIds', 'logs',
] as const;

/**
 * Loaders for one request, or for one viewer class of a live event: then `shared` (the event's
 * own loaders) answers the viewer-independent ones, so an event batches them across every class.
 */
export function createLoaders(em: EntityManager, viewer: Viewer | null, shared?: Record<(typeof VIEWER_INDEPENDENT)[number], unknown>) {
  const own = {
    // Read outside the unit of work: users are only ever answered, and hydrating them cost more than the query.
    user: byId(async (ids) => (await readOnlyQuery(em, User, `select ${eagerColumns(em, User, 'u')} from users u where u.id in (${ids.map(() => '?').join(', ')})`, [...ids])).entities),
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
    resolutionAction: byId((ids) => em.find(ResolutionAction, { id: { $in: ids } })),
    /** Tickets by id, only those the viewer may see. */
    visibleTicket: byId((ids) => visibleTickets(em, viewer, { id: { $in: ids } })),
    ticketSessions: groupedBy(
      (ids) => em.find(TicketSession, { ticket: { $in: ids } }, { populate: ['session'], orderBy: { session: { scheduledStart: 'asc' } } }),
      (ts) => ts.ticket.id,
    ),
    /** The open dispute on each session, when the viewer may see it. */
    openTicketBySession: new DataLoader<string, Ticket | null>(async (sessionIds) => {
      const links = await em.find(TicketSession, { session: { $in: [...sessionIds] }, openDispute: true });
      const tickets = await visibleTickets(em, viewer, { id: { $in: links.map((l) => l.ticket.id) } });
      const byId = new Map(tickets.map((t) => [t.id, t]));
      return sessionIds.map((sid) => byId.get(links.find((l) => l.session.id === sid)?.ticket.id ?? '') ?? null);
    }),
    /** The invoice lines billing each session, on invoices the viewer may see. */
    invoiceLinesBySession: groupedBy(async (sessionIds) => {
      if (!viewer) return [];
      const qb = em.createQueryBuilder(InvoiceLine, 'l').join('l.invoice', 'i').where({ session: { $in: sessionIds } });
      const visible = invoiceVisibilitySql(viewer, 'i');
      if (visible) qb.andWhere(visible.sql, visible.params);
      return qb.orderBy({ createdAt: 'asc', id: 'asc' }).getResultList();
    }, (line) => line.session?.id ?? ''),
    /** Children of each parent (empty for everyone else). */
    childIds: new DataLoader<string, string[]>(async (parentIds) => {
      const rows: Array<{ parent_id: string; child_id: string }> = await em.getConnection().execute(
        `select parent_id, child_id from parent_links where parent_id in (${parentIds.map(() => '?').join(',')})`, [...parentIds]);
      return parentIds.map((id) => rows.filter((r) => r.parent_id === id).map((r) => r.child_id));
    }),
    payouts: createPayoutLoaders(em, viewer),
    logs: groupedBy(
      (ids) => em.find(IssueLog, { ticket: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (log) => log.ticket.id,
    ),
    /** When each ticket was last escalated (its evidence window opens again then). */
    lastEscalatedAt: new DataLoader<string, Date | null>(async (ids) => {
      const at = await lastEscalations(em, [...ids]);
      return ids.map((id) => at.get(id) ?? null);
    }),
    /** Evidence files of each ticket, oldest first. */
    attachments: groupedBy(
      (ids) => em.find(Upload, { ticket: { $in: ids } }, { orderBy: { attachedAt: 'asc', createdAt: 'asc', id: 'asc' } }),
      (upload) => upload.ticket!.id,
    ),
    /** Each ticket's satisfaction request or answer. */
    rating: new DataLoader<string, TicketRating | null>(async (ids) => {
      const rows = await em.find(TicketRating, { ticket: { $in: [...ids] } });
      return ids.map((id) => rows.find((r) => r.ticket.id === id) ?? null);
    }),
  };
  if (shared) for (const name of VIEWER_INDEPENDENT) Object.assign(own, { [name]: shared[name] });
  return own;
}

export type Loaders = ReturnType<typeof createLoaders>;
