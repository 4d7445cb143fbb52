import type { Task } from 'graphile-worker';
import { AUTO_CLOSE_TASK, AUTO_ESCALATE_TASK, TIMER_SWEEP_TASK } from './timer-jobs';
import type { TicketService } from './tickets.service';

const ticketIdOf = (payload: unknown) => String((payload as { ticketId?: unknown })?.ticketId ?? '');

/** The durable jobs: one per ticket at its due time, plus a sweep every minute as a safety net. */
export function ticketTimerTasks(tickets: TicketService): Record<string, Task> {
  return {
    [AUTO_CLOSE_TASK]: async (payload) => {
      await tickets.autoClose(ticketIdOf(payload));
    },
    [AUTO_ESCALATE_TASK]: async (payload) => {
      await tickets.autoEscalate(ticketIdOf(payload));
    },
    [TIMER_SWEEP_TASK]: async () => {
      await tickets.sweepTimers();
    },
  };
}

export const TICKET_CRONTAB = `* * * * * ${TIMER_SWEEP_TASK}`;
