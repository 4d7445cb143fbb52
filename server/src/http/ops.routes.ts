import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Services } from '../graphql/context';
import { loggerFor } from '../observability/logger';
import { registry } from '../observability/metrics';

const log = loggerFor('http');

/** Whether this instance should get traffic; main.ts flips `draining` on SIGTERM/SIGINT. */
export class Readiness {
  draining = false;
  private migrated = false;

  constructor(private readonly services: Services) {}

  /** Null when ready, else why not (in plain words, for the operator reading /readyz). */
  async notReadyBecause(): Promise<string | null> {
    if (this.draining) return 'draining: this instance is shutting down';
    if (!this.services.realtime.listener.isConnected) return 'not listening for live events yet';
    if (!this.migrated) {
      const pending = await this.services.orm.getMigrator().getPendingMigrations();
      if (pending.length) return `waiting for ${pending.length} database migration(s)`;
      this.migrated = true;
    }
    return null;
  }
}

const sha = (text: string) => createHash('sha256').update(text).digest();

/** GET /readyz and GET /metrics (bearer METRICS_TOKEN when it is set). */
export function opsRoutes(services: Services, readiness: Readiness): Router {
  const router = Router();
  router.get('/readyz', async (_req, res) => {
    const reason = await readiness.notReadyBecause().catch(() => 'the database does not answer');
    res.setHeader('Cache-Control', 'no-store');
    if (reason) res.status(503).json({ status: 'not ready', reason });
    else res.json({ status: 'ready' });
  });
  const token = services.config.metricsToken;
  router.get('/metrics', async (req, res) => {
    if (token) {
      const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      // Hashes have equal length, so the comparison takes the same time whatever was sent.
      if (!timingSafeEqual(sha(given), sha(token))) {
        res.status(401).setHeader('WWW-Authenticate', 'Bearer').type('text').send('A valid metrics token is required\n');
        return;
      }
    }
    try {
      res.type(registry.contentType).send(await registry.metrics());
    } catch (error) {
      log.error({ err: error }, 'metrics collection failed');
      res.status(500).type('text').send('Metrics could not be collected\n');
    }
  });
  return router;
}
