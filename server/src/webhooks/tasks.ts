import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import type { Config } from '../config';
import { drainWebhookDeliveries, fanOutWebhookEvent } from './delivery';
import { DRAIN_TASK, FAN_OUT_TASK } from './events';

const text = (payload: unknown, key: string, task: string): string => {
  const value = (payload as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'string') throw new Error(`${task}: payload has no ${key}`);
  return value;
};

/** The background tasks of webhooks (listed in app/tasks.ts). */
export function webhookTasks(deps: { em: EntityManager; config: Config }): TaskList {
  return {
    [FAN_OUT_TASK]: async (payload) => {
      await fanOutWebhookEvent(deps.em, text(payload, 'eventId', FAN_OUT_TASK));
    },
    [DRAIN_TASK]: async (payload) => {
      await drainWebhookDeliveries(deps.config, deps.em, text(payload, 'endpointId', DRAIN_TASK), text(payload, 'orderKey', DRAIN_TASK));
    },
  };
}
