import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../errors';
import { type Page, decodeCursor, pageSize, toPage } from '../graphql/pagination';
import { BOARD_ORDER } from './enums';
import { type TicketFilterSpec, ticketFilterSql } from './ticket-filter';
import { Ticket } from './ticket.entity';
import { ticketVisibilitySql } from './visibility';
import { readOnlyResults } from '../db/read-only';

const RANK_SQL = `array_position(array['${BOARD_ORDER.join("','")}']::ticket_status[], t.status)`;
const rankOf = (ticket: Ticket) => BOARD_ORDER.indexOf(ticket.status) + 1;

/** Tickets the viewer may see, in board order (ONGOING, RESOLVED, ESCALATED, CLOSED; newest first). */
export async function listTickets(em: EntityManager, viewer: Viewer, filter: TicketFilterSpec | null | undefined, first?: number | null, after?: string | null): Promise<Page<Ticket>> {
  const size = pageSize(first);
  const cursor = decodeCursor(after, ['number', 'string', 'string']);
  const qb = em.createQueryBuilder(Ticket, 't');
  for (const condition of [ticketVisibilitySql(viewer, 't'), ticketFilterSql(filter, 't')]) {
    if (condition) qb.andWhere(condition.sql, condition.params);
  }
  const totalCount = await qb.clone().getCount();
  if (cursor) {
    qb.andWhere(`(${RANK_SQL} > ? or (${RANK_SQL} = ? and (t.created_at, t.id) < (?::timestamptz, ?::uuid)))`, [cursor[0], cursor[0], cursor[1], cursor[2]]);
  }
  qb.orderBy({ [raw(RANK_SQL)]: 'asc', createdAt: 'desc', id: 'desc' }).limit(size + 1);
  const rows = await readOnlyResults(qb, Ticket, em);
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
