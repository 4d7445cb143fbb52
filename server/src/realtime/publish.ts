import type { EntityManager } from '@mikro-orm/postgresql';
import type { TicketEventKind, TicketStatus } from '../tickets/enums';

/** The one PostgreSQL channel every instance LISTENs on. */
export const REALTIME_CHANNEL = 'tickets_realtime';

export interface PendingTicketEvent {
  ticketId: string;
  kind: TicketEventKind;
  previousStatus: TicketStatus | null;
  /** Only staff may see it (an internal comment). */
  internal?: boolean;
}

/** What one transaction announces: its ticket events and new in-app notifications. */
export interface PendingChanges {
  events: PendingTicketEvent[];
  notificationIds: string[];
}

/** NOTIFY payload: ids only, far below PostgreSQL's 8000-byte limit. */
export interface RealtimePayload {
  /** Ticket event sequences. */
  e: number[];
  /** Notification ids. */
  n: string[];
  /** Presence changes, "ticketId:userId" (desk/presence). */
  p?: string[];
}

/**
 * Runs as the last step of a transaction: stores its ticket events and sends one NOTIFY, which
 * PostgreSQL delivers only if the transaction commits. The advisory lock makes events commit in
 * sequence order, so "events after N" never skips one that commits late.
 */
export async function flushPendingChanges(em: EntityManager, pending: PendingChanges): Promise<number[]> {
  if (!pending.events.length && !pending.notificationIds.length) return [];
  const conn = em.getConnection();
  const ctx = em.getTransactionContext();
  const sequences: number[] = [];
  if (pending.events.length) {
    await conn.execute("select pg_advisory_xact_lock(hashtext('ticket_events'))", [], 'all', ctx);
    for (const event of pending.events) {
      const rows = await conn.execute(
        'insert into ticket_events (ticket_id, kind, previous_status, internal) values (?, ?, ?, ?) returning sequence',
        [event.ticketId, event.kind, event.previousStatus, event.internal ?? false],
        'all',
        ctx,
      );
      sequences.push(Number(rows[0].sequence));
    }
  }
  const payload: RealtimePayload = { e: sequences, n: pending.notificationIds.slice(0, 150) };
  await conn.execute('select pg_notify(?, ?)', [REALTIME_CHANNEL, JSON.stringify(payload)], 'all', ctx);
  return sequences;
}
