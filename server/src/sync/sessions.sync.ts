import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, run } from '../db/raw-sql';
import type { Tx } from '../db/transaction';
import { SessionStatus } from '../sessions/session.entity';
import { type SyncResultRow, runSyncBatch } from './batch';
import type { SyncRecord } from './records';
import { type SessionFacts, type SessionSyncItem, describeSessionChanges, sessionFacts, sessionRefIds } from './session-facts';
import { applyPackageUse, syncPayout } from './session-money';
import { type SessionRefs, loadSessionRefs, refreshRefs } from './session-refs';
import { noteSourceChange, openTicketsOn } from './ticket-notes';
import { conflictOn } from './validate';

export function syncSessions(em: EntityManager, items: SessionSyncItem[]): Promise<SyncResultRow[]> {
  const refs: SessionRefs = { users: new Map(), packages: new Map() };
  return runSyncBatch(em, 'SESSION', items, (tx, item, record) => applySession(tx, item, record, refs), async (all) => {
    const ids = all.map(sessionRefIds);
    Object.assign(refs, await loadSessionRefs(em, ids.flatMap((i) => i.users), ids.flatMap((i) => i.packages)));
  });
}

async function applySession(tx: Tx, item: SessionSyncItem, record: SyncRecord | null, refs: SessionRefs) {
  const ids = sessionRefIds(item);
  await refreshRefs(tx.em, refs, ids.users, ids.packages);
  const next = sessionFacts(item, refs);
  if (!record) return { entityId: await createSession(tx, next), changed: true };
  const before = await loadSession(tx.em, record.entityId);
  const changes = describeSessionChanges(before, next);
  if (!changes.length) return { entityId: record.entityId, changed: false };
  const open = await openTicketsOn(tx.em, record.entityId);
  if (open.disputed && (before.priceMinor !== next.priceMinor || before.currency !== next.currency)) {
    throw conflictOn('price', 'This session is in an open dispute; its price cannot change until the dispute is closed');
  }
  if (open.disputed && before.tutorId !== next.tutorId) throw conflictOn('tutorExternalId', 'This session is in an open dispute; its tutor cannot change until the dispute is closed');
  await updateSession(tx, record.entityId, before, next);
  await syncPayout(tx, record.entityId, next, open.ticketIds.length > 0);
  await noteSourceChange(tx, open.ticketIds, `Session "${next.subject}" (${next.start.toISOString().slice(0, 10)})`, changes);
  return { entityId: record.entityId, changed: true };
}

async function createSession(tx: Tx, s: SessionFacts): Promise<string> {
  const id = randomUUID();
  await run(tx.em,
    `insert into tutoring_sessions (id, kind, status, language, subject, scheduled_start, scheduled_end, price_minor, currency, tutor_id,
       lesson_id, order_id, teacher_session_id, ended_by_id, meeting_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, s.kind, s.status, s.language, s.subject, s.start, s.end, s.priceMinor, s.currency, s.tutorId, s.lessonId, s.orderId, s.teacherSessionId, s.endedById, s.meetingId]);
  await run(tx.em, 'insert into session_participants (session_id, learner_id, package_id) select ?, l, case when l = ?::uuid then ?::uuid end from unnest(?::uuid[]) l',
    [id, s.packageLearnerId, s.packageId, pgArray(s.learnerIds)]);
  await applyPackageUse(tx.em, null, s);
  await syncPayout(tx, id, s, false);
  return id;
}

async function loadSession(em: EntityManager, id: string): Promise<SessionFacts> {
  const [row] = await run(em, 'select * from tutoring_sessions where id = ? for update', [id]);
  const participants: Array<{ learner_id: string; package_id: string | null }> = await run(em,
    'select learner_id, package_id from session_participants where session_id = ? order by learner_id', [id]);
  const [payout] = await run(em, 'select amount_minor from tutor_payouts where session_id = ?', [id]);
  const packaged = participants.find((p) => p.package_id);
  return {
    kind: row.kind, status: row.status, subject: row.subject, language: row.language, start: new Date(row.scheduled_start), end: new Date(row.scheduled_end),
    priceMinor: row.price_minor, currency: row.currency, tutorPayMinor: payout?.amount_minor ?? null, tutorId: row.tutor_id,
    learnerIds: participants.map((p) => p.learner_id), packageId: packaged?.package_id ?? null, packageLearnerId: packaged?.learner_id ?? null,
    meetingId: row.meeting_id, lessonId: row.lesson_id, orderId: row.order_id, teacherSessionId: row.teacher_session_id, endedById: row.ended_by_id,
  };
}

async function updateSession(tx: Tx, id: string, before: SessionFacts, s: SessionFacts): Promise<void> {
  const removed = before.learnerIds.filter((l) => !s.learnerIds.includes(l));
  if (removed.length) {
    const [used] = await run(tx.em,
      `select (exists (select 1 from ticket_sessions where session_id = ?) or exists (select 1 from invoice_lines where session_id = ? and learner_id = any(?::uuid[]))
               or exists (select 1 from session_participants where session_id = ? and learner_id = any(?::uuid[]) and (joined_at is not null or left_at is not null))) as used`,
      [id, id, pgArray(removed), id, pgArray(removed)]);
    if (used.used) throw conflictOn('learnerExternalIds', 'A learner who was billed, attended or is named in a ticket cannot be taken off this session');
    await run(tx.em, 'delete from session_participants where session_id = ? and learner_id = any(?::uuid[])', [id, pgArray(removed)]);
  }
  const added = s.learnerIds.filter((l) => !before.learnerIds.includes(l));
  if (added.length) await run(tx.em, 'insert into session_participants (session_id, learner_id) select ?, l from unnest(?::uuid[]) l', [id, pgArray(added)]);
  if (before.packageId !== s.packageId || before.packageLearnerId !== s.packageLearnerId) {
    await run(tx.em, 'update session_participants set package_id = case when learner_id = ?::uuid then ?::uuid end where session_id = ?', [s.packageLearnerId, s.packageId, id]);
  }
  await applyPackageUse(tx.em, before, s);
  await run(tx.em,
    `update tutoring_sessions set kind = ?, status = ?, language = ?, subject = ?, scheduled_start = ?, scheduled_end = ?, price_minor = ?, currency = ?,
       tutor_id = ?, lesson_id = ?, order_id = ?, teacher_session_id = ?, ended_by_id = ?, meeting_id = ? where id = ?`,
    [s.kind, s.status, s.language, s.subject, s.start, s.end, s.priceMinor, s.currency, s.tutorId, s.lessonId, s.orderId, s.teacherSessionId, s.endedById, s.meetingId, id]);
}

