import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../../server/src/db/database';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../server/src/db/embedded-postgres';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * PostgreSQL restarted under load. This file has its own PostgreSQL server (the shared one serves
 * every other test file), on a fixed port so the restarted one is at the same address.
 */
let pg: EmbeddedPostgres;
let port: number;
let dataDir: string;
let server: ServerProcess;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'tickets-pg-restart-'));
  port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  pg = await startEmbeddedPostgres({ dataDir, port });
  const databaseUrl = await ensureDatabase(pg.url, 'tickets');
  server = await startServerProcess(databaseUrl, { SEED_ON_EMPTY: 'true' });
}, 240_000);
afterAll(async () => {
  await server?.stop();
  await pg?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const health = () => fetch(`${server.url}/healthz`).then((r) => r.status, () => 0);
const TICKETS = '{ tickets(first: 5) { totalCount } }';

async function query(token: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: TICKETS }),
  });
  return { status: response.status, text: await response.text() };
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('PostgreSQL restarted under load', () => {
  it('reports unhealthy while it is down, then healthy, and the same process serves again by itself', async () => {
    const login = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(email: "coordinator@demo.test", password: "demo1234") { token } }' }),
    });
    const token = ((await login.json()) as any).data.login.token as string;
    expect(await health()).toBe(200);

    // Load: four clients querying in a loop until told to stop.
    let running = true;
    const answers: Array<{ status: number; text: string }> = [];
    const clients = Array.from({ length: 4 }, async () => {
      while (running) answers.push(await query(token).catch((error) => ({ status: 0, text: String(error) })));
    });
    await until(async () => answers.length >= 20, 'load before the outage');

    await pg.stop();
    await until(async () => (await health()) === 503, '/healthz to report the outage');
    const duringOutage = answers.length;
    await until(async () => answers.length >= duringOutage + 8, 'answers during the outage');

    pg = await startEmbeddedPostgres({ dataDir, port });
    await until(async () => (await health()) === 200, '/healthz to recover', 90_000);
    await until(async () => (await query(token)).status === 200, 'queries to succeed again', 90_000);
    running = false;
    await Promise.all(clients);

    expect(server.child.exitCode).toBeNull();
    const outage = answers.slice(duringOutage);
    // During the outage: a clean error, no stack or SQL; after it: answers again.
    for (const answer of outage) {
      expect(answer.status).not.toBe(0);
      expect(answer.text).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|ECONNREFUSED|select /i);
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(20);
    const after = await query(token);
    expect(JSON.parse(after.text).data.tickets.totalCount).toBeGreaterThan(0);
  }, 240_000);
});
