import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../db/raw-sql';
import { inTransaction } from '../db/transaction';
import { badInput } from '../errors';
import { MAX_SYNC_ITEMS, SyncOutcome, type SyncResultRow, failedRow } from './batch';
import { resolveIds } from './records';
import { requireValidDate } from './validate';

export type AttendanceKindName = 'JOINED' | 'LEFT';

export interface AttendanceRecorded {
  sessionId: string;
  userId: string;
  kind: AttendanceKindName;
  at: Date;
  /** Where it came from: 'zoom', the partner's `source`, or null. */
  source: string | null;
  /** Whether the stored time moved (an earlier JOINED or a later LEFT than before). */
  changed: boolean;
}

type Listener = (event: AttendanceRecorded) => void | Promise<void>;
const listeners: Listener[] = [];

/**
 * The one hook for attendance: called once per recorded check-in/out after its transaction
 * committed (automations' ATTENDANCE_RECORDED trigger listens here). Returns an unsubscribe.
 */
export function onAttendanceRecorded(listener: Listener): () => void {
  listeners.push(listener);
  return () => void listeners.splice(listeners.indexOf(listener), 1);
}

/** Earliest JOINED and latest LEFT count: the tutor's on the session, a learner's on their participation. */
export async function recordAttendance(em: EntityManager, event: Omit<AttendanceRecorded, 'changed'>): Promise<boolean> {
  requireValidDate(event.at, 'at');
  return inTransaction(em, async (tx) => {
    const [session] = await run(tx.em, 'select tutor_id from tutoring_sessions where id = ? for update', [event.sessionId]);
    if (!session) throw badInput('sessionExternalId', 'No such session');
    const joined = event.kind === 'JOINED';
    const pick = joined ? 'least' : 'greatest';
    let moved: unknown[];
    if (session.tutor_id === event.userId) {
      const column = joined ? 'tutor_joined_at' : 'tutor_left_at';
      moved = await run(tx.em, `update tutoring_sessions set ${column} = ${pick}(coalesce(${column}, ?), ?) where id = ? and ${column} is distinct from ${pick}(coalesce(${column}, ?), ?) returning id`,
        [event.at, event.at, event.sessionId, event.at, event.at]);
    } else {
      const [participant] = await run(tx.em, 'select 1 from session_participants where session_id = ? and learner_id = ?', [event.sessionId, event.userId]);
      if (!participant) throw badInput('userExternalId', 'This person is neither the tutor nor a learner of this session');
      const column = joined ? 'joined_at' : 'left_at';
      moved = await run(tx.em, `update session_participants set ${column} = ${pick}(coalesce(${column}, ?), ?) where session_id = ? and learner_id = ? and ${column} is distinct from ${pick}(coalesce(${column}, ?), ?) returning learner_id`,
        [event.at, event.at, event.sessionId, event.userId, event.at, event.at]);
    }
    const recorded = { ...event, changed: moved.length > 0 };
    tx.afterCommit(async () => {
      for (const listener of [...listeners]) await listener(recorded);
    });
    return recorded.changed;
  });
}

export interface AttendanceSyncItem {
  sessionExternalId: string;
  userExternalId: string;
  kind: AttendanceKindName;
  at: Date;
  source?: string | null;
}

/** recordAttendance by the business's ids: each event on its own, answered in input order (externalId: the session's). */
export async function recordAttendanceBatch(em: EntityManager, items: AttendanceSyncItem[]): Promise<SyncResultRow[]> {
  if (items.length > MAX_SYNC_ITEMS) throw badInput('input', `At most ${MAX_SYNC_ITEMS} items fit in one call; this one has ${items.length}. Send them in several calls.`);
  const sessions = await resolveIds(em, 'SESSION', items.map((i) => i.sessionExternalId));
  const users = await resolveIds(em, 'USER', items.map((i) => i.userExternalId));
  const results: SyncResultRow[] = [];
  for (const item of items) {
    try {
      const sessionId = sessions.get(item.sessionExternalId);
      if (!sessionId) throw badInput('sessionExternalId', `No session with the external id "${String(item.sessionExternalId).slice(0, 200)}" was synced yet`);
      const userId = users.get(item.userExternalId);
      if (!userId) throw badInput('userExternalId', `No person with the external id "${String(item.userExternalId).slice(0, 200)}" was synced yet`);
      if (item.source && (item.source.length > 100 || item.source.includes('\u0000'))) throw badInput('source', 'The source is a short name such as zoom');
      const changed = await recordAttendance(em, { sessionId, userId, kind: item.kind, at: item.at, source: item.source ?? null });
      results.push({ externalId: item.sessionExternalId, outcome: changed ? SyncOutcome.UPDATED : SyncOutcome.UNCHANGED, id: sessionId });
    } catch (error) {
      results.push(failedRow(String(item.sessionExternalId ?? '').slice(0, 200), error));
    }
  }
  return results;
}
