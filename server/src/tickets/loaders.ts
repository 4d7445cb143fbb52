import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { byId, groupedBy } from '../db/batch';
import { IssueLog } from './issue-log.entity';
import { ResolutionAction } from './resolution-action.entity';
import { Ticket, TicketSession } from './ticket.entity';
import { visibleTickets } from './visibility';

/** The ticket loaders of one request (app/loaders.ts puts every feature's together). */
export function ticketLoaders(em: EntityManager, viewer: Viewer | null) {
  return {
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
    logs: groupedBy(
      (ids) => em.find(IssueLog, { ticket: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (log) => log.ticket.id,
    ),
  };
}
