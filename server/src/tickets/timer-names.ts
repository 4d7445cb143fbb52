/** graphile-worker task names of the ticket timers. */
export const AUTO_CLOSE_TASK = 'tickets:autoClose';
export const AUTO_ESCALATE_TASK = 'tickets:autoEscalate';
export const TIMER_SWEEP_TASK = 'tickets:sweepTimers';
