import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Runner } from 'graphile-worker';
import type { Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import { AuthService } from '../auth/auth.service';
import { registerListeners } from './listeners';
import { CREDENTIAL_CACHE_MS } from '../auth/credential-state';
import { RateLimits } from '../auth/rate-limits';
import { TokenService } from '../auth/tokens';
import { type Config, resolveJwtSecret } from '../config';
import { jobQueue } from '../jobs/queue';
import { CRONTAB, buildTaskList } from './tasks';
import { startWorker } from '../jobs/runner';
import { LiveConnections } from '../http/live-connections';
import { NOTIFICATIONS_TOPIC, NotificationFeed } from '../notifications/notification-feed';
import { type Notifier, createNotifier } from '../notifications/notifier';
import { PRESENCE_TOPIC, PresenceHub } from '../desk/presence/presence.hub';
import { type Realtime, createRealtime } from '../realtime/realtime.service';
import { TICKET_EVENTS_TOPIC } from '../tickets/event-log';
import { TicketFeed } from '../tickets/ticket-feed';
import { type TicketService, createTicketService } from '../tickets/tickets.service';
import { ticketTimerJobs } from '../tickets/timer-jobs';
import { type DeskService, createDeskService } from '../desk/desk.service';
import { evidenceRoutes } from '../evidence/upload.routes';
import { rateRoutes } from '../satisfaction/rate.routes';
import { createLoaders } from './loaders';
import { getSchema } from './schema';

/**
 * How often open WebSocket connections are checked for closed accounts and revoked tokens or keys
 * (revocations made on this instance close them at once).
 */
const ACCOUNT_RECHECK_MS = CREDENTIAL_CACHE_MS;

/**
 * Everything long-lived the resolvers and workers need, built once at boot; resolvers see it as
 * `ctx.services` (graphql/context.ts, completed by app/context.ts).
 */
export interface AppServices {
  config: Config;
  orm: MikroORM;
  tokens: TokenService;
  auth: AuthService;
  /** Abuse limits shared by every instance (PostgreSQL). */
  limits: RateLimits;
  /** Pub/sub over LISTEN/NOTIFY: the listening connection and the hub the feeds below register on. */
  realtime: Realtime;
  /** `ticketChanged` subscribers of this instance. */
  ticketFeed: TicketFeed;
  /** `notificationAdded` subscribers of this instance. */
  notificationFeed: NotificationFeed;
  /** The open WebSocket connections of this instance. */
  liveConnections: LiveConnections;
  /** Email and Telegram delivery; the Telegram bot. */
  notifier: Notifier;
  /** Every change to a ticket, and the ticket timers. */
  tickets: TicketService;
  /** Merge and split (desk/). */
  desk: DeskService;
  /** Who has which ticket open (desk/presence). */
  presence: PresenceHub;
  /** Every feature's DataLoaders for one request (app/loaders.ts). */
  createLoaders: typeof createLoaders;
  /** The GraphQL schema of every feature's resolvers (app/schema.ts). */
  schema(): Promise<GraphQLSchema>;
  /** The features' own HTTP routes beside /graphql (uploads, rating links). */
  httpRoutes(): Router[];
  /**
   * Starts what this process does: `serve` (live updates for the HTTP server's clients) and
   * `work` (the job worker and the Telegram bot). Default: serve, and work when RUN_WORKER.
   */
  start(roles?: { serve: boolean; work: boolean }): Promise<void>;
  /** Stops everything start() began. */
  close(): Promise<void>;
}

export type Services = AppServices;

export function createServices(config: Config, orm: MikroORM): Services {
  registerListeners();
  const tokens = new TokenService(resolveJwtSecret(config), config.jwtTtlSeconds);
  let worker: Runner | undefined;
  const em = orm.em as EntityManager;
  const tickets = createTicketService({ em, config, jobs: jobQueue });
  const realtime = createRealtime(orm.config.get('clientUrl')!);
  const limits = new RateLimits(orm, {
    reportIssue: { points: config.reportIssueLimit, duration: 3600 },
    webSocketConnections: { points: config.webSocketConnectionsPerMinute, duration: 60 },
  });
  const auth = new AuthService(tokens, orm, limits);
  const liveConnections = new LiveConnections();
  // Sockets of a revoked token or key close at once here; other instances find them on their recheck.
  liveConnections.useCredentialCheck((viewers) => auth.state.invalid(viewers));
  auth.onRevoked((match) => liveConnections.closeMatching(match));
  const services: Services = {
    config,
    orm,
    tokens,
    auth,
    limits,
    realtime,
    ticketFeed: realtime.hub.register(TICKET_EVENTS_TOPIC, new TicketFeed(orm)),
    notificationFeed: realtime.hub.register(NOTIFICATIONS_TOPIC, new NotificationFeed(orm)),
    liveConnections,
    presence: realtime.hub.register(PRESENCE_TOPIC, new PresenceHub(orm, config.presenceTtlMs)),
    notifier: createNotifier(config),
    tickets,
    desk: createDeskService({ em, config, timers: ticketTimerJobs(jobQueue) }),
    createLoaders,
    schema: getSchema,
    httpRoutes: () => [evidenceRoutes(services), rateRoutes(services)],
    async start(roles = { serve: true, work: config.runWorker }) {
      if (roles.serve) {
        await services.realtime.start();
        services.liveConnections.startRechecking(ACCOUNT_RECHECK_MS);
        services.presence.start();
      }
      if (roles.work) worker = await startWorker(orm.config.get('clientUrl')!, buildTaskList({ em, config, notifier: services.notifier, tickets }), CRONTAB);
      // Telegram allows one long-polling client per bot: the worker process polls.
      services.notifier.start({ em, tickets }, { polling: roles.work });
    },
    async close() {
      await worker?.stop();
      worker = undefined;
      await services.notifier.close();
      services.liveConnections.stop();
      await services.presence.stop();
      await services.realtime.close();
    },
  };
  return services;
}
