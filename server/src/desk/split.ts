import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { nextNumber } from '../billing/adjustments';
import { inTransaction } from '../db/transaction';
import { badInput, notFound } from '../errors';
import { TicketEventKind, TicketStatus } from '../tickets/enums';
import { recordChange } from '../tickets/history';
import { splitRefusal } from '../tickets/capability-facts';
import { requiredText } from '../tickets/text';
import { lockTicketFor } from '../tickets/ticket-access';
import type { TicketDeps } from '../tickets/ticket-deps';
import { Ticket, TicketSession } from '../tickets/ticket.entity';
import { pgArray, run } from '../db/raw-sql';

export interface SplitRequest {
  ticketId: string;
  sessionIds: string[];
  title: string;
  comment?: string | null;
}

/**
 * Moves some of an ONGOING ticket's sessions into a new ONGOING ticket of the same reporter, with
 * the same due times, and logs it on both. Only ONGOING tickets split (rules.ts): nothing is
 * decided yet, so no money has moved and none has to follow the sessions. A retry with the same
 * sessions returns the ticket the first call made (its idempotency key names the source and sessions).
 */
export async function splitTicket(deps: TicketDeps, viewer: Viewer, request: SplitRequest): Promise<Ticket> {
  const title = requiredText(request.title, 'title', 200);
  const comment = request.comment?.trim() || null;
  const sessionIds = [...new Set(request.sessionIds)].sort();
  const key = `split:${request.ticketId}:${createHash('sha256').update(sessionIds.join(',')).digest('hex').slice(0, 32)}`;
  return inTransaction(deps.em, async (tx) => {
    const { em } = tx;
    await run(em, 'select pg_advisory_xact_lock(hashtext(?))', [key]);
    const done = await em.findOne(Ticket, { idempotencyKey: key });
    if (done) return done;
    const { ticket: source } = await lockTicketFor(em, deps.config, viewer, request.ticketId, 'split');
    if (!sessionIds.length) throw badInput('sessionIds', 'Choose the sessions to move');
    const links = await em.find(TicketSession, { ticket: source }, { fields: ['session', 'openDispute', 'open'] });
    const onTicket = new Set(links.map((l) => l.session.id));
    if (sessionIds.some((id) => !onTicket.has(id))) throw notFound('Session on this ticket');
    const refusal = splitRefusal(links.length, sessionIds.length);
    if (refusal) throw refusal;

    const now = new Date();
    const split = em.create(Ticket, {
      number: await nextNumber(em, 'ticket_number_seq', 'T-'),
      type: source.type,
      category: source.category,
      status: TicketStatus.ONGOING,
      title,
      description: source.description,
      reporter: source.reporter,
      // The reporters of tickets merged into the source keep seeing their sessions' ticket.
      mergedReporterIds: [...source.mergedReporterIds],
      tutor: source.tutor,
      assignee: source.assignee,
      requestedEffect: source.requestedEffect,
      idempotencyKey: key,
      version: 0,
      createdAt: now,
      updatedAt: now,
      firstResponseDueAt: source.firstResponseDueAt,
      firstRespondedAt: source.firstRespondedAt,
      resolutionDueAt: source.resolutionDueAt,
      currency: source.currency,
      creditedMinor: 0,
    });
    await recordChange(tx, split, { actor: viewer, action: 'SPLIT_FROM', comment: [`Split from ${source.number}`, comment].filter(Boolean).join(': '), to: TicketStatus.ONGOING, kind: TicketEventKind.CREATED });
    await recordChange(tx, source, { actor: viewer, action: 'SPLIT', comment: [`${sessionIds.length} session(s) moved to ${split.number}`, comment].filter(Boolean).join(': '), kind: TicketEventKind.UPDATED });
    await em.flush();
    await moveSessions(em, source.id, split.id, sessionIds);
    await deps.timers.scheduleAutoEscalate(em, split);
    return split;
  });
}

/** The links keep their open-dispute flags (the held payouts stay held): only their ticket changes. */
async function moveSessions(em: EntityManager, fromId: string, toId: string, sessionIds: string[]) {
  await run(em, 'update ticket_sessions set ticket_id = ? where ticket_id = ? and session_id = any(?::uuid[])', [toId, fromId, pgArray(sessionIds)]);
}
