import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { type Tx, txSlot } from '../db/transaction';
import { PUBLISH_ORDER, publish } from '../realtime/publish';
import type { TicketEventKind, TicketStatus } from './enums';
import { TicketEventRecord } from './ticket-event.entity';
import { type TicketEvent, toTicketEvent } from './ticket-event.type';
import { internalVisibilitySql, ticketVisibilitySql } from './visibility';
import { pgArray, run } from '../db/raw-sql';

/** The realtime topic whose ids are ticket event sequences. */
export const TICKET_EVENTS_TOPIC = 'ticket_events';

export interface PendingTicketEvent {
  ticketId: string;
  kind: TicketEventKind;
  previousStatus: TicketStatus | null;
  /** Only staff may see it (an internal comment). */
  internal?: boolean;
}

const pendingEvents = txSlot('ticket events', (tx: Tx): PendingTicketEvent[] => {
  const events: PendingTicketEvent[] = [];
  // Just before the NOTIFY, so the lock below is held only for these inserts, the NOTIFY and COMMIT.
  tx.beforeCommit((em) => storeEvents(tx, em, events), PUBLISH_ORDER - 1);
  return events;
});

/** Records a ticket event: stored and announced (ids only) as the transaction's last steps. */
export function recordTicketEvent(tx: Tx, event: PendingTicketEvent): void {
  tx.slot(pendingEvents).push(event);
}

/**
 * The advisory lock (taken by append_ticket_events, with the inserts, in one round trip) makes
 * events commit in sequence order, so "events after N" never skips one that commits late.
 */
async function storeEvents(tx: Tx, em: EntityManager, events: readonly PendingTicketEvent[]): Promise<void> {
  if (!events.length) return;
  const rows: Array<{ sequence: number }> = await run(em,
    'select append_ticket_events(?::uuid[], ?::ticket_event_kind[], ?::ticket_status[], ?::boolean[]) as sequence',
    [
      pgArray(events.map((e) => e.ticketId)),
      pgArray(events.map((e) => e.kind)),
      pgArray(events.map((e) => e.previousStatus)),
      pgArray(events.map((e) => (e.internal ? 'true' : 'false'))),
    ],
  );
  publish(tx, TICKET_EVENTS_TOPIC, rows.map((row) => Number(row.sequence)));
}

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
  for (const condition of [internalVisibilitySql(viewer, 'e'), ticketVisibilitySql(viewer, 't')]) {
    if (!condition) continue;
    where.push(condition.sql);
    params.push(...condition.params);
  }
  const rows: Array<{ sequence: number }> = await run(em,
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
