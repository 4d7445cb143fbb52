import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import type { Config } from '../config';
import { SLA_BREACH_CRONTAB, slaBreachTasks } from '../desk/sla-breaches';
import { type Notifier, notificationTasks } from '../notifications/notifier';
import { TICKET_CRONTAB, ticketTimerTasks } from '../tickets/timers';
import type { TicketService } from '../tickets/tickets.service';
import { satisfactionTasks } from '../satisfaction/tasks';
import { webhookTasks } from '../webhooks/tasks';

/**
 * Every background task, by name. Each feature owns its tasks; add them here.
 * Crontab lines (graphile-worker syntax) go in CRONTAB.
 */
export function buildTaskList(deps: { em: EntityManager; config: Config; notifier: Notifier; tickets: TicketService }): TaskList {
  return { ...ticketTimerTasks(deps.tickets), ...notificationTasks(deps), ...webhookTasks(deps), ...satisfactionTasks(deps), ...slaBreachTasks(deps.em) };
}

export const CRONTAB = [TICKET_CRONTAB, SLA_BREACH_CRONTAB].join('\n');
