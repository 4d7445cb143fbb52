import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../db/raw-sql';
import { inTransaction } from '../db/transaction';
import { slaStateSql } from '../tickets/sla';
import { SlaState } from '../tickets/sla';
import { errorCodeOf } from '../errors';
import type { JobQueue } from '../jobs/queue';
import { TicketStatus } from '../tickets/enums';
import { Ticket } from '../tickets/ticket.entity';
import { ticketFilterPredicate } from '../tickets/ticket-filter';
import { toTicketFilterSpec } from '../tickets/ticket-filter.input';
import type { TicketFilter } from '../tickets/ticket-filter.input';
import type { TicketService } from '../tickets/tickets.service';
import { perform } from './actions';
import { POLICY_ACTOR, loadPolicy, pickAssignee, tellStaffNobodyFree } from './assignment';
import { Automation } from './automation.entity';
import { AssignmentMode, AutomationTrigger as T } from './enums';
import { factsHold, factsOf } from './facts';
import { NO_TUTOR_REPLY_TASK, noReplyJobKey } from './job-names';

const HOUR = 3_600_000;
/** A run that was already recorded (another job, or a rerun): nothing to do. */
class AlreadyRan extends Error {}

export type RunResult = 'skipped' | 'ok' | 'failed';

/** Whether the ticket meets the automation's condition now: the board's filter (the one rule, in memory) and every fact. */
export async function conditionHolds(em: EntityManager, automation: Pick<Automation, 'filter' | 'facts'>, ticket: Ticket, now = new Date()): Promise<boolean> {
  if (!ticketFilterPredicate(toTicketFilterSpec(automation.filter as TicketFilter | null))(ticket)) return false;
  return !automation.facts.length || factsHold(automation.facts, await factsOf(em, ticket, now, new Set(automation.facts.map((f) => f.fact))));
}

/** Runs automations: the job handlers call these; tests call them with their own clock. */
export function createAutomationEngine(deps: { em: EntityManager; tickets: TicketService; jobs: JobQueue }) {
  const { em: rootEm, tickets, jobs } = deps;
  const active = (trigger: T) => rootEm.fork().find(Automation, { active: true, trigger }, { orderBy: { createdAt: 'asc', id: 'asc' } });

  /** One automation on one ticket: once (the unique run row), all its actions or none (a refusal is a failed run with its code). */
  async function runOne(automation: Automation, ticketId: string, trigger: T, now = new Date()): Promise<RunResult> {
    const em = rootEm.fork();
    const ticket = await em.findOne(Ticket, { id: ticketId });
    if (!ticket || !(await conditionHolds(em, automation, ticket, now))) return 'skipped';
    const insertRun = (tx: { em: EntityManager }, ok: boolean, code: string | null, message: string | null) => run(tx.em,
      `insert into automation_runs (id, automation_id, ticket_id, trigger, at, ok, code, message) values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?)
       on conflict (automation_id, ticket_id) do nothing returning id`, [automation.id, ticketId, trigger, now, ok, code, message]);
    const as = { viewer: null, automation: { id: automation.id, name: automation.name } };
    try {
      await inTransaction(rootEm, async (tx) => {
        if (!(await insertRun(tx, true, null, null)).length) throw new AlreadyRan();
        const locked = await tx.em.findOneOrFail(Ticket, { id: ticketId });
        for (const action of automation.actions) await perform(tx, tickets, as, locked, action);
      });
      return 'ok';
    } catch (error) {
      if (error instanceof AlreadyRan) return 'skipped';
      const code = errorCodeOf(error);
      if (!code) throw error;
      // The lifecycle (or a check) refused: nothing changed; the failed run says why, once.
      await inTransaction(rootEm, (tx) => insertRun(tx, false, code, (error as Error).message));
      return 'failed';
    }
  }

  /** A new ticket: the assignment policy first (not MANUAL), then the NO_TUTOR_REPLY timers. */
  async function onCreated(ticketId: string) {
    const { mode } = await loadPolicy(rootEm.fork());
    if (mode !== AssignmentMode.MANUAL) await inTransaction(rootEm, async (tx) => {
      const ticket = await tx.em.findOne(Ticket, { id: ticketId });
      if (!ticket || ticket.assignee || ticket.status === TicketStatus.CLOSED) return;
      const { assigneeId, reason } = await pickAssignee(tx);
      if (assigneeId) await tickets.within.assign(tx, { viewer: null, automation: POLICY_ACTOR }, { ticketId, assigneeId });
      else if (reason === 'full') await tellStaffNobodyFree(tx, ticket);
    });
    const waiting = await active(T.NO_TUTOR_REPLY);
    if (!waiting.length) return;
    await inTransaction(rootEm, async (tx) => {
      const ticket = await tx.em.findOne(Ticket, { id: ticketId });
      if (!ticket?.tutor) return;
      for (const automation of waiting) {
        const runAt = new Date(ticket.createdAt.getTime() + (automation.afterHours ?? 1) * HOUR);
        await jobs.add(tx.em, NO_TUTOR_REPLY_TASK, { ticketId, automationId: automation.id }, { runAt, jobKey: noReplyJobKey(automation.id, ticketId) });
      }
    });
  }

  const engine = {
    runOne,

    /** Every active automation of `trigger` on the ticket, in the order they were made. */
    async handle(ticketId: string, trigger: T, now = new Date()): Promise<RunResult[]> {
      if (trigger === T.TICKET_CREATED) await onCreated(ticketId);
      const results: RunResult[] = [];
      for (const automation of await active(trigger)) results.push(await runOne(automation, ticketId, trigger, now));
      return results;
    },

    /** NO_TUTOR_REPLY for one ticket: due, still open, and nothing from the tutor since the report. */
    async noTutorReply(ticketId: string, automationId: string, now = new Date()): Promise<RunResult> {
      const em = rootEm.fork();
      const automation = await em.findOne(Automation, { id: automationId, active: true, trigger: T.NO_TUTOR_REPLY });
      const ticket = await em.findOne(Ticket, { id: ticketId });
      if (!automation || !ticket?.tutor || ticket.status === TicketStatus.CLOSED) return 'skipped';
      if (ticket.createdAt.getTime() + (automation.afterHours ?? 1) * HOUR > now.getTime()) return 'skipped';
      const [replied] = await run(em, 'select 1 from issue_logs where ticket_id = ? and actor_id = ? limit 1', [ticketId, ticket.tutor.id]);
      return replied ? 'skipped' : runOne(automation, ticketId, T.NO_TUTOR_REPLY, now);
    },

    /**
     * The per-minute sweep: SLA_AT_RISK and SLA_BREACHED (the desk's SLA rule, desk/sla.ts) and any
     * NO_TUTOR_REPLY a job missed (an automation made after the ticket), on open tickets not yet run.
     */
    async sweep(now = new Date()): Promise<number> {
      const em = rootEm.fork();
      let ran = 0;
      const state = slaStateSql('t', now);
      for (const [trigger, sla] of [[T.SLA_AT_RISK, SlaState.AT_RISK], [T.SLA_BREACHED, SlaState.BREACHED]] as const) {
        for (const automation of await active(trigger)) {
          const due: Array<{ id: string }> = await run(em, `select t.id from tickets t where t.status <> ? and ${state.sql} = ?
            and not exists (select 1 from automation_runs r where r.automation_id = ? and r.ticket_id = t.id) order by t.created_at limit 500`,
          [TicketStatus.CLOSED, ...state.params, sla, automation.id]);
          for (const { id } of due) if ((await runOne(automation, id, trigger, now)) !== 'skipped') ran += 1;
        }
      }
      for (const automation of await active(T.NO_TUTOR_REPLY)) {
        const due: Array<{ id: string }> = await run(em, `select t.id from tickets t where t.status <> ? and t.tutor_id is not null and t.created_at <= ?
          and not exists (select 1 from issue_logs l where l.ticket_id = t.id and l.actor_id = t.tutor_id)
          and not exists (select 1 from automation_runs r where r.automation_id = ? and r.ticket_id = t.id) order by t.created_at limit 500`,
        [TicketStatus.CLOSED, new Date(now.getTime() - (automation.afterHours ?? 1) * HOUR), automation.id]);
        for (const { id } of due) if ((await runOne(automation, id, T.NO_TUTOR_REPLY, now)) !== 'skipped') ran += 1;
      }
      return ran;
    },
  };
  return engine;
}

export type AutomationEngine = ReturnType<typeof createAutomationEngine>;
