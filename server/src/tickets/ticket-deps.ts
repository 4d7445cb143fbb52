import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { TicketTimerJobs } from './timer-jobs';

/** The settings the ticket service reads. */
export type TicketConfig = Pick<Config, 'autoCloseAfterMs' | 'contestWindowMs' | 'coordinatorsDecideEscalations' | 'firstResponseDueAfterMs' | 'resolutionDueAfterMs' | 'escalationDueAfterMs'>;

/** What the ticket service's parts use: the root entity manager (each change forks its own transaction), settings, timers. */
export interface TicketDeps {
  em: EntityManager;
  config: TicketConfig;
  timers: TicketTimerJobs;
}
