import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../graphql/context';
import { jobQueue } from '../jobs/queue';
import type { TicketDeps } from '../tickets/ticket-deps';
import { ticketTimerJobs } from '../tickets/timer-jobs';

/** What the desk's ticket changes (split, merge) need, from a request. */
export const ticketDepsOf = (ctx: Context): TicketDeps => ({
  em: ctx.services.orm.em as EntityManager,
  config: ctx.services.config,
  timers: ticketTimerJobs(jobQueue),
});
