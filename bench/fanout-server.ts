/**
 * The server under test for bench/fanout.ts, in its own process so the clients' memory does not
 * count. It boots like server/src/main.ts and answers the bench over IPC: memory (after a full GC),
 * live subscriber count, a ticket to change, and a direct change when there is no mutation to call.
 */
import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { inTransaction } from '../server/src/db/transaction';
import { startHttpServer } from '../server/src/http/app';
import { seedIfEmpty } from '../server/src/seed/seed';
import { createServices } from '../server/src/services';
import { TicketEventKind } from '../server/src/tickets/enums';
import { recordTicketEvent } from '../server/src/tickets/event-log';

export type BenchRequest =
  | { type: 'memory' }
  | { type: 'subscribers' }
  | { type: 'ticket' }
  | { type: 'change'; ticketId: string }
  | { type: 'stop' };

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config, () => {});
  const services = createServices(config, db.orm);
  await seedIfEmpty(services);
  await services.start();
  const server = await startHttpServer(services, 0, '127.0.0.1');
  const em = () => services.orm.em.fork() as EntityManager;

  const answer = async (request: BenchRequest): Promise<unknown> => {
    switch (request.type) {
      case 'memory': {
        for (let i = 0; i < 3; i += 1) global.gc?.();
        const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
        return { rss, heapUsed, external, arrayBuffers };
      }
      case 'subscribers':
        return { subscribers: services.realtime.hub.subscriberCount, connections: services.liveConnections.size };
      case 'ticket': {
        const rows = await em().getConnection().execute("select id from tickets where status in ('ONGOING', 'RESOLVED', 'ESCALATED') order by created_at limit 1");
        return { ticketId: rows[0]?.id ?? null };
      }
      case 'change':
        await inTransaction(services.orm.em as EntityManager, async (tx) => {
          await tx.em.getConnection().execute('update tickets set version = version + 1, updated_at = now() where id = ?', [request.ticketId], 'all', tx.em.getTransactionContext());
          recordTicketEvent(tx, { ticketId: request.ticketId, kind: TicketEventKind.UPDATED, previousStatus: null });
        });
        return { done: true };
      case 'stop':
        await server.close();
        await services.close();
        await db.close();
        return { stopped: true };
    }
  };

  process.on('message', (message: { id: number; request: BenchRequest }) => {
    answer(message.request).then(
      (result) => {
        process.send!({ id: message.id, result });
        if (message.request.type === 'stop') setTimeout(() => process.exit(0), 50);
      },
      (error) => process.send!({ id: message.id, error: String(error?.stack ?? error) }),
    );
  });
  process.send!({ id: 0, result: { url: server.url } });
}

main().catch((error) => {
  console.error('bench server failed to start:', error);
  process.exit(1);
});
