import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, describe, expect, it } from 'vitest';
import { haproxyConfig } from '../../deploy/haproxy';
import { openAppOrm } from '../../server/src/app/database';
import type { TestApp } from '../support/app';
import { createTestDatabase } from '../support/database';
import { createDisputableSessions } from '../support/fixtures';
import { type LiveTracker, trackLiveEvents } from '../support/live-tracker';
import { bearer, loginAt, metricValue, post, scrape } from '../support/ops';
import { type ServerProcess, startServerProcess } from '../support/server-process';

const INSTANCES = 3;
const SUBSCRIBERS = 10;
const LOAD_LOOPS = 4;
const SESSIONS = 400;
const ENV = { RUN_WORKER: 'false', SHUTDOWN_DELAY: '1s', WS_CONNECTIONS_PER_MINUTE: '10000', TRUST_PROXY: 'false' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let orm: MikroORM;
let haproxy: ChildProcess | undefined;
const processes: ServerProcess[] = [];
const trackers: LiveTracker[] = [];
afterAll(async () => {
  await Promise.all(trackers.map((t) => t.close().catch(() => undefined)));
  await Promise.all(processes.map((p) => p.stop()));
  haproxy?.kill('SIGTERM');
  await orm?.close();
});

describe('a rolling restart behind HAProxy', () => {
  it('loses nothing under load: every report answered once, every subscriber gets every event once', async () => {
    const databaseUrl = await createTestDatabase();
    orm = await openAppOrm(databaseUrl);
    const { sessionIds } = await createDisputableSessions({ orm } as TestApp, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: SESSIONS });
    const ports = await Promise.all(Array.from({ length: INSTANCES }, freePort));
    const proxyPort = await freePort();
    const instances = await Promise.all(ports.map((port) => startServerProcess(databaseUrl, { ...ENV, PORT: String(port) })));
    processes.push(...instances, await startServerProcess(databaseUrl, { SEED_ON_EMPTY: 'false' }, 'server/src/app/worker.ts'));

    const configFile = path.join(mkdtempSync(path.join(tmpdir(), 'tickets-haproxy-')), 'haproxy.cfg');
    writeFileSync(configFile, haproxyConfig({ bind: `127.0.0.1:${proxyPort}`, servers: ports.map((port, i) => ({ name: `api${i + 1}`, address: `127.0.0.1:${port}` })), checkIntervalMs: 300 }));
    const proxyOutput: string[] = [];
    haproxy = spawn(process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy', ['-db', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    haproxy.stdout!.on('data', (d) => proxyOutput.push(String(d)));
    haproxy.stderr!.on('data', (d) => proxyOutput.push(String(d)));
    const url = `http://127.0.0.1:${proxyPort}`;
    for (let i = 0; !(await fetch(`${url}/readyz`).then((r) => r.ok, () => false)); i += 1) {
      if (i > 100) throw new Error(`HAProxy did not come up:\n${proxyOutput.join('')}`);
      await sleep(100);
    }
    await sleep(1_000); // every instance's first checks passed

    const [parent, coordinator] = [await loginAt(url, 'parent@demo.test'), await loginAt(url, 'coordinator@demo.test')];
    const [{ start }] = await orm.em.fork().getConnection().execute('select coalesce(max(sequence), 0)::int as start from ticket_events');
    trackers.push(...Array.from({ length: SUBSCRIBERS }, () => trackLiveEvents(url, coordinator, start)));
    await sleep(1_000);

    // The load: reports, each with its idempotency key, retried on anything but an answer.
    const figures = { requests: 0, retries: 0, answered: 0 };
    let next = 0;
    let loading = true;
    const report = async (index: number) => {
      for (let attempt = 0; ; attempt += 1) {
        figures.requests += 1;
        if (attempt) figures.retries += 1;
        const answer = await post(url, 'mutation Report($input: ReportIssueInput!) { reportIssue(input: $input) { id } }', {
          input: { sessionIds: [sessionIds[index]], category: 'NO_SHOW', title: `Rolling ${index}`, description: 'Under load', idempotencyKey: `rolling-${index}` },
        }, bearer(parent)).catch(() => null);
        if (answer?.status === 200 && answer.body.data?.reportIssue?.id) return answer.body.data.reportIssue.id as string;
        if (answer?.body?.errors && answer.status === 200) throw new Error(`refused: ${JSON.stringify(answer.body.errors)}`);
        if (attempt > 30) throw new Error(`report ${index} never answered`);
        await sleep(100);
      }
    };
    const loops = Array.from({ length: LOAD_LOOPS }, async () => {
      while (loading && next < sessionIds.length) {
        await report((next += 1) - 1);
        figures.answered += 1;
        await sleep(150);
      }
    });

    // Each instance in turn: SIGTERM, wait for exit 0, start again on its port, wait until HAProxy has it back.
    const exits: Array<number | null> = [];
    for (let i = 0; i < INSTANCES; i += 1) {
      await sleep(1_500);
      const old = processes[i];
      old.child.kill('SIGTERM');
      exits.push((await old.exited).code);
      processes[i] = await startServerProcess(databaseUrl, { ...ENV, PORT: String(ports[i]) });
      await sleep(1_000);
    }
    await sleep(1_500);
    loading = false;
    await Promise.all(loops);

    // Every event committed since the start, from the table; wait (bounded) for the subscribers.
    const expected: number[] = (await orm.em.fork().getConnection().execute('select sequence from ticket_events where sequence > ? order by sequence', [start])).map((r) => Number(r.sequence));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && trackers.some((t) => t.applied.length < expected.length)) await sleep(250);
    const lost = trackers.map((t) => expected.filter((s: number) => !t.applied.includes(s)).length);
    const duplicates = trackers.map((t) => t.applied.length - new Set(t.applied).size);
    const delivered = trackers.reduce((sum, t) => sum + t.applied.length, 0);
    const tickets: Array<{ title: string; n: number }> = await orm.em.fork().getConnection().execute(`select title, count(*)::int as n from tickets where title like 'Rolling %' group by title`);

    const metrics = await scrape(`http://127.0.0.1:${ports[0]}`);
    console.log(
      [
        `rolling restart of ${INSTANCES} instances behind HAProxy: exits ${exits.join(', ')}`,
        `  requests ${figures.requests}, retries ${figures.retries}, reports answered ${figures.answered}, tickets ${tickets.length} (each once: ${tickets.every((t: { n: number }) => t.n === 1)})`,
        `  events ${expected.length} x ${SUBSCRIBERS} subscribers: delivered ${delivered} (${trackers.reduce((s, t) => s + t.caughtUp, 0)} by catch-up after ${trackers.reduce((s, t) => s + t.reconnects, 0)} reconnects), duplicates ${duplicates.reduce((a, b) => a + b, 0)}, lost ${lost.reduce((a, b) => a + b, 0)}, sent twice and ignored ${trackers.reduce((s, t) => s + t.redelivered, 0)}`,
        `  close codes seen: ${[...new Set(trackers.flatMap((t) => t.closeCodes))].join(', ')}`,
        '  /metrics of the restarted api1:',
        ...metrics.split('\n').filter((l) => /^tickets_(graphql_operation_duration_seconds_count|graphql_errors_total|websocket_connections|subscriptions|live_event_delivery_seconds_count|outbox_messages|job_queue_pending|webhook_endpoints_failing) /.test(l.replace(/\{.*\}/, ' ').replace(/\s+/, ' '))).map((l) => `    ${l}`),
      ].join('\n'),
    );

    expect(exits).toEqual(Array.from({ length: INSTANCES }, () => 0));
    expect(figures.answered).toBeGreaterThan(20);
    expect(tickets.length).toBe(figures.answered);
    expect(tickets.every((t: { n: number }) => t.n === 1)).toBe(true);
    expect(expected.length).toBeGreaterThanOrEqual(figures.answered);
    expect(lost).toEqual(trackers.map(() => 0));
    expect(duplicates).toEqual(trackers.map(() => 0));
    expect(trackers.every((t) => t.reconnects >= 1 && t.closeCodes.includes(1001))).toBe(true);
    expect(metricValue(metrics, 'tickets_websocket_connections')).toBeGreaterThanOrEqual(0);
  }, 400_000);
});
