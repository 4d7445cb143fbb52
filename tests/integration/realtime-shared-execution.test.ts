import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_CHANGED } from '../../bench/documents';
import { type TestApp, startTestApp } from '../support/app';
import { createTicketDirectly, recordChange, ticketApi } from '../support/ticket-changes';
import { type LiveSubscription, type WsClient, connectWs, subscribe } from '../support/ws';

let app: TestApp;
const clients: WsClient[] = [];
beforeAll(async () => {
  // No background worker: its queries would be counted with the event's.
  app = await startTestApp({ RUN_WORKER: 'false' });
  // Two more coordinators, with the demo password.
  await app.orm.em.getConnection().execute(`
    insert into users (id, name, email, role, password_hash)
    select gen_random_uuid(), 'Coordinator ' || g, 'coordinator' || g || '@shared.test', 'COORDINATOR', password_hash
    from users, generate_series(1, 2) g where email = 'coordinator@demo.test'`);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await app.close();
});

// The query log may be coloured: strip the escapes before looking for the verb.
const ESCAPES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const isStatement = (logged: string) => /\b(select|insert|update|delete)\b/i.test(logged.replace(ESCAPES, ''));

const COORDINATORS = ['coordinator@demo.test', 'coordinator1@shared.test', 'coordinator2@shared.test'];

async function subscribeAs(email: string, query: string, count: number): Promise<Array<LiveSubscription<any>>> {
  const token = await app.login(email);
  const subscriptions = [];
  for (let i = 0; i < count; i += 1) {
    const ws = connectWs(app.url, token);
    clients.push(ws);
    subscriptions.push(await subscribe(ws, query, { filter: null }));
  }
  return subscriptions;
}

/** The statements the server ran between one committed change and its delivery to every subscriber. */
async function statementsForOneEvent(subscriptions: Array<LiveSubscription<any>>, ticketId: string): Promise<number> {
  const seen = subscriptions.map((s) => s.received.length);
  // The cards' viewers come from a presence snapshot up to a second old: read it afresh every time.
  app.services.presence.forgetSnapshot();
  const before = app.queries.length;
  await recordChange(app, ticketId, 'UPDATED');
  await Promise.all(subscriptions.map((s, i) => s.waitFor(seen[i] + 1)));
  return app.queries.slice(before).filter(isStatement).length;
}

describe("the dashboard's TicketChanged, shared", () => {
  it('costs the same statements for one board as for twelve boards of three coordinators', async () => {
    const ticketId = await createTicketDirectly(app, { reporter: 'parent@demo.test', tutor: 'tutor@demo.test' });
    const one = await subscribeAs(COORDINATORS[0], TICKET_CHANGED, 1);
    const alone = await statementsForOneEvent(one, ticketId);
    const many = [...one, ...(await subscribeAs(COORDINATORS[0], TICKET_CHANGED, 3))];
    for (const email of COORDINATORS.slice(1)) many.push(...(await subscribeAs(email, TICKET_CHANGED, 4)));
    const together = await statementsForOneEvent(many, ticketId);
    expect(alone).toBeGreaterThan(0);
    expect(together).toBe(alone);
    const events = many.map((s) => s.received.at(-1).ticketChanged);
    expect(events[0].ticket).toMatchObject({ id: ticketId, reporter: { name: expect.any(String) }, tutor: { name: expect.any(String) } });
    for (const event of events) expect(event).toEqual(events[0]);
    for (const s of many) expect(s.errors).toEqual([]);
  });

  it('never shares what depends on the viewer: staff see internal comments, the tutor does not', async () => {
    const ticketId = await createTicketDirectly(app, { reporter: 'parent@demo.test', tutor: 'tutor@demo.test' });
    const staffToken = await app.login('coordinator@demo.test');
    await ticketApi.comment(app, staffToken, ticketId, 'Staff only: check the recording', true);
    const logs = 'subscription($filter: TicketFilter) { ticketChanged(filter: $filter) { ticket { id logs { comment internal } } } }';
    const [staff] = await subscribeAs('coordinator@demo.test', logs, 1);
    const [tutor] = await subscribeAs('tutor@demo.test', logs, 1);
    await ticketApi.comment(app, staffToken, ticketId, 'We are looking into it');
    const comments = async (s: LiveSubscription<any>) => (await s.waitFor(1)).at(-1).ticketChanged.ticket.logs.map((l: { comment: string }) => l.comment);
    expect(await comments(staff)).toEqual(expect.arrayContaining(['Staff only: check the recording', 'We are looking into it']));
    expect(await comments(tutor)).toContain('We are looking into it');
    expect(await comments(tutor)).not.toContain('Staff only: check the recording');
  });
});
