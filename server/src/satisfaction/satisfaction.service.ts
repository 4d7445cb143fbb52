import { createHash, randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config';
import { type Tx, inTransaction } from '../db/transaction';
import { badInput } from '../errors';
import { announce } from '../notifications/outbox';
import { TicketEventKind, TicketStatus } from '../tickets/enums';
import { recordChange } from '../tickets/history';
import { ticketFor, verdictFor } from '../tickets/ticket-access';
import { Ticket } from '../tickets/ticket.entity';
import { rateRefusal } from '../tickets/capability-facts';
import { ASK_TASK } from './listeners';
import { TicketRating } from './rating.entity';


const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');



/** Tickets closed longer ago than this are not asked (e.g. the demo seed's backdated ones). */
const ASK_WITHIN_MS = 86_400_000;

/** Writes the request and asks the reporter in the app and by email with one-click score links. */
export async function askForRating(em: EntityManager, config: Config, ticketId: string): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const ticket = await tx.em.findOne(Ticket, { id: ticketId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!ticket || ticket.status !== TicketStatus.CLOSED || (await tx.em.count(TicketRating, { ticket: ticketId }))) return false;
    if (!ticket.closedAt || Date.now() - ticket.closedAt.getTime() > ASK_WITHIN_MS) return false;
    const reporter = await tx.em.findOneOrFail(User, { id: ticket.reporter.id });
    if (isStaff(reporter.role)) return false;
    const token = randomBytes(24).toString('base64url');
    tx.em.persist(Object.assign(new TicketRating(), { ticket, tokenHash: hashToken(token) }));
    const rateLinks = [1, 2, 3, 4, 5].map((score) => `${config.publicUrl}/rate/${token}?score=${score}`);
    await announce(tx, {
      event: 'ticket.rate_request',
      ticket,
      recipients: [{ user: reporter, channels: ['IN_APP', 'EMAIL'] }],
      title: `How did we do with ${ticket.number}?`,
      body: 'Your ticket is closed. Rate it from 1 to 5 on the ticket page.',
      data: { rateLinks },
    });
    return true;
  });
}

async function applyRating(tx: Tx, ticket: Ticket, rating: TicketRating | null, actor: Viewer, score: number, comment: string | null): Promise<void> {
  const row = rating ?? tx.em.create(TicketRating, { ticket, tokenHash: hashToken(randomBytes(24).toString('base64url')), askedAt: new Date() });
  Object.assign(row, { score, comment, ratedAt: new Date(), ratedBy: tx.em.getReference(User, actor.id) });
  await recordChange(tx, ticket, { actor, action: 'RATED', comment: comment ? `${score}/5: ${comment}` : `${score}/5`, kind: TicketEventKind.UPDATED });
}

function checkScore(score: number) {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw badInput('score', 'score is a whole number from 1 to 5');
}

/** rateTicket: the reporter, once, CLOSED only, 1..5. */
export async function rateTicket(em: EntityManager, config: Config, viewer: Viewer, input: { ticketId: string; score: number; comment?: string | null }): Promise<Ticket> {
  checkScore(input.score);
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > 2000) throw badInput('comment', 'comment is at most 2000 characters');
  return inTransaction(em, async (tx) => {
    const { ticket } = await ticketFor(tx.em, config, viewer, input.ticketId, 'rate', { lock: true });
    const rating = await tx.em.findOne(TicketRating, { ticket: ticket.id });
    const refusal = rateRefusal(ticket, rating);
    if (refusal) throw refusal;
    await applyRating(tx, ticket, rating, viewer, input.score, comment);
    return ticket;
  });
}

export type LinkOutcome = { kind: 'rated'; score: number; ticketNumber: string } | { kind: 'used' } | { kind: 'invalid' };

/** A one-click link from the email: works without signing in, once. */
export async function rateByToken(em: EntityManager, config: Config, token: string, score: number): Promise<LinkOutcome> {
  if (!Number.isInteger(score) || score < 1 || score > 5) return { kind: 'invalid' };
  return inTransaction(em, async (tx) => {
    const rating = await tx.em.findOne(TicketRating, { tokenHash: hashToken(token) });
    if (!rating) return { kind: 'invalid' } as const;
    const ticket = await tx.em.findOneOrFail(Ticket, { id: rating.ticket.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const reporter = await tx.em.findOneOrFail(User, { id: ticket.reporter.id });
    const actor: Viewer = { id: reporter.id, role: reporter.role };
    if (rating.score || !verdictFor(config, actor, ticket, 'rate').ok) return { kind: 'used' } as const;
    await applyRating(tx, ticket, rating, actor, score, null);
    return { kind: 'rated', score, ticketNumber: ticket.number } as const;
  });
}
