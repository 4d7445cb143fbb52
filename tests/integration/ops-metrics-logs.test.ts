import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppOrm } from '../../server/src/app/database';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/src/seed/demo-accounts';
import { createTestDatabase } from '../support/database';
import { bearer, jsonLines, loginAt, metricValue, post, scrape } from '../support/ops';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { openSessionOf } from '../support/ticket-changes';
import { type WsClient, connectWs, subscribe } from '../support/ws';

/** The real server in its own process: what an operator scrapes and reads after real traffic. */
const METRICS_TOKEN = 'metrics-token-for-the-ops-test';
let server: ServerProcess;
let orm: MikroORM;
const sockets: WsClient[] = [];

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  orm = await openAppOrm(databaseUrl);
  server = await startServerProcess(databaseUrl, { METRICS_TOKEN, RUN_WORKER: 'true', LOG_LEVEL: 'info' });
}, 120_000);
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close()));
  await server?.stop();
  await orm?.close();
});

const secrets: string[] = [DEMO_PASSWORD, METRICS_TOKEN, ...DEMO_ACCOUNTS.map((a) => a.email)];

describe('operations: metrics, readiness and logs of a real process', () => {
  it('answers /readyz once migrated and listening, and /metrics only with the token', async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: bearer('wrong') })).status).toBe(401);
    const text = await scrape(server.url, METRICS_TOKEN);
    for (const family of [
      'tickets_graphql_operation_duration_seconds', 'tickets_graphql_errors_total', 'tickets_websocket_connections',
      'tickets_subscriptions', 'tickets_live_event_delivery_seconds', 'tickets_outbox_messages', 'tickets_job_queue_pending',
      'tickets_webhook_endpoints_failing', 'tickets_sync_items_total', 'tickets_automation_runs_total', 'tickets_process_resident_memory_bytes',
    ]) {
      expect(text, family).toContain(`# TYPE ${family} `);
    }
  });

  it('moves the metrics with real traffic and logs one redacted line per request', async () => {
    const before = await scrape(server.url, METRICS_TOKEN);
    const [parent, coordinator, admin] = await Promise.all(['parent@demo.test', 'coordinator@demo.test', 'admin@demo.test'].map((e) => loginAt(server.url, e)));
    secrets.push(parent, coordinator, admin);
    const created = await post(server.url, 'mutation NewKey($n: String!, $s: [String!]!) { createApiKey(name: $n, scopes: $s) { key } }', { n: 'Ops test', s: ['read'] }, bearer(admin));
    const apiKey = created.body.data.createApiKey.key as string;
    secrets.push(apiKey);
    expect((await post(server.url, 'query WithKey { tickets(first: 1) { totalCount } }', {}, bearer(apiKey))).body.errors).toBeUndefined();

    // Live: a coordinator's board over WebSocket; the report below reaches it.
    const socket = connectWs(server.url, coordinator);
    sockets.push(socket);
    const live = await subscribe(socket, 'subscription Board { ticketChanged { sequence kind } }');
    const during = await scrape(server.url, METRICS_TOKEN);
    expect(metricValue(during, 'tickets_websocket_connections')).toBe(1);
    expect(metricValue(during, 'tickets_subscriptions')).toBeGreaterThanOrEqual(1);

    const body = 'Secret lesson notes that must never reach a log line';
    secrets.push(body);
    const sessionId = await openSessionOf({ orm }, 'mia@demo.test');
    const report = await post(
      server.url,
      'mutation ReportIssue($input: ReportIssueInput!) { reportIssue(input: $input) { id } }',
      { input: { sessionIds: [sessionId], category: 'NO_SHOW', title: 'Ops test report', description: body, idempotencyKey: 'ops-test-1' } },
      { ...bearer(parent), 'x-request-id': 'ops-test-request-1' },
    );
    expect(report.body.errors).toBeUndefined();
    expect(report.headers.get('x-request-id')).toBe('ops-test-request-1');
    const ticketId = report.body.data.reportIssue.id as string;
    await live.waitFor(1);
    await post(server.url, 'mutation Comment($id: ID!, $b: String!) { addTicketComment(ticketId: $id, body: $b) { id } }', { id: ticketId, b: body }, bearer(coordinator));
    await live.waitFor(2);
    // Refusals: a wrong password, a query that does not parse, an anonymous operation without a token.
    await post(server.url, 'mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: 'parent@demo.test', p: 'not-the-password' });
    await post(server.url, '{ tickets(first: 1) { totalCount }');
    const anonymous = await post(server.url, '{ me { id email } }');
    expect(anonymous.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await post(server.url, '{ me { id } }', {}, { 'x-request-id': 'bad id with spaces' });

    const after = await scrape(server.url, METRICS_TOKEN);
    const count = (text: string, labels: Record<string, string>) => metricValue(text, 'tickets_graphql_operation_duration_seconds_count', labels) || 0;
    expect(count(after, { operation: 'ReportIssue', type: 'mutation' })).toBe(count(before, { operation: 'ReportIssue', type: 'mutation' }) + 1);
    expect(count(after, { operation: 'Login', type: 'mutation' })).toBeGreaterThanOrEqual(4);
    expect(count(after, { operation: 'anonymous', type: 'query' })).toBeGreaterThanOrEqual(2);
    expect(count(after, { operation: 'unknown', type: 'unknown' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(after, 'tickets_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(after, 'tickets_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(after, 'tickets_live_event_delivery_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(metricValue(after, 'tickets_outbox_messages', { status: 'PENDING' }) + metricValue(after, 'tickets_outbox_messages', { status: 'SENT' })).toBeGreaterThan(0);
    expect(metricValue(after, 'tickets_job_queue_pending')).toBeGreaterThanOrEqual(0);
    // No label carries an id, an address or free text.
    expect(after).not.toContain(ticketId);
    expect(after).not.toContain('@demo.test');

    // The worker runs the notification jobs the report queued: a line per job.
    const deadline = Date.now() + 30_000;
    while (!jsonLines(server.output).some((l) => l.msg === 'job') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));

    const lines = jsonLines(server.output);
    const reportLine = lines.find((l) => l.reqId === 'ops-test-request-1');
    expect(reportLine).toMatchObject({ level: 'info', msg: 'request', operationName: 'ReportIssue', status: 200, method: 'POST', path: '/graphql' });
    expect(typeof reportLine!.userId).toBe('string');
    expect(typeof reportLine!.durationMs).toBe('number');
    expect(lines.find((l) => l.msg === 'request' && l.operationName === 'Login' && l.errorCode === 'UNAUTHENTICATED')).toBeTruthy();
    expect(lines.some((l) => l.reqId === 'bad id with spaces')).toBe(false);
    expect(lines.find((l) => l.msg === 'job')).toMatchObject({ component: 'jobs', task: expect.any(String), durationMs: expect.any(Number) });
    expect(lines.every((l) => typeof l.time === 'string' && typeof l.level === 'string')).toBe(true);
  }, 120_000);

  it('never writes a password, token, API key, e-mail address or message body to the log', async () => {
    // Everything the process printed so far: boot, the scenario above, the jobs it ran.
    const log = server.output.join('');
    expect(log.length).toBeGreaterThan(1000);
    for (const secret of secrets) expect(log, `the log contains ${secret.slice(0, 12)}…`).not.toContain(secret);
    expect(log).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);
    expect(log).not.toMatch(/\beyJ[A-Za-z0-9_-]{10,}\./);
    expect(log).not.toContain('pk_');
  });
});
