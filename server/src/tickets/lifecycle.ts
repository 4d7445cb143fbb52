import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { type MoneyMoved, applyDecision } from '../billing/adjustments';
import { releasePayoutsWithoutOpenTickets } from '../billing/payouts';
import { recordAudit } from '../audit/audit';
import { type Tx, inTransaction } from '../db/transaction';
import { badInput, errorCodeOf } from '../errors';
import { parseId } from '../graphql/ids';
import { addJob, removeJob } from '../jobs/queue';
import type { Services } from '../services';
import { SessionParticipant } from '../sessions/session.entity';
import { announcements } from './announcements';
import { decisionFor } from './decision';
import { TicketEventKind, TicketStatus } from './enums';
import { recordChange } from './history';
import { ResolutionAction } from './resolution-action.entity';
import { lockTicketFor } from './ticket-access';
import type { ResolveTicketInput } from './ticket.inputs';
import { type Ticket, TicketSession } from './ticket.entity';
import { AUTO_CLOSE_TASK } from './timer-names';

const emOf = (services: Services) => services.orm.em as EntityManager;

function requiredText(value: string | null | undefined, field: string, max = 5000): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(field, `${field} must not be empty`);
  if (text.length > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return text;
}

/** The learners whose money a ticket's decision moves: the reporter's own and their children's. */
async function disputedParticipants(em: EntityManager, ticket: Ticket): Promise<SessionParticipant[]> {
  const links = await em.find(TicketSession, { ticket }, { fields: ['session'] });
  if (!links.length) return [];
  const reporter = await em.findOneOrFail(User, { id: ticket.reporter.id });
  const all = await em.find(SessionParticipant, { session: { $in: links.map((l) => l.session.id) } }, { populate: ['session', 'package'] });
  if (reporter.role === Role.COORDINATOR || reporter.role === Role.ADMIN) return all;
  const children: Array<{ child_id: string }> = await em.getConnection().execute('select child_id from parent_links where parent_id = ?', [reporter.id], 'all', em.getTransactionContext());
  const represented = new Set([reporter.id, ...children.map((c) => c.child_id)]);
  return all.filter((p) => represented.has(p.learner.id));
}

/** CLOSED: sessions leave the open dispute, payouts are released net of credits, the tutor is told. */
async function closeTicket(tx: Tx, ticket: Ticket, decision: { comment: string; money: MoneyMoved } | null) {
  const { em } = tx;
  ticket.closedAt = new Date();
  ticket.autoCloseAt = null;
  await em.flush();
  await em.nativeUpdate(TicketSession, { ticket }, { open: false, openDispute: false });
  const sessionIds = (await em.find(TicketSession, { ticket }, { fields: ['session'] })).map((l) => l.session.id);
  await releasePayoutsWithoutOpenTickets(em, sessionIds);
  await removeJob(em, `close:${ticket.id}`);
  await removeJob(em, `escalate:${ticket.id}`);
  await announcements.closed(tx, ticket, decision);
}

/** ONGOING -> RESOLVED (tutor, coordinator, admin), or ESCALATED -> CLOSED (the final decision). */
export async function resolveTicket(services: Services, viewer: Viewer, input: ResolveTicketInput): Promise<Ticket> {
  const ticketId = parseId(input.ticketId, 'ticketId');
  const actionId = input.actionId ? parseId(input.actionId, 'actionId') : null;
  const comment = requiredText(input.comment, 'comment');
  return inTransaction(emOf(services), async (tx) => {
    const { em } = tx;
    const { ticket, to } = await lockTicketFor(em, services.config, viewer, ticketId, 'resolve', input.expectedVersion);
    const isTutor = viewer.role === Role.TUTOR;
    if (isTutor && input.outcome) throw badInput('outcome', 'Tutors resolve with an action; outcomes are for coordinators and admins');
    const action = actionId ? await em.findOne(ResolutionAction, { id: actionId }) : null;
    if (actionId && (!action || !action.active)) throw badInput('actionId', 'No active resolution action with this id');
    if (action?.category && ticket.category && action.category !== ticket.category) throw badInput('actionId', `This action is for ${action.category} tickets`);
    const granted = input.grantRequestedEffect ? ticket.requestedEffect : null;
    if (input.grantRequestedEffect && !granted) throw badInput('grantRequestedEffect', 'The reporter did not ask for a remedy');
    if (!action && !input.outcome && !granted) {
      throw badInput(isTutor ? 'actionId' : 'outcome', isTutor ? 'Choose an action' : 'Choose an outcome or an action');
    }
    const decision = decisionFor(input.outcome, granted ?? action?.effect, granted ? null : action?.creditPercent, input.creditAmountMinor);
    const money = await applyDecision(em, ticket, await disputedParticipants(em, ticket), decision);

    const from = ticket.status;
    Object.assign(ticket, {
      resolutionOutcome: input.outcome ?? null,
      resolutionAction: action,
      resolutionComment: comment,
      resolvedBy: em.getReference(User, viewer.id),
      resolvedAt: new Date(),
      creditedMinor: ticket.creditedMinor + money.creditedDeltaMinor,
      currency: ticket.currency ?? money.currency,
    });
    if (from === TicketStatus.ONGOING) {
      ticket.autoCloseAt = new Date(Date.now() + services.config.autoCloseAfterMs);
      recordChange(tx, ticket, { actor: viewer, action: 'RESOLVED', comment, to, kind: TicketEventKind.STATUS_CHANGED });
      await em.flush();
      await removeJob(em, `escalate:${ticket.id}`);
      await addJob(em, AUTO_CLOSE_TASK, { ticketId: ticket.id }, { runAt: ticket.autoCloseAt, jobKey: `close:${ticket.id}` });
      await announcements.resolved(tx, ticket, money);
    } else {
      recordChange(tx, ticket, { actor: viewer, action: 'DECIDED', comment, to, kind: TicketEventKind.STATUS_CHANGED });
      await recordAudit(em, { action: 'ticket.final_decision', actor: viewer, target: { type: 'Ticket', id: ticket.id }, change: { outcome: input.outcome ?? null, actionId, creditedMinor: money.creditedDeltaMinor, comment } });
      await closeTicket(tx, ticket, { comment, money });
    }
    return ticket;
  });
}

/** RESOLVED -> CLOSED by the reporter. */
export async function acceptResolution(services: Services, viewer: Viewer, input: { ticketId: string; comment?: string | null }): Promise<Ticket> {
  const ticketId = parseId(input.ticketId, 'ticketId');
  const comment = input.comment?.trim() || null;
  return inTransaction(emOf(services), async (tx) => {
    const { ticket, to } = await lockTicketFor(tx.em, services.config, viewer, ticketId, 'accept');
    recordChange(tx, ticket, { actor: viewer, action: 'ACCEPTED', comment, to, kind: TicketEventKind.STATUS_CHANGED });
    await closeTicket(tx, ticket, null);
    return ticket;
  });
}

/** RESOLVED -> ESCALATED by the reporter; ONGOING -> ESCALATED by the tutor or a coordinator. */
export async function escalateTicket(services: Services, viewer: Viewer, input: { ticketId: string; comment: string }): Promise<Ticket> {
  const ticketId = parseId(input.ticketId, 'ticketId');
  const comment = requiredText(input.comment, 'comment');
  return inTransaction(emOf(services), async (tx) => {
    const { ticket, to } = await lockTicketFor(tx.em, services.config, viewer, ticketId, 'escalate');
    await escalate(tx, ticket, viewer, to, 'ESCALATED', comment);
    return ticket;
  });
}

async function escalate(tx: Tx, ticket: Ticket, actor: Viewer | null, to: TicketStatus, action: string, comment: string) {
  ticket.autoCloseAt = null;
  recordChange(tx, ticket, { actor, action, comment, to, kind: TicketEventKind.STATUS_CHANGED });
  await tx.em.flush();
  await removeJob(tx.em, `close:${ticket.id}`);
  await removeJob(tx.em, `escalate:${ticket.id}`);
  await announcements.escalated(tx, ticket, comment);
}

/** Staff assign an open ticket to a coordinator or admin, or unassign it (null). */
export async function assignTicket(services: Services, viewer: Viewer, input: { ticketId: string; assigneeId?: string | null; expectedVersion?: number | null }): Promise<Ticket> {
  const ticketId = parseId(input.ticketId, 'ticketId');
  const assigneeId = input.assigneeId ? parseId(input.assigneeId, 'assigneeId') : null;
  return inTransaction(emOf(services), async (tx) => {
    const { em } = tx;
    const { ticket } = await lockTicketFor(em, services.config, viewer, ticketId, 'assign', input.expectedVersion);
    const assignee = assigneeId ? await em.findOne(User, { id: assigneeId, active: true }) : null;
    if (assigneeId && (!assignee || (assignee.role !== Role.COORDINATOR && assignee.role !== Role.ADMIN))) {
      throw badInput('assigneeId', 'Tickets are assigned to coordinators or admins');
    }
    if ((ticket.assignee?.id ?? null) === assigneeId) return ticket;
    ticket.assignee = assignee;
    recordChange(tx, ticket, {
      actor: viewer,
      action: assignee ? 'ASSIGNED' : 'UNASSIGNED',
      comment: assignee ? `Assigned to ${assignee.name}` : null,
      kind: TicketEventKind.ASSIGNED,
    });
    await announcements.assigned(tx, ticket, assignee, viewer.id);
    return ticket;
  });
}

/** A comment on an open ticket: staff (internal or public), the reporter and the tutor (public). */
export async function addTicketComment(services: Services, viewer: Viewer, input: { ticketId: string; body: string; internal?: boolean | null }): Promise<Ticket> {
  const ticketId = parseId(input.ticketId, 'ticketId');
  const body = requiredText(input.body, 'body');
  const internal = input.internal ?? false;
  return inTransaction(emOf(services), async (tx) => {
    const { ticket } = await lockTicketFor(tx.em, services.config, viewer, ticketId, internal ? 'commentInternal' : 'comment');
    recordChange(tx, ticket, { actor: viewer, action: 'COMMENTED', comment: body, internal, kind: TicketEventKind.COMMENTED });
    if (!internal) await announcements.commented(tx, ticket, viewer.id, body);
    return ticket;
  });
}

/**
 * A timer whose ticket is gone or has moved on (CONFLICT) has nothing to do; any other error
 * (the database, a bug) is rethrown so the job is retried and the failure seen.
 */
function noLongerDue(error: unknown): { ticket: null; to: null } {
  const code = errorCodeOf(error);
  if (code === 'CONFLICT' || code === 'NOT_FOUND') return { ticket: null, to: null };
  throw error;
}

/** Timer: a RESOLVED ticket whose window has passed closes itself. No-op when no longer due. */
export async function autoCloseTicket(services: Services, ticketId: string, now = new Date()): Promise<boolean> {
  return inTransaction(emOf(services), async (tx) => {
    const { ticket, to } = await lockTicketFor(tx.em, services.config, null, ticketId, 'autoClose').catch(noLongerDue);
    if (!ticket || !to || !ticket.autoCloseAt || ticket.autoCloseAt > now) return false;
    recordChange(tx, ticket, { actor: null, action: 'AUTO_CLOSED', comment: 'Closed automatically: nobody escalated within the window', to, kind: TicketEventKind.STATUS_CHANGED });
    await closeTicket(tx, ticket, null);
    return true;
  });
}

/** Timer: an ONGOING ticket nobody resolved by its resolutionDueAt escalates itself. */
export async function autoEscalateTicket(services: Services, ticketId: string, now = new Date()): Promise<boolean> {
  return inTransaction(emOf(services), async (tx) => {
    const { ticket, to } = await lockTicketFor(tx.em, services.config, null, ticketId, 'autoEscalate').catch(noLongerDue);
    if (!ticket || !to || !ticket.resolutionDueAt || ticket.resolutionDueAt > now) return false;
    await escalate(tx, ticket, null, to, 'AUTO_ESCALATED', 'Escalated automatically: not resolved by its due time');
    return true;
  });
}
