import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Runner } from 'graphile-worker';
import { AuthService } from './auth/auth.service';
import { CREDENTIAL_CACHE_MS } from './auth/credential-state';
import { RateLimits } from './auth/rate-limits';
import { TokenService } from './auth/tokens';
import { type Config, resolveJwtSecret } from './config';
import { jobQueue } from './jobs/queue';
import { CRONTAB, buildTaskList } from './jobs/tasks';
import { startWorker } from './jobs/worker';
import { type Notifier, createNotifier } from './notifications/notifier';
import { type Realtime, createRealtime } from './realtime/realtime.service';
import { type TicketService, createTicketService } from './tickets/tickets.service';

/** Everything long-lived the resolvers and workers need, built once at boot. */
export interface Services {
  config: Config;
  orm: MikroORM;
  tokens: TokenService;
  auth: AuthService;
  /** Abuse limits shared by every instance (PostgreSQL). */
  limits: RateLimits;
  /** Live updates: the LISTEN connection, the subscribers' hub, the open WebSockets. */
  realtime: Realtime;
  /** Email and Telegram delivery; the Telegram bot. */
  notifier: Notifier;
  /** Every change to a ticket, and the ticket timers. */
  tickets: TicketService;
  /**
   * Starts what this process does: `serve` (live updates for the HTTP server's clients) and
   * `work` (the job worker and the Telegram bot). Default: serve, and work when RUN_WORKER.
   */
  start(roles?: { serve: boolean; work: boolean }): Promise<void>;
  /** Stops everything start() began. */
  close(): Promise<void>;
}

export function createServices(config: Config, orm: MikroORM): Services {
  const tokens = new TokenService(resolveJwtSecret(config), config.jwtTtlSeconds);
  let worker: Runner | undefined;
  const limits = new RateLimits(orm, { reportIssue: { points: config.reportIssueLimit, duration: 3600 } });
  const auth = new AuthService(tokens, orm, limits);
  const realtime = createRealtime(orm, { accountRecheckMs: CREDENTIAL_CACHE_MS });
  // Sockets of a revoked token or key close at once here; other instances find them on their recheck.
  realtime.connections.useCredentialCheck((viewers) => auth.state.invalid(viewers));
  auth.onRevoked((match) => realtime.connections.closeMatching(match));
  const em = orm.em as EntityManager;
  const tickets = createTicketService({ em, config, jobs: jobQueue });
  const services: Services = {
    config,
    orm,
    tokens,
    auth,
    limits,
    realtime,
    notifier: createNotifier(config),
    tickets,
    async start(roles = { serve: true, work: config.runWorker }) {
      if (roles.serve) await services.realtime.start();
      if (roles.work) worker = await startWorker(orm.config.get('clientUrl')!, buildTaskList({ em, config, notifier: services.notifier, tickets }), CRONTAB);
      // Telegram allows one long-polling client per bot: the worker process polls.
      services.notifier.start({ em, tickets }, { polling: roles.work });
    },
    async close() {
      await worker?.stop();
      worker = undefined;
      await services.notifier.close();
      await services.realtime.close();
    },
  };
  return services;
}
