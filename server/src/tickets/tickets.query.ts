import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../errors';
import { type Page, decodeCursor, pageSize, toPage } from '../db/paging';
import { BOARD_ORDER } from './enums';
import { type TicketFilterSpec, ticketFilterSql } from './ticket-filter';
import { Ticket } from './ticket.entity';
import { ticketVisibilitySql } from './visibility';
import { joinedColumns, readOnlyQuery } from '../db/read-only';
import { User } from '../auth/user.entity';

/** A ticket's place in board order (1 ONGOING … 4 CLOSED); the index tickets_board_column_index serves it. */
const rankSql = (alias: string) => `array_position(array['${BOARD_ORDER.join("','")}']::ticket_status[], ${alias}.status)`;
const rankOf = (ticket: Ticket) => BOARD_ORDER.indexOf(ticket.status) + 1;
const boardOrder = (alias: string) => `${rankSql(alias)} asc, ${alias}.created_at desc, ${alias}.id desc`;

/** The people on a card, read with the page (their field resolvers then need no query). */
const PEOPLE = [['reporter', 'r'], ['tutor', 'tu'], ['assignee', 'a']] as const;

/**
 * Tickets the viewer may see, in board order (ONGOING, RESOLVED, ESCALATED, CLOSED; newest first).
 * One hand-written statement answers the page, its people and the total count (one round trip,
 * no query builder: both cost more than the query on a board request).
 */
export async function listTickets(em: EntityManager, viewer: Viewer, filter: TicketFilterSpec | null | undefined, first?: number | null, after?: string | null): Promise<Page<Ticket>> {
  const size = pageSize(first);
  const cursor = decodeCursor(after, ['int', 'timestamp', 'uuid']);
  const conditions = [ticketVisibilitySql(viewer, 't'), ticketFilterSql(filter, 't')].filter((c) => c !== null);
  const matching = conditions.length ? conditions.map((c) => c.sql).join(' and ') : 'true';
  const matchingParams = conditions.flatMap((c) => c.params);
  const afterCursor = cursor ? ` and (${rankSql('t')} > ? or (${rankSql('t')} = ? and (t.created_at, t.id) < (?::timestamptz, ?::uuid)))` : '';
  // `offset 0` keeps each person a primary-key lookup (joined plainly, the planner hashes the whole users table).
  // The left join keeps the count's row when the page is empty (its ticket columns are then null).
  const sql = `select c.total_count, p.*, ${PEOPLE.map(([relation, alias]) => joinedColumns(em, User, alias, relation)).join(', ')}
    from (select count(*)::int as total_count from tickets t where ${matching}) c
    left join lateral (select t.* from tickets t where ${matching}${afterCursor} order by ${boardOrder('t')} limit ?) p on true
    ${PEOPLE.map(([relation, alias]) => `left join lateral (select * from users u where u.id = p.${relation}_id offset 0) ${alias} on true`).join(' ')}
    order by ${boardOrder('p')}`;
  const params = [...matchingParams, ...matchingParams, ...(cursor ? [cursor[0], cursor[0], cursor[1], cursor[2]] : []), size + 1];
  const { entities, rows } = await readOnlyQuery(em, Ticket, sql, params, { reporter: User, tutor: User, assignee: User });
  return toPage(entities, size, (t) => [rankOf(t), t.createdAt.toISOString(), t.id], Number(rows[0]?.total_count ?? 0), cursor);
}

export async function getVisibleTicket(em: EntityManager, viewer: Viewer, id: string): Promise<Ticket> {
  const qb = em.createQueryBuilder(Ticket, 't').where({ id });
  const visible = ticketVisibilitySql(viewer, 't');
  if (visible) qb.andWhere(visible.sql, visible.params);
  const ticket = await qb.getSingleResult();
  if (!ticket) throw notFound('Ticket');
  return ticket;
}
