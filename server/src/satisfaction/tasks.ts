import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import type { Config } from '../config';
import { ASK_TASK } from './listeners';
import { askForRating } from './satisfaction.service';

/** The background task of satisfaction (listed in app/tasks.ts). */
export function satisfactionTasks(deps: { em: EntityManager; config: Config }): TaskList {
  return {
    [ASK_TASK]: async (payload) => {
      const { ticketId } = payload as { ticketId?: unknown };
      if (typeof ticketId !== 'string') throw new Error(`${ASK_TASK}: payload has no ticketId`);
      await askForRating(deps.em, deps.config, ticketId);
    },
  };
}
