import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { type MoneyMoved, applyPlan } from '../billing/adjustments';
import { releasePayoutsWithoutOpenTickets } from '../billing/payouts';
import { recordAudit } from '../audit/audit';
import { type Tx, inTransaction } from '../db/transaction';
import { badInput, errorCodeOf } from '../errors';
import type { JobQueue } from '../jobs/queue';
import { TicketEventKind, TicketStatus } from './enums';
import { recordChange } from './history';
import { type ReportRequest, reportIssue } from './report';
import { type ResolveRequest, checkResolution } from './resolution';
import { type ResolutionPreview, previewOf } from './resolution-preview';
import { requiredText } from './text';
import { lockTicketFor } from './ticket-access';
import type { TicketConfig, TicketDeps } from './ticket-deps';
import { Ticket, TicketSession } from './ticket.entity';
import { ticketChanges } from './ticket-changes';
import { ticketTimerJobs } from './timer-jobs';

/** Every change to a ticket, and the timers'. Ids are already parsed; refusals are domain errors. */
export function createTicketService(options: { em: EntityManager; config: TicketConfig; jobs: JobQueue }) {
  const deps: TicketDeps = { em: options.em, config: options.config, timers: ticketTimerJobs(options.jobs) };
  const { em: rootEm, config, timers } = deps;

  async function escalate(tx: Tx, ticket: Ticket, actor: Viewer | null, to: TicketStatus, action: string, comment: string) {
    ticket.autoCloseAt = null;
    await recordChange(tx, ticket, { actor, action, comment, to, kind: TicketEventKind.STATUS_CHANGED });
    await tx.em.flush();
    await timers.cancelAll(tx.em, ticket.id);
  }

  const service = {
    /** A new ticket (see report.ts). */
    report: (viewer: Viewer, request: ReportRequest): Promise<Ticket> => reportIssue(deps, viewer, request),

    /** ONGOING -> RESOLVED (tutor, coordinator, admin), or ESCALATED -> CLOSED (the final decision). */
    resolve(viewer: Viewer, request: ResolveRequest): Promise<Ticket> {
      return inTransaction(rootEm, async (tx) => {
        const { em } = tx;
        const { ticket, to, action, comment, plan } = await checkResolution(em, config, viewer, request, true);
        const money = await applyPlan(em, ticket, plan);
        await ticketChanges.raise(tx, { type: 'ticket.credited', ticket, money });
        const from = ticket.status;
        Object.assign(ticket, {
          resolutionOutcome: request.outcome ?? null,
          resolutionAction: action,
          resolutionComment: comment,
          resolvedBy: em.getReference(User, viewer.id),
          resolvedAt: new Date(),
          creditedMinor: ticket.creditedMinor + money.creditedDeltaMinor,
          currency: ticket.currency ?? money.currency,
        });
        if (from === TicketStatus.ONGOING) {
          ticket.autoCloseAt = new Date(Date.now() + config.autoCloseAfterMs);
          await recordChange(tx, ticket, { actor: viewer, action: 'RESOLVED', comment, to, kind: TicketEventKind.STATUS_CHANGED, money });
          await em.flush();
          await timers.scheduleAutoClose(em, ticket);
        } else {
          await recordChange(tx, ticket, { actor: viewer, action: 'DECIDED', comment, to, kind: TicketEventKind.STATUS_CHANGED, money });
          await recordAudit(em, { action: 'ticket.final_decision', actor: viewer, target: { type: 'Ticket', id: ticket.id }, change: { outcome: request.outcome ?? null, actionId: action?.id ?? null, creditedMinor: money.creditedDeltaMinor, comment } });
          await closeTicket(tx, timers, ticket, { comment, money });
        }
        return ticket;
      });
    },

    /** What resolve would move: the same checks and money plan, without the row lock, writing nothing. */
    async preview(viewer: Viewer, request: ResolveRequest): Promise<ResolutionPreview> {
      const { ticket, plan } = await checkResolution(rootEm.fork(), config, viewer, request, false);
      return previewOf(plan, ticket.currency);
    },

    /** RESOLVED -> CLOSED by the reporter. */
    accept(viewer: Viewer, input: { ticketId: string; comment?: string | null }): Promise<Ticket> {
      const comment = input.comment?.trim() || null;
      return inTransaction(rootEm, async (tx) => {
        const { ticket, to } = await lockTicketFor(tx.em, config, viewer, input.ticketId, 'accept');
        await recordChange(tx, ticket, { actor: viewer, action: 'ACCEPTED', comment, to, kind: TicketEventKind.STATUS_CHANGED });
        await closeTicket(tx, timers, ticket);
        return ticket;
      });
    },

    /** RESOLVED -> ESCALATED by the reporter; ONGOING -> ESCALATED by the tutor or a coordinator. */
    escalate(viewer: Viewer, input: { ticketId: string; comment: string }): Promise<Ticket> {
      return inTransaction(rootEm, async (tx) => {
        const { ticket, to } = await lockTicketFor(tx.em, config, viewer, input.ticketId, 'escalate');
        await escalate(tx, ticket, viewer, to, 'ESCALATED', requiredText(input.comment, 'comment'));
        return ticket;
      });
    },

    /** Staff assign an open ticket to a coordinator or admin, or unassign it (null). */
    assign(viewer: Viewer, input: { ticketId: string; assigneeId?: string | null; expectedVersion?: number | null }): Promise<Ticket> {
      const assigneeId = input.assigneeId ?? null;
      return inTransaction(rootEm, async (tx) => {
        const { em } = tx;
        const { ticket } = await lockTicketFor(em, config, viewer, input.ticketId, 'assign', input.expectedVersion);
        const assignee = assigneeId ? await em.findOne(User, { id: assigneeId, active: true }) : null;
        if (assigneeId && (!assignee || !isStaff(assignee.role))) throw badInput('assigneeId', 'Tickets are assigned to coordinators or admins');
        if ((ticket.assignee?.id ?? null) === assigneeId) return ticket;
        ticket.assignee = assignee;
        await recordChange(tx, ticket, {
          actor: viewer,
          action: assignee ? 'ASSIGNED' : 'UNASSIGNED',
          comment: assignee ? `Assigned to ${assignee.name}` : null,
          kind: TicketEventKind.ASSIGNED,
        });
        return ticket;
      });
    },

    /** A comment on an open ticket: staff (internal or public), the reporter and the tutor (public). */
    comment(viewer: Viewer, input: { ticketId: string; body: string; internal?: boolean | null }): Promise<Ticket> {
      const internal = input.internal ?? false;
      return inTransaction(rootEm, async (tx) => {
        const { ticket } = await lockTicketFor(tx.em, config, viewer, input.ticketId, internal ? 'commentInternal' : 'comment');
        const body = requiredText(input.body, 'body');
        await recordChange(tx, ticket, { actor: viewer, action: 'COMMENTED', comment: body, internal, kind: TicketEventKind.COMMENTED });
        return ticket;
      });
    },

    /** Timer: a RESOLVED ticket whose window has passed closes itself. False when no longer due. */
    autoClose(ticketId: string, now = new Date()): Promise<boolean> {
      return inTransaction(rootEm, async (tx) => {
        const { ticket, to } = await lockTicketFor(tx.em, config, null, ticketId, 'autoClose').catch(noLongerDue);
        if (!ticket || !to || !ticket.autoCloseAt || ticket.autoCloseAt > now) return false;
        await recordChange(tx, ticket, { actor: null, action: 'AUTO_CLOSED', comment: 'Closed automatically: nobody escalated within the window', to, kind: TicketEventKind.STATUS_CHANGED });
        await closeTicket(tx, timers, ticket);
        return true;
      });
    },

    /** Timer: an ONGOING ticket nobody resolved by its resolutionDueAt escalates itself. */
    autoEscalate(ticketId: string, now = new Date()): Promise<boolean> {
      return inTransaction(rootEm, async (tx) => {
        const { ticket, to } = await lockTicketFor(tx.em, config, null, ticketId, 'autoEscalate').catch(noLongerDue);
        if (!ticket || !to || !ticket.resolutionDueAt || ticket.resolutionDueAt > now) return false;
        await escalate(tx, ticket, null, to, 'AUTO_ESCALATED', 'Escalated automatically: not resolved by its due time');
        return true;
      });
    },

    /** Runs every timer due as of `now` (the sweep behind the per-ticket jobs; tests pass their own `now`). */
    async sweepTimers(now = new Date()): Promise<{ closed: number; escalated: number }> {
      const em = rootEm.fork();
      const dueToClose = await em.find(Ticket, { status: TicketStatus.RESOLVED, autoCloseAt: { $lte: now } }, { fields: ['id'] });
      const dueToEscalate = await em.find(Ticket, { status: TicketStatus.ONGOING, resolutionDueAt: { $lte: now } }, { fields: ['id'] });
      let closed = 0;
      let escalated = 0;
      for (const { id } of dueToClose) if (await service.autoClose(id, now)) closed += 1;
      for (const { id } of dueToEscalate) if (await service.autoEscalate(id, now)) escalated += 1;
      return { closed, escalated };
    },
  };
  return service;
}

export type TicketService = ReturnType<typeof createTicketService>;

/**
 * What closing does to a ticket that recordChange just moved to CLOSED, whatever closed it (here,
 * or a merge in desk/merge.ts): its sessions leave the open dispute, payouts without another open
 * ticket are released net of credits, its timers stop; then `ticket.closed` is raised (the tutor,
 * and the reporter of a `decision`, are told by its listeners).
 */
export async function closeTicket(tx: Tx, timers: TicketDeps['timers'], ticket: Ticket, decision: { comment: string; money: MoneyMoved } | null = null): Promise<void> {
  const { em } = tx;
  ticket.closedAt = new Date();
  ticket.autoCloseAt = null;
  await em.flush();
  await em.nativeUpdate(TicketSession, { ticket }, { open: false, openDispute: false });
  const sessionIds = (await em.find(TicketSession, { ticket }, { fields: ['session'] })).map((l) => l.session.id);
  const releasedPayoutIds = await releasePayoutsWithoutOpenTickets(em, sessionIds);
  await timers.cancelAll(em, ticket.id);
  await ticketChanges.raise(tx, { type: 'ticket.closed', ticket, decision, releasedPayoutIds });
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
