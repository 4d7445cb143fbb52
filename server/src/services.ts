import type { MikroORM } from '@mikro-orm/postgresql';
import type { Runner } from 'graphile-worker';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/tokens';
import { type Config, resolveJwtSecret } from './config';
import { CRONTAB, buildTaskList } from './jobs/tasks';
import { startWorker } from './jobs/worker';

/** Everything long-lived the resolvers and workers need, built once at boot. */
export interface Services {
  config: Config;
  orm: MikroORM;
  tokens: TokenService;
  auth: AuthService;
  /** Starts background work: the job worker (when RUN_WORKER), listeners. */
  start(): Promise<void>;
  /** Stops everything start() began. */
  close(): Promise<void>;
}

export function createServices(config: Config, orm: MikroORM): Services {
  const tokens = new TokenService(resolveJwtSecret(config), config.jwtTtlSeconds);
  let worker: Runner | undefined;
  const services: Services = {
    config,
    orm,
    tokens,
    auth: new AuthService(tokens),
    async start() {
      if (config.runWorker) worker = await startWorker(orm.config.get('clientUrl')!, buildTaskList(services), CRONTAB);
    },
    async close() {
      await worker?.stop();
      worker = undefined;
    },
  };
  return services;
}
