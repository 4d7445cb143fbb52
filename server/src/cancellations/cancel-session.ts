import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaff } from '../auth/roles';
import { ParentLink, User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { type CancellationMoney, creditCancelledSession } from '../billing/cancellation-credit';
import { inTransaction } from '../db/transaction';
import { badInput, conflict, forbidden, notFound } from '../errors';
import { type NotificationChannel, announce } from '../notifications/outbox';
import { SessionParticipant, SessionStatus, TutoringSession } from '../sessions/session.entity';
import { recordCreditNoteWebhook, recordWebhookEvent } from '../webhooks/events';
import { WebhookEventType } from '../webhooks/webhook.entities';

const EVERY_CHANNEL: NotificationChannel[] = ['IN_APP', 'EMAIL', 'TELEGRAM'];
const UTC_WHEN = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
/** "Tue 26 Nov, 16:00 UTC": chat and email readers live in many zones; the dashboard shows local time. */
export const sessionWhen = (session: TutoringSession) => `${UTC_WHEN.format(session.scheduledStart)} UTC`;

/** The rule: a SCHEDULED session, before it starts, by its tutor or staff. Null when allowed. */
export function cancellationRefusal(viewer: Viewer, session: TutoringSession, now = new Date()) {
  if (session.tutor.id !== viewer.id && !isStaff(viewer.role)) return forbidden('Only the tutor of the session or staff may cancel it');
  if (session.status !== SessionStatus.SCHEDULED) return conflict(`The session is ${session.status.toLowerCase()}, not scheduled`);
  if (now >= session.scheduledStart) return conflict('The session has started; report an issue about it instead');
  return null;
}

/**
 * cancelSession: the session becomes CANCELLED (who, when, why), costs nothing (as a full credit:
 * draft lines voided, credit notes on issued invoices, package credits back; no payout), and its
 * learners and their parents are told in the app, by email and on Telegram.
 */
export async function cancelSession(em: EntityManager, viewer: Viewer, input: { sessionId: string; reason: string }, now = new Date()): Promise<{ session: TutoringSession; money: CancellationMoney }> {
  const reason = input.reason.trim();
  if (!reason) throw badInput('reason', 'Say why the session is cancelled');
  if (reason.length > 1000) throw badInput('reason', 'reason is at most 1000 characters');
  return inTransaction(em, async (tx) => {
    const session = await tx.em.findOne(TutoringSession, { id: input.sessionId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!session) throw notFound('Session');
    const participants = await tx.em.find(SessionParticipant, { session: session.id }, { populate: ['learner', 'package'] });
    const learnerIds = participants.map((p) => p.learner.id);
    const parents = learnerIds.length ? await tx.em.find(ParentLink, { child: { $in: learnerIds } }, { populate: ['parent'] }) : [];
    const involved = session.tutor.id === viewer.id || isStaff(viewer.role) || learnerIds.includes(viewer.id) || parents.some((l) => l.parent.id === viewer.id);
    if (!involved) throw notFound('Session');
    const refusal = cancellationRefusal(viewer, session, now);
    if (refusal) throw refusal;

    Object.assign(session, { status: SessionStatus.CANCELLED, cancelledBy: tx.em.getReference(User, viewer.id), cancelledAt: now, cancellationReason: reason });
    recordWebhookEvent(tx.em, WebhookEventType.SESSION_CANCELLED, `session:${session.id}`, {
      session: {
        id: session.id, status: session.status, subject: session.subject, scheduledStart: session.scheduledStart.toISOString(),
        scheduledEnd: session.scheduledEnd.toISOString(), tutorId: session.tutor.id, learnerIds,
        cancelledById: viewer.id, cancelledAt: now.toISOString(), cancellationReason: reason,
      },
    });
    const tutor = await tx.em.findOneOrFail(User, { id: session.tutor.id });
    const money = await creditCancelledSession(tx.em, session, participants, `${session.subject} on ${sessionWhen(session)} cancelled by ${tutor.name}`);
    // Ordered with the session's own events.
    for (const note of money.creditNotes) recordCreditNoteWebhook(tx.em, note, `session:${session.id}`);
    const when = sessionWhen(session);
    await announce(tx, {
      event: 'session.cancelled',
      ticket: null,
      key: `session:${session.id}:cancelled`,
      recipients: [...participants.map((p) => p.learner), ...parents.map((l) => l.parent)].map((user) => ({ user, channels: EVERY_CHANNEL })),
      title: `Session cancelled: ${session.subject}, ${when}`,
      body: `${tutor.name} cancelled ${session.subject} on ${when}.`,
      data: { sessionId: session.id, sessionSubject: session.subject, sessionDate: when, reason },
    });
    return { session, money };
  });
}

/** A tutor's next scheduled sessions, soonest first. */
export function upcomingSessions(em: EntityManager, tutorId: string, now = new Date(), limit = 5): Promise<TutoringSession[]> {
  return em.find(TutoringSession, { tutor: tutorId, status: SessionStatus.SCHEDULED, scheduledStart: { $gt: now } }, { orderBy: { scheduledStart: 'asc', id: 'asc' }, limit });
}
