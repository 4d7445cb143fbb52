import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { Ticket } from '../tickets/ticket.entity';
import { ticketVisibilitySql } from '../tickets/visibility';

/** One query per kind of relation per request, whatever the page size. */
export function byId<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await load([...ids]);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

export function groupedBy<T>(load: (keys: string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of await load([...keys])) groups.get(keyOf(row))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Tickets among `ids` that the viewer may see (null viewer: none). */
export async function visibleTickets(em: EntityManager, viewer: Viewer | null, where: Record<string, unknown>): Promise<Ticket[]> {
  if (!viewer) return [];
  const qb = em.createQueryBuilder(Ticket, 't').where(where);
  const visible = ticketVisibilitySql(viewer, 't');
  if (visible) qb.andWhere(visible.sql, visible.params);
  return qb.getResultList();
}
