/**
 * A server instance for bench/fanout.ts, in its own process so the clients' memory does not count.
 * It boots like server/src/app/main.ts and answers the bench over IPC: memory (after a full GC), live
 * subscriber count and a ticket to change.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '../server/src/config';
import { openAppDatabase } from '../server/src/app/database';
import { startHttpServer } from '../server/src/http/app';
import { createServices } from '../server/src/app/services';

export type BenchRequest = { type: 'memory' } | { type: 'subscribers' } | { type: 'ticket' } | { type: 'stop' };

const peakRss = () => Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;

async function main() {
  const config = loadConfig();
  const db = await openAppDatabase(config, () => {});
  const services = createServices(config, db.orm);
  await services.start();
  const server = await startHttpServer(services, 0, '127.0.0.1');
  const em = () => services.orm.em.fork() as EntityManager;

  const answer = async (request: BenchRequest): Promise<unknown> => {
    switch (request.type) {
      case 'memory': {
        for (let i = 0; i < 3; i += 1) global.gc?.();
        const { rss, heapUsed, external } = process.memoryUsage();
        return { rss, heapUsed, external, peak: peakRss() };
      }
      case 'subscribers':
        return { subscribers: services.realtime.hub.subscriberCount, connections: services.liveConnections.size };
      case 'ticket': {
        const rows = await em().getConnection().execute("select id from tickets where status = 'ONGOING' and type <> 'DISPUTE' order by created_at desc limit 1");
        return { ticketId: rows[0]?.id ?? null };
      }
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
  process.send!({ id: 0, result: { url: server.url.replace('localhost', '127.0.0.1') } });
}

main().catch((error) => {
  console.error('bench server failed to start:', error);
  process.exit(1);
});
