import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../server/src/auth/roles';
import { inTransaction } from '../../server/src/db/transaction';
import { announceNotifications } from '../../server/src/notifications/notification-feed';
import { MAX_OPERATIONS_PER_CONNECTION } from '../../server/src/http/ws-server';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { createTicketDirectly, ticketApi, userIdOf } from '../support/ticket-changes';
import { type WsClient, closeCodeOf, connectWs, queryOnce, rawConnectionInit, subscribe } from '../support/ws';

let app: TestApp;
const clients: WsClient[] = [];
beforeAll(async () => {
  // The job worker plays no part in live updates.
  app = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await app.close();
});

const TICKET_CHANGED = `subscription($filter: TicketFilter) {
  ticketChanged(filter: $filter) { sequence kind previousStatus ticket { id title status } }
}`;
const TICKET_EVENTS = 'query($after: Int!, $first: Int) { ticketEvents(after: $after, first: $first) { sequence kind ticket { id } } }';

const FILTERED = `subscription($filter: TicketFilter) {
  ticketChanged(filter: $filter) { kind matchesFilter ticket { id status } }
}`;
interface Filtered {
  ticketChanged: { kind: string; matchesFilter: boolean; ticket: { id: string; status: string } };
}

interface Changed {
  ticketChanged: { sequence: number; kind: string; previousStatus: string | null; ticket: { id: string; title: string; status: string } };
}

async function connectAs(email: string): Promise<WsClient> {
  const ws = connectWs(app.url, await app.login(email));
  clients.push(ws);
  return ws;
}

const summary = (events: Changed[]) => events.map((e) => `${e.ticketChanged.ticket.id}:${e.ticketChanged.kind}`);

describe('connecting', () => {
  it('closes with 4401 a connection_init without a token, with a bad one, or with a malformed header', async () => {
    for (const payload of [undefined, {}, { authorization: 'Bearer not-a-token' }, { authorization: 'Basic abc' }, { authorization: 42 }]) {
      const result = await rawConnectionInit(app.url, payload);
      expect(result, JSON.stringify(payload)).toMatchObject({ acknowledged: false, closeCode: 4401 });
    }
  });

  it('refuses the graphql-ws client too, which then does not retry', async () => {
    const ws = connectWs(app.url, 'garbage');
    clients.push(ws);
    const result = await queryOnce(ws, '{ me { id } }').catch((error) => ({ closed: error.code }));
    expect(result).toEqual({ closed: 4401 });
    expect(ws.closeCodes).toEqual([4401]);
  });

  it('accepts a good token and answers queries over the socket as that user', async () => {
    const ws = await connectAs('tutor@demo.test');
    const me = await queryOnce(ws, '{ me { email role } }');
    expect(me.data).toEqual({ me: { email: 'tutor@demo.test', role: 'TUTOR' } });
  });

  it('caps the operations running on one connection', async () => {
    const ws = await connectAs('coordinator@demo.test');
    const subscriptions = [];
    for (let i = 0; i < MAX_OPERATIONS_PER_CONNECTION - 1; i += 1) subscriptions.push(await subscribe(ws, TICKET_CHANGED));
    subscriptions.push({ stop: ws.client.subscribe({ query: TICKET_CHANGED }, { next: () => {}, error: () => {}, complete: () => {} }) });
    // Twenty subscriptions run; a twenty-first operation is refused, the connection stays.
    const extra = await queryOnce(ws, '{ me { id } }');
    expect(extra.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    subscriptions.pop()!.stop();
    await vi.waitFor(async () => expect((await queryOnce(ws, '{ me { id } }')).data?.me).toBeTruthy(), { timeout: 5_000 });
    for (const s of subscriptions) s.stop();
  });

  it('ends the connection when the account is closed', async () => {
    const ws = await connectAs('tutor2@demo.test');
    await subscribe(ws, TICKET_CHANGED);
    const tutor2 = await userIdOf(app, 'tutor2@demo.test');
    const em = app.orm.em.fork();
    await em.getConnection().execute('update users set active = false where id = ?', [tutor2]);
    try {
      expect(await app.services.liveConnections.recheckAccounts()).toBe(1);
      await vi.waitFor(() => expect(ws.closeCodes).toEqual([4401]), { timeout: 5_000 });
    } finally {
      await em.getConnection().execute('update users set active = true where id = ?', [tutor2]);
    }
  });

  it('ends the connection when the token expires', async () => {
    const closed: number[] = [];
    const forget = app.services.liveConnections.add({
      viewer: { id: 'x', role: 'TUTOR' as never, expiresAt: Date.now() + 50 },
      close: (code) => closed.push(code),
    });
    await vi.waitFor(() => expect(closed).toEqual([4401]), { timeout: 2_000 });
    forget();
  });
});

describe('ticketChanged', () => {
  it('gives a parent its own and its children\'s tickets, and nothing of another family', async () => {
    const [parent, parent2, mia, coordinator] = await Promise.all(['parent@demo.test', 'parent2@demo.test', 'mia@demo.test', 'coordinator@demo.test'].map((e) => app.login(e)));
    const ws = connectWs(app.url, parent);
    clients.push(ws);
    const live = await subscribe<Changed>(ws, TICKET_CHANGED);
    const otherFamily = await ticketApi.report(app, parent2, 'ola@demo.test');
    const own = await ticketApi.report(app, parent, 'mia@demo.test');
    await ticketApi.comment(app, coordinator, otherFamily, 'Looking into it');
    const childs = await ticketApi.report(app, mia, 'mia@demo.test');
    await ticketApi.resolve(app, coordinator, own);
    const events = await live.waitFor(3);
    expect(summary(events)).toEqual([`${own}:CREATED`, `${childs}:CREATED`, `${own}:STATUS_CHANGED`]);
    expect(events[2].ticketChanged).toMatchObject({ previousStatus: 'ONGOING', ticket: { status: 'RESOLVED' } });
    // The last visible event came after every invisible one, so nothing else is on its way.
    expect(live.received).toHaveLength(3);
    expect(live.errors).toEqual([]);
  });

  it('gives a tutor and a coordinator subscribed at once exactly what each may see', async () => {
    const [tutor, coordinator, parent, learner] = await Promise.all(['tutor@demo.test', 'coordinator@demo.test', 'parent@demo.test', 'learner@demo.test'].map((e) => app.login(e)));
    const tutorWs = connectWs(app.url, tutor);
    const coordinatorWs = connectWs(app.url, coordinator);
    clients.push(tutorWs, coordinatorWs);
    const tutorLive = await subscribe<Changed>(tutorWs, TICKET_CHANGED);
    const coordinatorLive = await subscribe<Changed>(coordinatorWs, TICKET_CHANGED);
    const tutors = await ticketApi.report(app, parent, 'mia@demo.test'); // mia's lessons are with tutor@
    const someoneElses = await ticketApi.report(app, learner, 'learner@demo.test'); // with tutor2@
    await ticketApi.comment(app, coordinator, tutors, 'Staff only: check the call log', true);
    await ticketApi.assign(app, coordinator, someoneElses, await userIdOf(app, 'coordinator@demo.test'));
    await ticketApi.comment(app, parent, tutors, 'Any news?');

    const all = await coordinatorLive.waitFor(5);
    expect(summary(all)).toEqual([
      `${tutors}:CREATED`,
      `${someoneElses}:CREATED`,
      `${tutors}:COMMENTED`,
      `${someoneElses}:ASSIGNED`,
      `${tutors}:COMMENTED`,
    ]);
    const sequences = all.map((e) => e.ticketChanged.sequence);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);

    const tutorEvents = await tutorLive.waitFor(2);
    expect(summary(tutorEvents)).toEqual([`${tutors}:CREATED`, `${tutors}:COMMENTED`]);
    // The tutor's second event is the parent's comment, not the internal one before it.
    expect(tutorEvents[1].ticketChanged.sequence).toBe(sequences[4]);
    expect(tutorLive.received).toHaveLength(2);
    expect(coordinatorLive.received).toHaveLength(5);
  });

  it('resolves viewer-dependent fields per subscriber (internal log entries only for staff)', async () => {
    const [tutor, coordinator, parent] = await Promise.all(['tutor@demo.test', 'coordinator@demo.test', 'parent@demo.test'].map((e) => app.login(e)));
    const query = 'subscription { ticketChanged { kind ticket { id logs { comment } } } }';
    type WithLogs = { ticketChanged: { kind: string; ticket: { id: string; logs: Array<{ comment: string | null }> } } };
    const tutorWs = connectWs(app.url, tutor);
    const coordinatorWs = connectWs(app.url, coordinator);
    clients.push(tutorWs, coordinatorWs);
    // Subscribed before the report, so each stream starts with CREATED (a report made earlier could
    // still be in flight and arrive first on a loaded machine).
    const tutorLive = await subscribe<WithLogs>(tutorWs, query);
    const coordinatorLive = await subscribe<WithLogs>(coordinatorWs, query);
    const ticket = await ticketApi.report(app, parent, 'mia@demo.test');
    await ticketApi.comment(app, coordinator, ticket, 'Staff-only note', true);
    await ticketApi.comment(app, parent, ticket, 'Public note');
    const comments = (e: WithLogs) => e.ticketChanged.ticket.logs.map((l) => l.comment);
    const forStaff = await coordinatorLive.waitFor(3);
    expect(forStaff.map((e) => e.ticketChanged.kind)).toEqual(['CREATED', 'COMMENTED', 'COMMENTED']);
    expect(comments(forStaff[2])).toEqual(expect.arrayContaining(['Staff-only note', 'Public note']));
    // The tutor is not told of the internal comment, and never sees it in the logs.
    const forTutor = await tutorLive.waitFor(2);
    expect(forTutor.map((e) => e.ticketChanged.kind)).toEqual(['CREATED', 'COMMENTED']);
    expect(comments(forTutor[1])).toContain('Public note');
    expect(forTutor.flatMap(comments)).not.toContain('Staff-only note');
    expect(tutorLive.received).toHaveLength(2);
  });

  it('delivers every visible change, marked with whether it matches the subscriber\'s filter', async () => {
    const ws = await connectAs('admin@demo.test');
    const tutor2 = await userIdOf(app, 'tutor2@demo.test');
    const live = await subscribe<Filtered>(ws, FILTERED, { filter: { tutorId: tutor2.toUpperCase(), status: ['ONGOING'] } });
    const other = await createTicketDirectly(app, { reporter: 'parent@demo.test', tutor: 'tutor@demo.test' });
    const wanted = await createTicketDirectly(app, { reporter: 'parent2@demo.test', tutor: 'tutor2@demo.test', title: 'Filtered in' });
    const events = await live.waitFor(2);
    expect(events.map((e) => [e.ticketChanged.ticket.id, e.ticketChanged.matchesFilter])).toEqual([[other, false], [wanted, true]]);
  });

  it('matches a search by ticket number on live events, as the list does, until the ticket leaves the filter', async () => {
    const [coordinator, parent] = [await app.login('coordinator@demo.test'), await app.login('parent@demo.test')];
    const ticket = await ticketApi.report(app, parent, 'mia@demo.test');
    const number: string = (await app.gql('query($id: ID!) { ticket(id: $id) { number } }', { id: ticket }, coordinator)).data.ticket.number;
    const filter = { search: ` ${number.toLowerCase()} `, status: ['ONGOING'] };
    const listed = await app.gql('query($filter: TicketFilter) { tickets(filter: $filter) { edges { node { id } } } }', { filter }, coordinator);
    expect(listed.data.tickets.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ticket]);

    const live = await subscribe<Filtered>(await connectAs('coordinator@demo.test'), FILTERED, { filter });
    await ticketApi.comment(app, coordinator, ticket, 'Looking into it');
    await ticketApi.resolve(app, coordinator, ticket);
    const events = await live.waitFor(2);
    expect(events.map((e) => [e.ticketChanged.kind, e.ticketChanged.ticket.status, e.ticketChanged.matchesFilter])).toEqual([
      ['COMMENTED', 'ONGOING', true],
      ['STATUS_CHANGED', 'RESOLVED', false],
    ]);
  });

  it('rejects a malformed id in the filter', async () => {
    const ws = await connectAs('admin@demo.test');
    const result = await queryOnce(ws, TICKET_CHANGED, { filter: { tutorId: 'nope' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tutorId' });
  });
});

describe('notificationAdded', () => {
  it('delivers the subscriber\'s own in-app notifications only', async () => {
    const ws = await connectAs('parent2@demo.test');
    const live = await subscribe<{ notificationAdded: { id: string; title: string } }>(ws, 'subscription { notificationAdded { id title body } }');
    const [parent2, parent] = [await userIdOf(app, 'parent2@demo.test'), await userIdOf(app, 'parent@demo.test')];
    const notify = (userId: string, title: string) =>
      inTransaction(app.orm.em, async (tx) => {
        const rows = await tx.em.getConnection().execute(
          "insert into notifications (id, user_id, title, body) values (gen_random_uuid(), ?, ?, 'body') returning id",
          [userId, title],
          'all',
          tx.em.getTransactionContext(),
        );
        announceNotifications(tx, [rows[0].id]);
        return rows[0].id as string;
      });
    await notify(parent, 'Not yours');
    const mine = await notify(parent2, 'Yours');
    const [received] = await live.waitFor(1);
    expect(received.notificationAdded).toEqual({ id: mine, title: 'Yours', body: 'body' });
    expect(live.received).toHaveLength(1);
  });
});

describe('ticketEvents', () => {
  it('returns the three changes a disconnected subscriber missed, in order, without duplicates', async () => {
    const [parent, parent2, coordinator] = await Promise.all(['parent@demo.test', 'parent2@demo.test', 'coordinator@demo.test'].map((e) => app.login(e)));
    const first = connectWs(app.url, parent);
    const live = await subscribe<Changed>(first, TICKET_CHANGED);
    const ticket = await ticketApi.report(app, parent, 'noah@demo.test');
    const [seen] = await live.waitFor(1);
    await first.close();

    await ticketApi.comment(app, coordinator, ticket, 'We are on it');
    await ticketApi.report(app, parent2, 'ola@demo.test'); // not theirs
    await ticketApi.assign(app, coordinator, ticket, await userIdOf(app, 'coordinator@demo.test'));
    await ticketApi.comment(app, coordinator, ticket, 'Staff only', true);
    await ticketApi.resolve(app, coordinator, ticket);

    const again = connectWs(app.url, parent);
    clients.push(again);
    const relive = await subscribe<Changed>(again, TICKET_CHANGED);
    const missed = await queryOnce(again, TICKET_EVENTS, { after: seen.ticketChanged.sequence });
    expect(missed.errors).toBeUndefined();
    const events: Array<{ sequence: number; kind: string; ticket: { id: string } }> = missed.data.ticketEvents;
    expect(events.map((e) => `${e.ticket.id}:${e.kind}`)).toEqual([`${ticket}:COMMENTED`, `${ticket}:ASSIGNED`, `${ticket}:STATUS_CHANGED`]);
    const sequences = events.map((e) => e.sequence);
    expect(new Set(sequences).size).toBe(3);
    expect(sequences.every((s, i) => s > (i ? sequences[i - 1] : seen.ticketChanged.sequence))).toBe(true);

    // Live again: the next change continues after the caught-up ones.
    // (On a loaded machine the resolve's own event may still reach the new subscription live; clients
    // drop what they have by sequence, so only the comment's event matters here.)
    await ticketApi.comment(app, parent, ticket, 'Thanks');
    const isComment = (e: Changed) => e.ticketChanged.kind === 'COMMENTED';
    await vi.waitFor(() => expect(relive.received.some(isComment)).toBe(true), { timeout: 5_000 });
    expect(relive.received.find(isComment)!.ticketChanged.sequence).toBeGreaterThan(sequences[2]);
  });

  it('pages with first (default 100, at most 500) and checks its arguments', async () => {
    const token = await app.login('coordinator@demo.test');
    const all = await app.gql(TICKET_EVENTS, { after: 0 }, token);
    expect(all.errors).toBeUndefined();
    expect(all.data.ticketEvents.length).toBeGreaterThan(3);
    const two = await app.gql(TICKET_EVENTS, { after: 0, first: 2 }, token);
    expect(two.data.ticketEvents).toEqual(all.data.ticketEvents.slice(0, 2));
    const rest = await app.gql(TICKET_EVENTS, { after: two.data.ticketEvents[1].sequence }, token);
    expect(rest.data.ticketEvents).toEqual(all.data.ticketEvents.slice(2, 102));
    for (const [variables, field] of [[{ after: 0, first: 501 }, 'first'], [{ after: 0, first: 0 }, 'first'], [{ after: -1 }, 'after']] as const) {
      const bad = await app.gql(TICKET_EVENTS, variables, token);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions!.field).toBe(field);
    }
    expect(errorCode(await app.gql(TICKET_EVENTS, { after: 0 }))).toBe('UNAUTHENTICATED');
  });
});
