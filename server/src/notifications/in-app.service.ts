import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import { type Page, decodeCursor, pageSize, toPage } from '../db/paging';
import { Notification } from './notification.entity';

/** The user's in-app notifications, newest first, keyset-paginated on (created_at, id). */
export async function listNotifications(
  em: EntityManager,
  userId: string,
  options: { first?: number | null; after?: string | null; unreadOnly?: boolean | null },
): Promise<Page<Notification>> {
  const size = pageSize(options.first);
  const cursor = decodeCursor(options.after, ['timestamp', 'uuid']);
  const qb = em.createQueryBuilder(Notification, 'n').where({ user: userId });
  if (options.unreadOnly) qb.andWhere({ readAt: null });
  const totalCount = await qb.clone().getCount();
  if (cursor) qb.andWhere('(n.created_at, n.id) < (?::timestamptz, ?::uuid)', cursor);
  const rows = await qb.orderBy({ createdAt: 'desc', id: 'desc' }).limit(size + 1).getResultList();
  return toPage(rows, size, (n) => [n.createdAt.toISOString(), n.id], totalCount, cursor);
}

export function unreadCount(em: EntityManager, userId: string): Promise<number> {
  return em.count(Notification, { user: userId, readAt: null });
}

/** Marks the caller's own unread notifications among `ids`; returns how many changed. Others' ids are ignored. */
export function markRead(em: EntityManager, userId: string, ids: string[], now = new Date()): Promise<number> {
  if (!ids.length) return Promise.resolve(0);
  return em.nativeUpdate(Notification, { id: { $in: ids }, user: userId, readAt: null }, { readAt: now });
}

/** Email and Telegram on or off; in-app is always on. Unset arguments keep their value. */
export async function updatePreferences(em: EntityManager, userId: string, changes: { email?: boolean | null; telegram?: boolean | null }): Promise<User> {
  const user = await em.findOneOrFail(User, { id: userId });
  if (typeof changes.email === 'boolean') user.emailNotifications = changes.email;
  if (typeof changes.telegram === 'boolean') user.telegramNotifications = changes.telegram;
  await em.flush();
  return user;
}
