import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueue } from '../jobs/queue';

/** graphile-worker task names of the ticket timers. */
export const AUTO_CLOSE_TASK = 'tickets:autoClose';
export const AUTO_ESCALATE_TASK = 'tickets:autoEscalate';
export const TIMER_SWEEP_TASK = 'tickets:sweepTimers';

/** One pending job per ticket and timer: a new schedule replaces the old one. */
const jobKeys = {
  autoClose: (ticketId: string) => `close:${ticketId}`,
  autoEscalate: (ticketId: string) => `escalate:${ticketId}`,
};

/** The per-ticket timer jobs, the only place that knows their tasks and keys. */
export function ticketTimerJobs(jobs: JobQueue) {
  return {
    /** A new ONGOING ticket escalates itself at its resolutionDueAt. */
    async scheduleAutoEscalate(em: EntityManager, ticket: { id: string; resolutionDueAt?: Date | null }) {
      if (!ticket.resolutionDueAt) return;
      await jobs.add(em, AUTO_ESCALATE_TASK, { ticketId: ticket.id }, { runAt: ticket.resolutionDueAt, jobKey: jobKeys.autoEscalate(ticket.id) });
    },
    /** A RESOLVED ticket no longer escalates itself; it closes itself at its autoCloseAt. */
    async scheduleAutoClose(em: EntityManager, ticket: { id: string; autoCloseAt?: Date | null }) {
      await jobs.remove(em, jobKeys.autoEscalate(ticket.id));
      if (ticket.autoCloseAt) await jobs.add(em, AUTO_CLOSE_TASK, { ticketId: ticket.id }, { runAt: ticket.autoCloseAt, jobKey: jobKeys.autoClose(ticket.id) });
    },
    /** ESCALATED or CLOSED: no timer applies any more. */
    async cancelAll(em: EntityManager, ticketId: string) {
      await jobs.remove(em, jobKeys.autoClose(ticketId));
      await jobs.remove(em, jobKeys.autoEscalate(ticketId));
    },
  };
}

export type TicketTimerJobs = ReturnType<typeof ticketTimerJobs>;
