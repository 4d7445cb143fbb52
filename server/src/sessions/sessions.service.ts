import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../errors';
import { type Page, decodeCursor, pageSize, toPage } from '../db/paging';
import { TutoringSession, type SessionStatus } from './session.entity';
import { sessionVisibilitySql } from './visibility';

export interface SessionListFilter {
  status?: SessionStatus | null;
  from?: Date | null;
  to?: Date | null;
  learnerId?: string | null;
}

/** Sessions the viewer may see, newest first, keyset-paginated on (scheduled_start, id). */
export async function listSessions(
  em: EntityManager,
  viewer: Viewer,
  filter: SessionListFilter,
  first?: number | null,
  after?: string | null,
): Promise<Page<TutoringSession>> {
  const size = pageSize(first);
  const cursor = decodeCursor(after, ['timestamp', 'uuid']);
  const qb = em.createQueryBuilder(TutoringSession, 's');
  const visible = sessionVisibilitySql(viewer, 's');
  if (visible) qb.andWhere(visible.sql, visible.params);
  if (filter.status) qb.andWhere({ status: filter.status });
  if (filter.from) qb.andWhere({ scheduledStart: { $gte: filter.from } });
  if (filter.to) qb.andWhere({ scheduledStart: { $lt: filter.to } });
  if (filter.learnerId) qb.andWhere('s.id in (select session_id from session_participants where learner_id = ?)', [filter.learnerId]);
  const totalCount = await qb.clone().getCount();
  if (cursor) qb.andWhere('(s.scheduled_start, s.id) < (?::timestamptz, ?::uuid)', cursor);
  const rows = await qb.orderBy({ scheduledStart: 'desc', id: 'desc' }).limit(size + 1).getResultList();
  return toPage(rows, size, (s) => [s.scheduledStart.toISOString(), s.id], totalCount, cursor);
}

/** A session the viewer may see; NOT_FOUND otherwise, so nobody learns that it exists. */
export async function getVisibleSession(em: EntityManager, viewer: Viewer, id: string): Promise<TutoringSession> {
  const sessions = await getVisibleSessions(em, viewer, [id]);
  if (!sessions.length) throw notFound('Session');
  return sessions[0];
}

export async function getVisibleSessions(em: EntityManager, viewer: Viewer, ids: string[]): Promise<TutoringSession[]> {
  const qb = em.createQueryBuilder(TutoringSession, 's').where({ id: { $in: ids } });
  const visible = sessionVisibilitySql(viewer, 's');
  if (visible) qb.andWhere(visible.sql, visible.params);
  return qb.getResultList();
}
