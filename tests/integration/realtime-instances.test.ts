import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { ticketApi } from '../support/ticket-changes';
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
  it('delivers a mutation made on one to a subscriber on the other, and back (latency is measured by bench/, not here)', async () => {
    const [coordinator, parent] = [await app.login('coordinator@demo.test'), await app.login('parent@demo.test')];
    const onOther = connectWs(other.url, coordinator);
    const onThis = connectWs(app.url, coordinator);
    clients.push(onOther, onThis);
    const remote = await subscribe<Changed>(onOther, SUBSCRIPTION);
    const local = await subscribe<Changed>(onThis, SUBSCRIPTION);

    // reportIssue over HTTP on this instance; the subscriber is on the other process.
    const ticket = await ticketApi.report(app, parent, 'mia@demo.test', 'Seen everywhere');
    const [event] = await remote.waitFor(1);
    expect(event.ticketChanged).toMatchObject({ kind: 'CREATED', ticket: { id: ticket, title: 'Seen everywhere' } });
    // Both instances deliver the same event.
    expect((await local.waitFor(1))[0]).toEqual(event);

    // And the other way: a comment through the other process reaches this one.
    const response = await fetch(`${other.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator}` },
      body: JSON.stringify({ query: 'mutation($id: ID!) { addTicketComment(ticketId: $id, body: "From the other side") { id } }', variables: { id: ticket } }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    const [, comment] = await local.waitFor(2);
    expect(comment.ticketChanged).toMatchObject({ kind: 'COMMENTED', ticket: { id: ticket } });
    expect((await remote.waitFor(2))[1]).toEqual(comment);
  });
});
