import type { MikroORM } from '@mikro-orm/postgresql';
import type { Runner } from 'graphile-worker';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/tokens';
import { type Config, resolveJwtSecret } from './config';
import { CRONTAB, buildTaskList } from './jobs/tasks';
import { startWorker } from './jobs/worker';
import { type Notifier, createNotifier } from './notifications/notifier';
import { PresenceHub } from './desk/presence/presence.hub';
import { type Realtime, createRealtime } from './realtime/realtime.service';

/** Everything long-lived the resolvers and workers need, built once at boot. */
export interface Services {
  config: Config;
  orm: MikroORM;
  tokens: TokenService;
  auth: AuthService;
  /** Live updates: the LISTEN connection, the subscribers' hub, the open WebSockets. */
  realtime: Realtime;
  /** Email and Telegram delivery; the Telegram bot. */
  notifier: Notifier;
  /** Who has which ticket open (desk/presence). */
  presence: PresenceHub;
  /** Starts background work: the job worker (when RUN_WORKER), listeners. */
  start(): Promise<void>;
  /** Stops everything start() began. */
  close(): Promise<void>;
}

export function createServices(config: Config, orm: MikroORM): Services {
  const tokens = new TokenService(resolveJwtSecret(config), config.jwtTtlSeconds);
  let worker: Runner | undefined;
  const presence = new PresenceHub(orm, config.presenceTtlMs);
  const services: Services = {
    config,
    orm,
    tokens,
    auth: new AuthService(tokens),
    realtime: createRealtime(orm, { onPresence: (keys) => presence.changed(keys) }),
    presence,
    notifier: createNotifier(config),
    async start() {
      await services.realtime.start();
      presence.start();
      if (config.runWorker) worker = await startWorker(orm.config.get('clientUrl')!, buildTaskList(services), CRONTAB);
      // Telegram allows one long-polling client per bot: the instance that runs the worker polls.
      services.notifier.start(services, { polling: config.runWorker });
    },
    async close() {
      await worker?.stop();
      worker = undefined;
      await services.notifier.close();
      await presence.stop();
      await services.realtime.close();
    },
  };
  return services;
}
