import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { sql } from '../support/fixtures';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { ticketApi } from '../support/ticket-changes';
import { type WsClient, connectWs, subscribe } from '../support/ws';

/** This test process's app and main.ts in a child process, on one database. */
let app: TestApp;
let other: ServerProcess;
const clients: WsClient[] = [];
beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
  // A short TTL on the other instance, so its viewers expire quickly once it is killed.
  other = await startServerProcess(app.databaseUrl, { PRESENCE_TTL: '10s' });
}, 120_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await other?.stop();
  await app?.close();
});

const SET = 'mutation($t: ID!, $s: PresenceState!) { setPresence(ticketId: $t, state: $s) }';
const CHANGED = 'subscription($t: ID) { presenceChanged(ticketId: $t) { ticketId state at user { email } } }';
const VIEWERS = 'query($t: ID!) { ticket(id: $t) { viewers { state since user { email } } } }';
type Changed = { presenceChanged: { ticketId: string; state: string; user: { email: string } } };

async function gqlOn(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

describe('presence across two server processes', () => {
  it('a coordinator viewing and typing on one instance is seen by an admin on the other, then leaves', async () => {
    const [coordinator, admin, parent] = [await app.login('coordinator@demo.test'), await app.login('admin@demo.test'), await app.login('parent@demo.test')];
    const ticket = await ticketApi.report(app, parent, 'mia@demo.test', 'Presence ticket');
    const ws = connectWs(app.url, admin);
    clients.push(ws);
    const onTicket = await subscribe<Changed>(ws, CHANGED, { t: ticket });
    const everywhere = await subscribe<Changed>(ws, CHANGED, {});

    expect((await gqlOn(other.url, coordinator, SET, { t: ticket, s: 'VIEWING' })).data).toEqual({ setPresence: true });
    const [viewing] = await onTicket.waitFor(1, 10_000);
    expect(viewing.presenceChanged).toMatchObject({ ticketId: ticket, state: 'VIEWING', user: { email: 'coordinator@demo.test' } });
    expect((await everywhere.waitFor(1, 10_000))[0]).toEqual(viewing);
    expect((await app.gql(VIEWERS, { t: ticket }, admin)).data.ticket.viewers).toEqual([
      expect.objectContaining({ state: 'VIEWING', user: { email: 'coordinator@demo.test' } }),
    ]);

    // A heartbeat in the same state is not news; the next change is.
    await gqlOn(other.url, coordinator, SET, { t: ticket, s: 'VIEWING' });
    await gqlOn(other.url, coordinator, SET, { t: ticket, s: 'TYPING' });
    const [, typing] = await onTicket.waitFor(2, 10_000);
    expect(typing.presenceChanged).toMatchObject({ state: 'TYPING', user: { email: 'coordinator@demo.test' } });

    await gqlOn(other.url, coordinator, SET, { t: ticket, s: 'LEFT' });
    const [, , left] = await onTicket.waitFor(3, 10_000);
    expect(left.presenceChanged).toMatchObject({ state: 'LEFT', user: { email: 'coordinator@demo.test' } });
    expect(onTicket.received.map((e) => e.presenceChanged.state)).toEqual(['VIEWING', 'TYPING', 'LEFT']);
    expect((await app.gql(VIEWERS, { t: ticket }, admin)).data.ticket.viewers).toEqual([]);
  });

  it('is staff only: others cannot set it, subscribe to it, or see viewers', async () => {
    const [coordinator, parent, tutor] = [await app.login('coordinator@demo.test'), await app.login('parent@demo.test'), await app.login('tutor@demo.test')];
    const ticket = await ticketApi.report(app, parent, 'mia@demo.test', 'Presence privacy');
    await app.gql(SET, { t: ticket, s: 'VIEWING' }, coordinator);
    expect(errorCode(await app.gql(SET, { t: ticket, s: 'VIEWING' }, parent))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(SET, { t: ticket, s: 'VIEWING' }, tutor))).toBe('FORBIDDEN');
    expect((await app.gql(VIEWERS, { t: ticket }, parent)).data.ticket.viewers).toEqual([]);
    const bad = await app.gql(SET, { t: 'nope', s: 'VIEWING' }, coordinator);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ticketId' });
    const ws = connectWs(app.url, parent);
    clients.push(ws);
    const refused = await subscribe<Changed>(ws, CHANGED, { t: ticket });
    expect(refused.errors.length).toBeGreaterThan(0);
    expect(refused.received).toEqual([]);
    await app.gql(SET, { t: ticket, s: 'LEFT' }, coordinator);
  });

  it('a viewer whose instance is killed (SIGKILL) disappears once the TTL has passed', async () => {
    const [coordinator, admin, parent] = [await app.login('coordinator@demo.test'), await app.login('admin@demo.test'), await app.login('parent@demo.test')];
    const ticket = await ticketApi.report(app, parent, 'mia@demo.test', 'Presence expiry');
    const ws = connectWs(app.url, admin);
    clients.push(ws);
    const changes = await subscribe<Changed>(ws, CHANGED, { t: ticket });
    await gqlOn(other.url, coordinator, SET, { t: ticket, s: 'TYPING' });
    await changes.waitFor(1, 10_000);

    const exited = new Promise((resolve) => other.child.once('exit', resolve));
    other.child.kill('SIGKILL');
    await exited;
    // Nobody says goodbye: this instance's sweep finds the expired row and announces it.
    const [, gone] = await changes.waitFor(2, 30_000);
    expect(gone.presenceChanged).toMatchObject({ ticketId: ticket, state: 'LEFT', user: { email: 'coordinator@demo.test' } });
    expect((await app.gql(VIEWERS, { t: ticket }, admin)).data.ticket.viewers).toEqual([]);
    expect(await sql(app, 'select * from ticket_presence where ticket_id = ?', [ticket])).toEqual([]);
  }, 60_000);
});
