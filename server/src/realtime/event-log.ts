import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { seesInternal, ticketVisibilitySql } from '../tickets/visibility';
import { TicketEventRecord } from './ticket-event.entity';
import { type TicketEvent, toTicketEvent } from './ticket-event.type';

/** Every stored event after `after`, oldest first, with its ticket (one query). */
export async function loadEventsAfter(em: EntityManager, after: number, limit: number): Promise<TicketEvent[]> {
  const records = await em.find(
    TicketEventRecord,
    { sequence: { $gt: after } },
    { populate: ['ticket'], orderBy: { sequence: 'asc' }, limit },
  );
  return records.map(toTicketEvent);
}

/** The events after `after` that the viewer may see, oldest first: a reconnecting client's catch-up. */
export async function loadVisibleEventsAfter(em: EntityManager, viewer: Viewer, after: number, limit: number): Promise<TicketEvent[]> {
  const where = ['e.sequence > ?'];
  const params: unknown[] = [after];
  if (!seesInternal(viewer)) where.push('not e.internal');
  const visible = ticketVisibilitySql(viewer, 't');
  if (visible) {
    where.push(visible.sql);
    params.push(...visible.params);
  }
  const rows: Array<{ sequence: number }> = await em.getConnection().execute(
    `select e.sequence from ticket_events e join tickets t on t.id = e.ticket_id where ${where.join(' and ')} order by e.sequence limit ?`,
    [...params, limit],
  );
  if (!rows.length) return [];
  const records = await em.find(
    TicketEventRecord,
    { sequence: { $in: rows.map((row) => Number(row.sequence)) } },
    { populate: ['ticket'], orderBy: { sequence: 'asc' } },
  );
  return records.map(toTicketEvent);
}

export async function latestSequence(em: EntityManager): Promise<number> {
  const rows: Array<{ max: number | null }> = await em.getConnection().execute('select max(sequence) as max from ticket_events');
  return Number(rows[0]?.max ?? 0);
}
