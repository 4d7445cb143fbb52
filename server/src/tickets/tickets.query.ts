import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../errors';
import { parseId } from '../graphql/ids';
import { type Page, decodeCursor, pageSize, toPage } from '../graphql/pagination';
import { slaFilter } from '../desk/sla';
import { BOARD_ORDER } from './enums';
import type { TicketFilter } from './ticket-filter.input';
import { Ticket } from './ticket.entity';
import { ticketVisibilitySql } from './visibility';

const RANK_SQL = `array_position(array['${BOARD_ORDER.join("','")}']::ticket_status[], t.status)`;
const rankOf = (ticket: Ticket) => BOARD_ORDER.indexOf(ticket.status) + 1;
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Tickets the viewer may see, in board order (ONGOING, RESOLVED, ESCALATED, CLOSED; newest first). */
export async function listTickets(em: EntityManager, viewer: Viewer, filter: TicketFilter | null | undefined, first?: number | null, after?: string | null): Promise<Page<Ticket>> {
  const size = pageSize(first);
  const cursor = decodeCursor(after, ['number', 'string', 'string']);
  const qb = em.createQueryBuilder(Ticket, 't');
  const visible = ticketVisibilitySql(viewer, 't');
  if (visible) qb.andWhere(visible.sql, visible.params);
  if (filter?.status?.length) qb.andWhere({ status: { $in: filter.status } });
  if (filter?.type) qb.andWhere({ type: filter.type });
  if (filter?.category) qb.andWhere({ category: filter.category });
  if (filter?.tutorId) qb.andWhere({ tutor: parseId(filter.tutorId, 'tutorId') });
  if (filter?.assigneeId) qb.andWhere({ assignee: parseId(filter.assigneeId, 'assigneeId') });
  if (filter?.reporterId) qb.andWhere({ reporter: parseId(filter.reporterId, 'reporterId') });
  if (filter?.from) qb.andWhere({ createdAt: { $gte: filter.from } });
  if (filter?.to) qb.andWhere({ createdAt: { $lt: filter.to } });
  if (filter?.sla?.length) {
    const sla = slaFilter.sql('t', filter.sla);
    qb.andWhere(sla.sql, sla.params);
  }
  const search = filter?.search?.trim();
  if (search) {
    const pattern = `%${likeEscape(search.slice(0, 200))}%`;
    qb.andWhere('(t.title ilike ? or t.description ilike ? or t.number ilike ?)', [pattern, pattern, pattern]);
  }
  const totalCount = await qb.clone().getCount();
  if (cursor) {
    qb.andWhere(`(${RANK_SQL} > ? or (${RANK_SQL} = ? and (t.created_at, t.id) < (?::timestamptz, ?::uuid)))`, [cursor[0], cursor[0], cursor[1], cursor[2]]);
  }
  qb.orderBy({ [raw(RANK_SQL)]: 'asc', createdAt: 'desc', id: 'desc' }).limit(size + 1);
  const rows = await qb.getResultList();
  return toPage(rows, size, (t) => [rankOf(t), t.createdAt.toISOString(), t.id], totalCount);
}

export async function getVisibleTicket(em: EntityManager, viewer: Viewer, id: string): Promise<Ticket> {
  const qb = em.createQueryBuilder(Ticket, 't').where({ id });
  const visible = ticketVisibilitySql(viewer, 't');
  if (visible) qb.andWhere(visible.sql, visible.params);
  const ticket = await qb.getSingleResult();
  if (!ticket) throw notFound('Ticket');
  return ticket;
}
