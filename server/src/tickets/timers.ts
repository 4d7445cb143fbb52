import type { EntityManager } from '@mikro-orm/postgresql';
import type { Task } from 'graphile-worker';
import { notifySlaBreaches } from '../desk/sla-breaches';
import type { Services } from '../services';
import { autoCloseTicket, autoEscalateTicket } from './lifecycle';
import { TicketStatus } from './enums';
import { Ticket } from './ticket.entity';
import { AUTO_CLOSE_TASK, AUTO_ESCALATE_TASK, TIMER_SWEEP_TASK } from './timer-names';

const ticketIdOf = (payload: unknown) => String((payload as { ticketId?: unknown })?.ticketId ?? '');

/**
 * Runs every due timer as of `now`: RESOLVED tickets past their window close, ONGOING tickets
 * past their due time escalate. Each is logged as a system action. Tests pass their own `now`.
 */
export async function runDueTimers(services: Services, now = new Date()): Promise<{ closed: number; escalated: number }> {
  const em = services.orm.em.fork() as EntityManager;
  const dueToClose = await em.find(Ticket, { status: TicketStatus.RESOLVED, autoCloseAt: { $lte: now } }, { fields: ['id'] });
  const dueToEscalate = await em.find(Ticket, { status: TicketStatus.ONGOING, resolutionDueAt: { $lte: now } }, { fields: ['id'] });
  let closed = 0;
  let escalated = 0;
  for (const { id } of dueToClose) if (await autoCloseTicket(services, id, now)) closed += 1;
  for (const { id } of dueToEscalate) if (await autoEscalateTicket(services, id, now)) escalated += 1;
  return { closed, escalated };
}

/** The durable jobs: one per ticket at its due time, plus a sweep every minute as a safety net. */
export function ticketTimerTasks(services: Services): Record<string, Task> {
  return {
    [AUTO_CLOSE_TASK]: async (payload) => {
      await autoCloseTicket(services, ticketIdOf(payload));
    },
    [AUTO_ESCALATE_TASK]: async (payload) => {
      await autoEscalateTicket(services, ticketIdOf(payload));
    },
    [TIMER_SWEEP_TASK]: async () => {
      await runDueTimers(services);
      await notifySlaBreaches(services);
    },
  };
}

export const TICKET_CRONTAB = `* * * * * ${TIMER_SWEEP_TASK}`;
