import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Role } from '../../server/src/auth/roles';
import { inTransaction } from '../../server/src/db/transaction';
import { NOTIFICATIONS_TOPIC, announceNotifications } from '../../server/src/notifications/notification-feed';
import { REALTIME_CHANNEL } from '../../server/src/realtime/publish';
import { RealtimeHub } from '../../server/src/realtime/hub';
import { RealtimeListener } from '../../server/src/realtime/listener';
import { TICKET_EVENTS_TOPIC, recordTicketEvent } from '../../server/src/tickets/event-log';
import type { TicketEventKind } from '../../server/src/tickets/enums';
import { TicketFeed } from '../../server/src/tickets/ticket-feed';
import { type TestApp, startTestApp } from '../support/app';
import { createTicketDirectly, ticketApi, userIdOf } from '../support/ticket-changes';
import { type WsClient, connectWs, subscribe } from '../support/ws';

let app: TestApp;
let ws: WsClient;
beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(async () => {
  await ws?.close();
  await app.close();
});

const terminate = (pid: number | null) => app.orm.em.fork().getConnection().execute('select pg_terminate_backend(?) as done', [pid]);
const SUBSCRIPTION = 'subscription { ticketChanged { sequence kind ticket { id } } }';

describe('the LISTEN connection', () => {
  it('is one dedicated connection that LISTENs on the channel', async () => {
    const pid = app.services.realtime.listener.backendPid;
    const rows = await app.orm.em.fork().getConnection().execute('select application_name from pg_stat_activity where pid = ?', [pid]);
    expect(rows).toEqual([{ application_name: 'tickets-realtime-listener' }]);
  });

  it('reconnects by itself after pg_terminate_backend, and events still arrive, none twice', async () => {
    const listener = app.services.realtime.listener;
    const [coordinator, parent] = [await app.login('coordinator@demo.test'), await app.login('parent@demo.test')];
    ws = connectWs(app.url, coordinator);
    const live = await subscribe<{ ticketChanged: { sequence: number; kind: string; ticket: { id: string } } }>(ws, SUBSCRIPTION);
    const ticket = await ticketApi.report(app, parent, 'mia@demo.test');
    await live.waitFor(1);

    const killedPid = listener.backendPid;
    expect((await terminate(killedPid))[0].done).toBe(true);
    // Committed right after the kill: most likely while the listener is away.
    await ticketApi.comment(app, coordinator, ticket, 'during the outage');
    await vi.waitFor(() => expect(listener.backendPid).not.toBeNull(), { timeout: 10_000 });
    expect(listener.backendPid).not.toBe(killedPid);
    await ticketApi.resolve(app, coordinator, ticket);

    const events = await live.waitFor(3);
    expect(events.map((e) => `${e.ticketChanged.ticket.id}:${e.ticketChanged.kind}`)).toEqual([`${ticket}:CREATED`, `${ticket}:COMMENTED`, `${ticket}:STATUS_CHANGED`]);
    const sequences = events.map((e) => e.ticketChanged.sequence);
    expect(new Set(sequences).size).toBe(3);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
  });

  it('catches up, from the table, on what committed while it was disconnected', async () => {
    const hub = new RealtimeHub();
    const feed = hub.register(TICKET_EVENTS_TOPIC, new TicketFeed(app.orm));
    await hub.init();
    const coordinator = { id: await userIdOf(app, 'coordinator@demo.test'), role: Role.COORDINATOR };
    const stream = feed.subscribe(coordinator, null);
    const reconnects: Date[] = [];
    // A long first backoff leaves time to commit while it is certainly disconnected.
    const listener = new RealtimeListener(
      app.databaseUrl,
      {
        changed: (payload) => hub.changed(payload),
        reconnected: async (aliveAt) => {
          reconnects.push(aliveAt);
          await hub.reconnected(aliveAt);
        },
      },
      { minBackoffMs: 1_500 },
    );
    await listener.start();
    try {
      await terminate(listener.backendPid);
      await vi.waitFor(() => expect(listener.isConnected).toBe(false), { timeout: 5_000 });
      const missed = await createTicketDirectly(app, { reporter: 'parent2@demo.test' });
      expect(listener.isConnected).toBe(false);
      await listener.whenConnected();
      const first = await Promise.race([stream.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event')), 5_000))]);
      expect(first.value?.ticket.id).toBe(missed);
      expect(reconnects).toHaveLength(1);
    } finally {
      await stream.return();
      await listener.stop();
    }
  });
});

describe('publishing', () => {
  it('sends one NOTIFY per transaction, ids only, whatever it publishes, and none on rollback', async () => {
    const ticketId = await createTicketDirectly(app, { reporter: 'parent@demo.test' });
    const spy = new Client({ connectionString: app.databaseUrl });
    const heard: string[] = [];
    spy.on('notification', (message) => heard.push(message.payload ?? ''));
    await spy.connect();
    await spy.query(`listen ${REALTIME_CHANNEL}`);
    try {
      const parent = await userIdOf(app, 'parent@demo.test');
      const kind = 'COMMENTED' as TicketEventKind;
      await expect(
        inTransaction(app.orm.em, async (tx) => {
          recordTicketEvent(tx, { ticketId, kind, previousStatus: null });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const notificationId = await inTransaction(app.orm.em, async (tx) => {
        const rows = await tx.em.getConnection().execute(
          "insert into notifications (id, user_id, title, body) values (gen_random_uuid(), ?, 'One', 'body') returning id",
          [parent],
          'all',
          tx.em.getTransactionContext(),
        );
        // Published before the events are stored: still one NOTIFY, with both.
        announceNotifications(tx, [rows[0].id]);
        recordTicketEvent(tx, { ticketId, kind, previousStatus: null });
        recordTicketEvent(tx, { ticketId, kind, previousStatus: null, internal: true });
        return rows[0].id as string;
      });
      // A query on the same connection after the commit: the NOTIFY, if any, has arrived before its answer.
      await spy.query('select 1');
      await vi.waitFor(() => expect(heard).toHaveLength(1));
      const payload = JSON.parse(heard[0]);
      expect(Object.keys(payload).sort()).toEqual([NOTIFICATIONS_TOPIC, TICKET_EVENTS_TOPIC].sort());
      expect(payload[NOTIFICATIONS_TOPIC]).toEqual([notificationId]);
      const stored: Array<{ sequence: number }> = await app.orm.em.fork().getConnection().execute('select sequence from ticket_events where ticket_id = ? order by sequence', [ticketId]);
      expect(payload[TICKET_EVENTS_TOPIC]).toEqual(stored.slice(1).map((row) => String(row.sequence)));
    } finally {
      await spy.end();
    }
  });
});
