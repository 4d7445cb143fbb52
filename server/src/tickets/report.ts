import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Role, isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { nextNumber } from '../billing/adjustments';
import { holdPayouts } from '../billing/payouts';
import { inTransaction } from '../db/transaction';
import { badInput, conflict, forbidden, notFound } from '../errors';
import { SessionStatus, TutoringSession } from '../sessions/session.entity';
import { getVisibleSessions } from '../sessions/sessions.service';
import { type DisputeCategory, type ResolutionEffect, TicketEventKind, TicketStatus, TicketType } from './enums';
import { recordChange } from './history';
import { requiredText } from './text';
import type { TicketDeps } from './ticket-deps';
import { Ticket, TicketSession } from './ticket.entity';
import { run } from '../db/raw-sql';

const MAX_SESSIONS = 50;

/** reportIssue's input with its session ids already parsed. */
export interface ReportRequest {
  sessionIds: string[];
  category: DisputeCategory;
  title: string;
  description: string;
  type?: TicketType | null;
  requestedEffect?: ResolutionEffect | null;
  idempotencyKey?: string | null;
  /** Counts a new report against the caller's limit (RATE_LIMITED when spent); a replay of a key is never counted. */
  admit?: () => Promise<void>;
}

/** One ticket for one or more completed sessions of the caller (idempotent per caller and key). */
export async function reportIssue(deps: TicketDeps, viewer: Viewer, input: ReportRequest): Promise<Ticket> {
  const type = input.type ?? TicketType.DISPUTE;
  if (viewer.role === Role.TUTOR) throw forbidden('Tutors cannot report issues');
  if (type === TicketType.RISK ? !isStaff(viewer.role) : isStaff(viewer.role)) {
    throw forbidden(type === TicketType.RISK ? 'RISK tickets are opened by staff' : 'Staff open RISK tickets; learners and parents report the others');
  }
  const title = requiredText(input.title, 'title', 200);
  const description = requiredText(input.description, 'description', 5000);
  const sessionIds = [...new Set(input.sessionIds)];
  if (sessionIds.length > MAX_SESSIONS) throw badInput('sessionIds', `at most ${MAX_SESSIONS} sessions per ticket`);
  if (type === TicketType.DISPUTE && !sessionIds.length) throw badInput('sessionIds', 'a dispute needs at least one session');
  const key = input.idempotencyKey ?? null;
  if (key !== null && (!key.trim() || key.length > 200)) throw badInput('idempotencyKey', 'idempotencyKey must be 1 to 200 characters');
  const requestHash = createHash('sha256').update(JSON.stringify([type, input.category, title, description, [...sessionIds].sort(), input.requestedEffect ?? null])).digest('hex');

  try {
    return await inTransaction(deps.em, async (tx) => {
      const { em } = tx;
      if (key !== null) {
        // Same caller, same key: serialised, so concurrent retries see the first ticket.
        await run(em, 'select pg_advisory_xact_lock(hashtext(?))', [`report:${viewer.id}:${key}`]);
        const existing = await em.findOne(Ticket, { reporter: viewer.id, idempotencyKey: key });
        if (existing) {
          if (existing.requestHash !== requestHash) throw badInput('idempotencyKey', 'This idempotencyKey was used for a different report');
          return existing;
        }
      }
      await input.admit?.();
      const sessions = sessionIds.length ? await getVisibleSessions(em, viewer, sessionIds) : [];
      if (sessions.length !== sessionIds.length) throw notFound('Session');
      checkSessions(type, sessions);
      if (type === TicketType.DISPUTE) {
        const busy = await em.count(TicketSession, { session: { $in: sessionIds }, openDispute: true });
        if (busy) throw conflict('One of these sessions is already in an open dispute');
      }
      const now = new Date();
      const { config } = deps;
      const ticket = em.create(Ticket, {
        number: await nextNumber(em, 'ticket_number_seq', 'T-'),
        type,
        category: input.category,
        status: TicketStatus.ONGOING,
        title,
        description,
        reporter: em.getReference(User, viewer.id),
        tutor: sessions[0]?.tutor ?? null,
        requestedEffect: input.requestedEffect ?? null,
        idempotencyKey: key,
        requestHash,
        version: 0,
        createdAt: now,
        updatedAt: now,
        firstResponseDueAt: new Date(now.getTime() + config.firstResponseDueAfterMs),
        resolutionDueAt: new Date(now.getTime() + config.resolutionDueAfterMs),
        currency: sessions[0]?.currency ?? null,
        creditedMinor: 0,
      });
      for (const session of sessions) {
        em.persist(Object.assign(new TicketSession(), { ticket, session, openDispute: type === TicketType.DISPUTE, open: true }));
      }
      await recordChange(tx, ticket, { actor: viewer, action: 'REPORTED', comment: description, to: TicketStatus.ONGOING, kind: TicketEventKind.CREATED });
      await em.flush();
      await holdPayouts(em, sessionIds);
      await deps.timers.scheduleAutoEscalate(em, ticket);
      return ticket;
    });
  } catch (error) {
    // The partial unique index caught a race the count above could not see.
    if (error instanceof UniqueConstraintViolationException) throw conflict('One of these sessions is already in an open dispute');
    throw error;
  }
}

/** A dispute covers completed sessions of one tutor. */
function checkSessions(type: TicketType, sessions: TutoringSession[]) {
  if (type !== TicketType.DISPUTE) return;
  if (sessions.some((s) => s.status !== SessionStatus.COMPLETED)) throw badInput('sessionIds', 'Only completed sessions can be disputed');
  if (new Set(sessions.map((s) => s.tutor.id)).size > 1) throw badInput('sessionIds', 'All sessions of a dispute must have the same tutor');
}
