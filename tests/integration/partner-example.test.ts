import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketsClient } from '../../examples/partner/src/client';
import { ListTickets, ReportSupportQuestion, TicketChanged } from '../../examples/partner/src/operations';
import { type TicketsEvent, startWebhookReceiver } from '../../examples/partner/src/webhook-receiver';
import { platformExport, pushExport, readLedger } from '../../examples/partner/src/sync';
import { resolveForParent } from '../support/disputes';
import { type TestApp, startTestApp } from '../support/app';

/** The partner example (examples/partner) against the real server: API key, typed client, live events, signed webhooks. */
let app: TestApp;
let receiver: Server;
const hooks: TicketsEvent[] = [];

beforeAll(async () => {
  app = await startTestApp({ WEBHOOK_RETRY_BASE: '100ms' });
});
afterAll(async () => {
  receiver?.close();
  await app?.close();
});

describe('the partner example', () => {
  it('lists tickets with an API key, reports a support question, sees it live and by a verified webhook', async () => {
    const admin = await app.login('admin@demo.test');
    const key = await app.gql('mutation { createApiKey(name: "Partner CRM", scopes: ["read", "write"]) { key } }', {}, admin);
    expect(key.errors).toBeUndefined();
    const client = new TicketsClient(app.url, key.data.createApiKey.key);

    let secret = '';
    receiver = startWebhookReceiver({ port: 0, secret: () => secret, handle: (event) => void hooks.push(event) });
    await new Promise((resolve) => receiver.once('listening', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const endpoint = await app.gql('mutation($url: String!) { createWebhookEndpoint(input: { url: $url, events: [TICKET_CREATED] }) { secret } }', { url }, admin);
    secret = endpoint.data.createWebhookEndpoint.secret;

    const page = await client.request(ListTickets, { first: 5 });
    expect(page.tickets.edges).toHaveLength(5);
    expect(page.tickets.totalCount).toBeGreaterThan(5);

    const live: string[] = [];
    const stop = client.subscribe(TicketChanged, {}, ({ ticketChanged }) => void live.push(`${ticketChanged.kind} ${ticketChanged.ticket.id}`));
    const family = await TicketsClient.signIn(app.url, 'parent@demo.test', 'demo1234');
    const created = await family.request(ReportSupportQuestion, {
      input: { type: 'SUPPORT', category: 'BILLING', sessionIds: [], title: 'Question from the partner app', description: 'How do I change the billing address?', idempotencyKey: 'partner-test-1' },
    });
    expect(created.reportIssue.status).toBe('ONGOING');
    const deadline = Date.now() + 15_000;
    while (!hooks.some((h) => (h.data.ticket as { id: string }).id === created.reportIssue.id)) {
      if (Date.now() > deadline) throw new Error(`no verified webhook for the new ticket; got ${JSON.stringify(hooks.map((h) => h.type))}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(hooks.find((h) => (h.data.ticket as { id: string }).id === created.reportIssue.id)?.type).toBe('ticket.created');
    // Live: the subscription may open after the report, so staff comment until a change reaches it.
    const id = created.reportIssue.id;
    while (!live.includes(`COMMENTED ${id}`)) {
      if (Date.now() > deadline) throw new Error(`no live event; got ${JSON.stringify(live)}`);
      await app.gql('mutation($id: ID!) { addTicketComment(ticketId: $id, body: "We are on it") { id } }', { id }, admin);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    stop();
    await expect(client.request(ListTickets, { first: 500 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('the sync script pushes a platform export (the second run UNCHANGED) and reads the money back from the ledger with the platform ids', async () => {
    const admin = await app.login('admin@demo.test');
    const key = await app.gql('mutation { createApiKey(name: "Platform sync", scopes: ["sync:write", "ledger:read"]) { key } }', {}, admin);
    const client = new TicketsClient(app.url, key.data.createApiKey.key);
    const data = platformExport('px');
    data.users[0].email = 'parent@demo.test'; // the demo parent, so the test can sign in as the family
    const first = await pushExport(client, data);
    expect(Object.values(first).flat().filter((r) => r.outcome === 'FAILED')).toEqual([]);
    expect(first.sessions.map((r) => r.outcome)).toEqual(['CREATED', 'CREATED']);
    const again = await pushExport(client, data);
    expect([...again.users, ...again.sessions, ...again.invoices, ...again.attendance].map((r) => r.outcome)).toEqual(Array(8).fill('UNCHANGED'));

    const { cursor: start } = await readLedger(client);
    const family = await TicketsClient.signIn(app.url, 'parent@demo.test', 'demo1234');
    const sessionId = first.sessions[0].id!;
    const report = await family.request(ReportSupportQuestion, {
      input: { type: 'DISPUTE', category: 'QUALITY', sessionIds: [sessionId], title: 'The lesson was cut short', description: 'The tutor left after half an hour.' },
    });
    await resolveForParent(app, await app.login('coordinator@demo.test'), report.reportIssue.id);
    const { entries, cursor } = await readLedger(client, start);
    expect(entries).toContainEqual(expect.objectContaining({ kind: 'CREDIT_NOTE', invoiceExternalId: 'px-inv-11', lineExternalId: 'L1', sessionExternalId: 'px-appt-1',
      userExternalId: 'px-kid-1', amount: { amountMinor: 4500, currency: 'EUR' } }));
    expect(cursor).not.toBe(start);
    expect((await readLedger(client, cursor)).entries).toEqual([]);
  });
});
