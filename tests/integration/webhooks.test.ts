import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { reportDispute, resolveForParent } from '../support/disputes';
import { type ReceivedHook, type WebhookReceiver, startWebhookReceiver } from '../support/webhook-receiver';

const CREATE = `mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id url events active } } }`;
const COMMENT = 'mutation($id: ID!, $b: String!, $i: Boolean) { addTicketComment(ticketId: $id, body: $b, internal: $i) { id } }';
const DELIVERIES = `query($id: ID!) { webhookDeliveries(endpointId: $id, first: 50) { totalCount edges { node { id eventId eventType status attempts responseStatus lastError deliveredAt } } } }`;
const ALL_TICKET_EVENTS = ['TICKET_CREATED', 'TICKET_STATUS_CHANGED', 'TICKET_ASSIGNED', 'TICKET_COMMENTED'];

let app: TestApp;
let receiver: WebhookReceiver;
let admin: string;
let parent: string;
let coordinator: string;
let endpointId: string;

const accepted = (hooks: ReceivedHook[]) => hooks.filter((h) => h.answered < 300);
const bodyOf = (hook: ReceivedHook) => JSON.parse(hook.body);

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  app = await startTestApp({ WEBHOOK_RETRY_BASE: '50ms' });
  [admin, parent, coordinator] = await Promise.all(['admin@demo.test', 'parent@demo.test', 'coordinator@demo.test'].map((e) => app.login(e)));
  const created = await app.gql(CREATE, { input: { url: receiver.url, events: ALL_TICKET_EVENTS, description: 'partner CRM' } }, admin);
  expect(created.errors).toBeUndefined();
  endpointId = created.data.createWebhookEndpoint.endpoint.id;
  receiver.secrets = [created.data.createWebhookEndpoint.secret];
  expect(created.data.createWebhookEndpoint.secret).toMatch(/^whsec_/);
});
afterAll(async () => {
  await app?.close();
  await receiver?.close();
});

describe('webhooks', () => {
  it('delivers every event signed, once each, in order per ticket, after the receiver answered 500 twice; internal comments never leave', async () => {
    const title = `Webhook order ${Date.now()}`;
    receiver.failNext(2, (body) => body.includes(title));
    const { id } = await reportDispute(app, parent, { title });
    expect((await app.gql(COMMENT, { id, b: 'SECRET staff note about fraud', i: true }, coordinator)).errors).toBeUndefined();
    expect((await app.gql(COMMENT, { id, b: 'We are looking into it', i: false }, coordinator)).errors).toBeUndefined();
    await resolveForParent(app, coordinator, id);

    const ofTicket = (hooks: ReceivedHook[]) => accepted(hooks).filter((h) => bodyOf(h).data.ticket.id === id);
    await receiver.waitFor((hooks) => ofTicket(hooks).length >= 3, 'three accepted events of the ticket');
    const events = ofTicket(receiver.received).map(bodyOf);
    expect(events.map((e) => e.type)).toEqual(['ticket.created', 'ticket.commented', 'ticket.status_changed']);
    expect(events[1].data.change.comment).toBe('We are looking into it');
    expect(events[2].data.ticket).toMatchObject({ id, status: 'RESOLVED', previousStatus: 'ONGOING' });
    expect(new Set(events.map((e) => e.id)).size).toBe(3);

    // Every request (the refused ones too) was signed and carried its event id; the internal note never left.
    expect(receiver.received.every((h) => h.verified && h.eventId === bodyOf(h).id)).toBe(true);
    expect(receiver.received.filter((h) => h.answered === 500).map((h) => bodyOf(h).type)).toEqual(['ticket.created', 'ticket.created']);
    expect(receiver.received.some((h) => h.body.includes('SECRET staff note'))).toBe(false);

    const log = await app.gql(DELIVERIES, { id: endpointId }, admin);
    const created = log.data.webhookDeliveries.edges.map((e: any) => e.node).find((d: any) => d.eventId === events[0].id);
    expect(created).toMatchObject({ eventType: 'TICKET_CREATED', status: 'SENT', attempts: 3, responseStatus: 204, lastError: null });
  });

  it('rotation: both secrets sign for 24 hours', async () => {
    const oldSecret = receiver.secrets[0];
    const rotated = await app.gql(`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id } } }`, { id: endpointId }, admin);
    const newSecret = rotated.data.rotateWebhookSecret.secret;
    expect(newSecret).not.toBe(oldSecret);
    receiver.secrets = [newSecret];
    const { id } = await reportDispute(app, parent);
    await receiver.waitFor((hooks) => accepted(hooks).some((h) => bodyOf(h).data.ticket.id === id), 'the event after rotation');
    const hook = receiver.received.find((h) => bodyOf(h).data.ticket.id === id)!;
    expect(hook.signature.match(/v1=/g)).toHaveLength(2);
    const { verifySignature } = await import('../../server/src/webhooks/secrets');
    expect(verifySignature(hook.signature, hook.body, oldSecret)).toBe(true);
    expect(verifySignature(hook.signature, hook.body, newSecret)).toBe(true);
    expect(verifySignature(hook.signature, `${hook.body} `, newSecret)).toBe(false);
  });

  it('redelivers an event on request, and only admins manage endpoints', async () => {
    const log = await app.gql(DELIVERIES, { id: endpointId }, admin);
    const sent = log.data.webhookDeliveries.edges[0].node;
    const before = receiver.received.filter((h) => h.eventId === sent.eventId).length;
    const again = await app.gql(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id status eventId } }`, { id: sent.id }, admin);
    expect(again.data.redeliverWebhook).toMatchObject({ status: 'PENDING', eventId: sent.eventId });
    await receiver.waitFor((hooks) => hooks.filter((h) => h.eventId === sent.eventId).length === before + 1, 'the redelivery');

    expect(errorCode(await app.gql(CREATE, { input: { url: receiver.url, events: ['TICKET_CREATED'] } }, coordinator))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql('{ webhookEndpoints { id } }', {}, parent))).toBe('FORBIDDEN');
    const bad = await app.gql(CREATE, { input: { url: 'ftp://example.com/x', events: ['TICKET_CREATED'] } }, admin);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    const none = await app.gql(CREATE, { input: { url: receiver.url, events: [] } }, admin);
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
  });
});
