import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Runner } from 'graphile-worker';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/tokens';
import { type Config, resolveJwtSecret } from './config';
import { jobQueue } from './jobs/queue';
import { CRONTAB, buildTaskList } from './jobs/tasks';
import { startWorker } from './jobs/worker';
import { type Notifier, createNotifier } from './notifications/notifier';
import { PresenceHub } from './desk/presence/presence.hub';
import { type Realtime, createRealtime } from './realtime/realtime.service';
import { type TicketService, createTicketService } from './tickets/tickets.service';

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
  /** Every change to a ticket, and the ticket timers. */
  tickets: TicketService;
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
  const em = orm.em as EntityManager;
  const tickets = createTicketService({ em, config, jobs: jobQueue });
  const presence = new PresenceHub(orm, config.presenceTtlMs);
  const services: Services = {
    config,
    orm,
    tokens,
    auth: new AuthService(tokens),
    realtime: createRealtime(orm, { onPresence: (keys) => presence.changed(keys) }),
    presence,
    notifier: createNotifier(config),
    tickets,
    async start() {
      await services.realtime.start();
      presence.start();
      if (config.runWorker) worker = await startWorker(orm.config.get('clientUrl')!, buildTaskList({ em, config, notifier: services.notifier, tickets }), CRONTAB);
      // Telegram allows one long-polling client per bot: the instance that runs the worker polls.
      services.notifier.start({ em, tickets }, { polling: config.runWorker });
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
