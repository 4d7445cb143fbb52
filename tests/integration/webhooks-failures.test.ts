import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { drainWebhookDeliveries, fanOutWebhookEvent } from '../../server/src/webhooks/delivery';
import { isPrivateAddress } from '../../server/src/webhooks/url-guard';
import { type TestApp, startTestApp } from '../support/app';
import { reportDispute } from '../support/disputes';
import { sql } from '../support/fixtures';
import { startWebhookReceiver } from '../support/webhook-receiver';

const CREATE = `mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id url } } }`;
const ENDPOINTS = '{ webhookEndpoints { id active failingSince disabledAt lastFailureAt lastSuccessAt } }';
const DAY = 86_400_000;

describe('an endpoint that stays down (the worker is off: the test runs the due attempts with its own clock)', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false', WEBHOOK_RETRY_BASE: '1m' });
    admin = await app.login('admin@demo.test');
  });
  afterAll(async () => app?.close());

  it('retries with backoff, goes failing, is switched off after 3 days, and its owner is told', async () => {
    // A port that answered once and is closed now: connection refused on every attempt.
    const gone = await startWebhookReceiver();
    await gone.close();
    const created = await app.gql(CREATE, { input: { url: gone.url, events: ['TICKET_CREATED'] } }, admin);
    const endpointId = created.data.createWebhookEndpoint.endpoint.id;
    const parent = await app.login('parent@demo.test');
    const { id } = await reportDispute(app, parent);
    const [event] = await sql(app, `select id, order_key from webhook_events where order_key = ?`, [`ticket:${id}`]);
    const em = app.orm.em as EntityManager;
    const config = app.services.config;
    expect(await fanOutWebhookEvent(em, event.id)).toBe(1);

    const t0 = new Date();
    const first = await drainWebhookDeliveries(config, em, endpointId, event.order_key, t0);
    expect(first).toMatchObject({ sent: 0, failed: 1, disabled: false });
    expect(first.waitingUntil!.getTime() - t0.getTime()).toBe(60_000);
    // Not due yet: nothing is attempted.
    expect(await drainWebhookDeliveries(config, em, endpointId, event.order_key, new Date(t0.getTime() + 30_000))).toMatchObject({ failed: 0 });
    const second = await drainWebhookDeliveries(config, em, endpointId, event.order_key, new Date(t0.getTime() + 60_000));
    expect(second.waitingUntil!.getTime() - t0.getTime()).toBe(60_000 + 120_000);

    const failing = (await app.gql(ENDPOINTS, {}, admin)).data.webhookEndpoints.find((e: any) => e.id === endpointId);
    expect(failing).toMatchObject({ active: true, failingSince: t0.toISOString(), lastSuccessAt: null });

    // Still retried a day later (at least 24 hours of attempts) ...
    expect(await drainWebhookDeliveries(config, em, endpointId, event.order_key, new Date(t0.getTime() + DAY))).toMatchObject({ failed: 1, disabled: false });
    // ... and switched off once it has failed for 3 days.
    expect(await drainWebhookDeliveries(config, em, endpointId, event.order_key, new Date(t0.getTime() + 3 * DAY))).toMatchObject({ failed: 1, disabled: true });
    const off = (await app.gql(ENDPOINTS, {}, admin)).data.webhookEndpoints.find((e: any) => e.id === endpointId);
    expect(off).toMatchObject({ active: false, disabledAt: new Date(t0.getTime() + 3 * DAY).toISOString() });
    const [delivery] = await sql(app, 'select status, attempts, last_error from webhook_deliveries where endpoint_id = ?', [endpointId]);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 4 });
    expect(delivery.last_error).toMatch(/ECONNREFUSED/);

    const told = await app.gql('{ notifications(first: 5) { edges { node { title body ticket { id } } } } }', {}, admin);
    expect(told.data.notifications.edges[0].node).toMatchObject({ title: 'Webhook endpoint switched off', ticket: null });
    expect(told.data.notifications.edges[0].node.body).toContain(gone.url);
  });
});

describe('webhook URLs in production', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production' });
    admin = await app.login('admin@demo.test');
  });
  afterAll(async () => app?.close());

  it.each([
    'https://127.0.0.1/hooks', 'https://localhost/hooks', 'https://10.1.2.3/hooks', 'https://192.168.0.10/hooks',
    'https://169.254.169.254/latest/meta-data', 'https://[::1]/hooks', 'https://[::ffff:127.0.0.1]/hooks', 'https://0.0.0.0/hooks',
  ])('refuses %s (a loopback or private address)', async (url) => {
    const result = await app.gql(CREATE, { input: { url, events: ['TICKET_CREATED'] } }, admin);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(result.errors?.[0].message).toMatch(/private|loopback/);
    expect((await sql(app, 'select count(*)::int as n from webhook_endpoints'))[0].n).toBe(0);
  });

  it('requires https', async () => {
    const result = await app.gql(CREATE, { input: { url: 'http://partner.example.com/hooks', events: ['TICKET_CREATED'] } }, admin);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(result.errors?.[0].message).toMatch(/https/);
  });

  it('checks at send time too: a stored URL that now resolves to loopback is not contacted', async () => {
    const { postWebhook } = await import('../../server/src/webhooks/send');
    const result = await postWebhook(loadConfig({ NODE_ENV: 'production' }), 'https://localhost:1/hooks', '{}', {});
    expect(result).toMatchObject({ ok: false, status: null });
    expect(result.error).toMatch(/private|loopback/);
  });

  it('knows private addresses', () => {
    expect(['8.8.8.8', '2606:4700::1111', '172.32.0.1'].map(isPrivateAddress)).toEqual([false, false, false]);
    expect(['172.16.5.4', 'fd00::1', 'fe80::1', '100.64.1.1', '::ffff:10.0.0.1'].map(isPrivateAddress)).toEqual([true, true, true, true, true]);
  });
});
