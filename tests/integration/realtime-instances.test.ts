import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { createTicketDirectly } from '../support/ticket-changes';
import { type WsClient, connectWs, subscribe } from '../support/ws';

/** Two server processes on one database: this test process's app, and main.ts in a child process. */
let app: TestApp;
let other: ServerProcess;
const clients: WsClient[] = [];
beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
  other = await startServerProcess(app.databaseUrl);
}, 120_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await other?.stop();
  await app?.close();
});

const SUBSCRIPTION = 'subscription { ticketChanged { sequence kind ticket { id title } } }';
type Changed = { ticketChanged: { sequence: number; kind: string; ticket: { id: string; title: string } } };

describe('two instances on one database', () => {
  it('delivers a change made on one to a subscriber on the other within a second', async () => {
    const token = await app.login('coordinator@demo.test');
    const onOther = connectWs(other.url, token);
    const onThis = connectWs(app.url, token);
    clients.push(onOther, onThis);
    const remote = await subscribe<Changed>(onOther, SUBSCRIPTION);
    const local = await subscribe<Changed>(onThis, SUBSCRIPTION);

    const committedAt = Date.now();
    const ticket = await createTicketDirectly(app, { reporter: 'parent@demo.test', title: 'Seen everywhere' });
    const [event] = await remote.waitFor(1, 1_000);
    expect(Date.now() - committedAt).toBeLessThan(1_000);
    expect(event.ticketChanged).toMatchObject({ kind: 'CREATED', ticket: { id: ticket, title: 'Seen everywhere' } });
    // Both instances deliver the same event.
    expect((await local.waitFor(1))[0]).toEqual(event);
  });
});
