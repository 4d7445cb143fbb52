import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import type { Services } from '../services';
import { ASK_TASK, askForRating } from './satisfaction.service';

/** The background task of satisfaction (see jobs/tasks.ts). */
export function satisfactionTasks(services: Services): TaskList {
  return {
    [ASK_TASK]: async (payload) => {
      const { ticketId } = payload as { ticketId?: unknown };
      if (typeof ticketId !== 'string') throw new Error(`${ASK_TASK}: payload has no ticketId`);
      await askForRating(services.orm.em as EntityManager, services.config, ticketId);
    },
  };
}
