import type { TaskList } from 'graphile-worker';
import { notificationTasks } from '../notifications/notifier';
import type { Services } from '../services';
import { TICKET_CRONTAB, ticketTimerTasks } from '../tickets/timers';
import { webhookTasks } from '../webhooks/tasks';
import { satisfactionTasks } from '../satisfaction/tasks';

/**
 * Every background task, by name. Each feature owns its tasks; add them here.
 * Crontab lines (graphile-worker syntax) go in CRONTAB.
 */
export function buildTaskList(services: Services): TaskList {
  return { ...ticketTimerTasks(services), ...notificationTasks(services), ...webhookTasks(services), ...satisfactionTasks(services) };
}

export const CRONTAB = [TICKET_CRONTAB].join('\n');
