import 'reflect-metadata';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppOrm } from '../../server/src/app/database';
import { createTestDatabase } from '../support/database';
import { bearer, jsonLines, loginAt, post } from '../support/ops';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { openSessionOf } from '../support/ticket-changes';
import { type WsClient, connectWs, subscribe } from '../support/ws';

const SUBSCRIBERS = 100;
const IN_FLIGHT = 20;
const started: ServerProcess[] = [];
const sockets: WsClient[] = [];
const dataDirs: string[] = [];
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close().catch(() => undefined)));
  await Promise.all(started.map((s) => s.stop()));
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * 100 live subscribers and 20 mutations on their way, then the signal: every mutation answered,
 * every WebSocket closed with 1001 (go elsewhere and catch up), exit 0, and no stack trace.
 */
async function drainUnderLoad(server: ServerProcess, ticketId: string, token: string, signal: () => void) {
  const clients = Array.from({ length: SUBSCRIBERS }, () => connectWs(server.url, token));
  sockets.push(...clients);
  await Promise.all(clients.map((client) => subscribe(client, 'subscription Board { ticketChanged { sequence } }')));
  const mutations = Array.from({ length: IN_FLIGHT }, (_, i) =>
    post(server.url, 'mutation Comment($id: ID!, $b: String!) { addTicketComment(ticketId: $id, body: $b) { id } }', { id: ticketId, b: `Drain ${i}` }, bearer(token)),
  );
  await new Promise((resolve) => setTimeout(resolve, 15));
  signal();
  // Draining: /readyz says so before the server stops accepting (SHUTDOWN_DELAY below).
  const readyz = await fetch(`${server.url}/readyz`).then((r) => r.status, () => 'refused');
  const answers = await Promise.all(mutations);
  const exit = await server.exited;
  const closeCodes = clients.flatMap((client) => client.closeCodes);
  const log = server.output.join('');
  const lines = jsonLines(server.output);
  const drainAt = lines.findIndex((l) => l.msg === 'shutting down: draining');
  const answeredAfterSignal = lines.slice(drainAt).filter((l) => l.msg === 'request' && l.operationName === 'Comment').length;
  console.log(`drain: ${answers.length} mutations answered (${answeredAfterSignal} after the signal), ${closeCodes.filter((c) => c === 1001).length} sockets closed with 1001, exit ${exit.code}`);

  expect(readyz).toBe(503);
  expect(answers.map((a) => [a.status, a.body.errors])).toEqual(Array.from({ length: IN_FLIGHT }, () => [200, undefined]));
  expect(closeCodes).toEqual(Array.from({ length: SUBSCRIBERS }, () => 1001));
  expect(exit).toEqual({ code: 0, signal: null });
  expect(drainAt).toBeGreaterThanOrEqual(0);
  expect(lines.find((l) => l.msg === 'stopped')).toMatchObject({ clean: true });
  expect(log).not.toMatch(/\n\s+at /);
  expect(log).not.toMatch(/terminating connection|Unhandled|uncaught/i);
}

const ENV = { WS_CONNECTIONS_PER_MINUTE: '1000', SHUTDOWN_DELAY: '300ms', SHUTDOWN_GRACE: '10s', RUN_WORKER: 'true' };

describe('draining on SIGTERM and SIGINT', () => {
  it('SIGTERM to the process, on a managed database (DATABASE_URL)', async () => {
    const databaseUrl = await createTestDatabase();
    const orm: MikroORM = await openAppOrm(databaseUrl);
    const sessionId = await openSessionOf({ orm }, 'mia@demo.test');
    await orm.close();
    const server = await startServerProcess(databaseUrl, ENV);
    started.push(server);
    const [parent, coordinator] = [await loginAt(server.url, 'parent@demo.test'), await loginAt(server.url, 'coordinator@demo.test')];
    const report = await post(server.url, 'mutation R($input: ReportIssueInput!) { reportIssue(input: $input) { id } }', {
      input: { sessionIds: [sessionId], category: 'NO_SHOW', title: 'Drain test', description: 'Before the restart' },
    }, bearer(parent));
    await drainUnderLoad(server, report.body.data.reportIssue.id, coordinator, () => server.child.kill('SIGTERM'));
  }, 180_000);

  it('SIGINT to the whole process group (Ctrl-C), with the embedded PostgreSQL stopped last', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tickets-drain-'));
    dataDirs.push(dataDir);
    // No DATABASE_URL: the embedded PostgreSQL, seeded with the demo, as `npm start` on a laptop.
    const server = await startServerProcess('', { ...ENV, DATA_DIR: dataDir, SEED_ON_EMPTY: 'true' }, 'server/src/app/main.ts', { detached: true, readyTimeoutMs: 240_000 });
    started.push(server);
    const coordinator = await loginAt(server.url, 'coordinator@demo.test');
    const tickets = await post(server.url, '{ tickets(first: 1, filter: { status: [ONGOING] }) { edges { node { id } } } }', {}, bearer(coordinator));
    const ticketId = tickets.body.data.tickets.edges[0].node.id as string;
    await drainUnderLoad(server, ticketId, coordinator, () => process.kill(-server.child.pid!, 'SIGINT'));
    expect(server.output.join('')).toMatch(/embedded PostgreSQL on port/);
    // And it is gone with us: nothing is left running on the data directory.
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 300_000);
});
