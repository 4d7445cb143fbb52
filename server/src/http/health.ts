import type { RequestHandler } from 'express';
import type { Services } from '../graphql/context';

/** 200 once the database answers and every committed migration is applied; 503 otherwise. */
export function healthHandler(services: Services): RequestHandler {
  return async (_req, res) => {
    try {
      await services.orm.em.getConnection().execute('select 1');
      const pending = await services.orm.getMigrator().getPendingMigrations();
      if (pending.length) {
        res.status(503).json({ status: 'migrating', pending: pending.length });
        return;
      }
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  };
}
