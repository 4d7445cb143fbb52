import type { TaskList } from 'graphile-worker';
import type { Services } from '../services';

/**
 * Every background task, by name. Each feature owns its tasks; add them here.
 * Crontab lines (graphile-worker syntax) go in CRONTAB.
 */
export function buildTaskList(_services: Services): TaskList {
  return {};
}

export const CRONTAB = '';
