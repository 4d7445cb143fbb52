import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { REPORT, RESOLVE, createDisputableSessions, sql } from '../support/fixtures';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/** Crashes and instances on loopback: real server processes on this file's database. */
let app: TestApp;
const processes: ServerProcess[] = [];
/** Two serve-only instances (RUN_WORKER=false), started once for the whole file. */
let a: ServerProcess;
let b: ServerProcess;
beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
  [a, b] = await Promise.all([serverProcess(), serverProcess()]);
}, 180_000);
afterAll(async () => {
  for (const p of processes) await p.stop();
  await app.close();
});

async function serverProcess(env: Record<string, string> = {}, entry?: string) {
  const started = await startServerProcess(app.databaseUrl, env, entry);
  processes.push(started);
  return started;
}

async function call(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

describe('instances', () => {
  it('share the login limit: ten failures spread over two instances lock the email on both', async () => {
    const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
    for (let i = 0; i < 10; i += 1) {
      const result = await call(i % 2 ? a.url : b.url, LOGIN, { e: 'tutor2@demo.test', p: `wrong-${i}` });
      expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    for (const server of [a, b]) {
      const limited = await call(server.url, LOGIN, { e: 'tutor2@demo.test', p: 'demo1234' });
      expect(limited.errors?.[0].extensions.code).toBe('RATE_LIMITED');
      expect(limited.errors?.[0].extensions.retryAfter).toBeGreaterThan(0);
    }
    await b.stop();
  });

  it('serve-only instances leave jobs to the worker process, which delivers them', async () => {
    const server = a;
    const parent = (await call(server.url, 'mutation { login(email: "parent@demo.test", password: "demo1234") { token } }', {})).data.login.token;
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor2@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const reported = await call(server.url, REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'Worker test', description: 'x' } }, parent);
    expect(reported.errors).toBeUndefined();
    const ticketId = reported.data.reportIssue.id;
    const pending = () => sql(app, "select count(*)::int as n from outbox_messages where ticket_id = ? and status = 'PENDING'", [ticketId]);
    expect((await pending())[0].n).toBeGreaterThan(0);
    await serverProcess({}, 'server/src/app/worker.ts');
    const deadline = Date.now() + 30_000;
    while ((await pending())[0].n > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect((await pending())[0].n).toBe(0);
  }, 120_000);
});

describe('SIGKILL during 200 concurrent reportIssue and resolveTicket calls', () => {
  it('keeps every acknowledged change, no half-made ticket, logs and outbox rows for every status change, no credit twice', async () => {
    const server = a;
    const login = async (email: string) => (await call(server.url, `mutation { login(email: "${email}", password: "demo1234") { token } }`, {})).data.login.token as string;
    const [parent, coordinator] = [await login('parent@demo.test'), await login('coordinator@demo.test')];
    const [action] = await sql(app, "select id from resolution_actions where category = 'BILLING' and effect = 'FULL_CREDIT' limit 1");
    // 50 open tickets to resolve, 150 fresh sessions to report on.
    const { sessionIds: resolvable } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 50 });
    const toResolve: string[] = await Promise.all(resolvable.map(async (sessionId) =>
      (await call(server.url, REPORT, { input: { sessionIds: [sessionId], category: 'BILLING', title: 'Billed twice', description: 'x' } }, parent)).data.reportIssue.id));
    const { sessionIds: fresh } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 150 });
    const reportInput = (sessionId: string, i: number) => ({ sessionIds: [sessionId], category: 'BILLING', title: `Crash ${i}`, description: 'x', idempotencyKey: `crash-${i}` });
    const resolveInput = (ticketId: string) => ({ ticketId, actionId: action.id, comment: 'Credited in full' });

    const acknowledged = { reports: new Map<number, string>(), resolves: new Set<string>() };
    let answered = 0;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      server.child.kill('SIGKILL');
    };
    // Interleaved: three reports, then one resolution, and so on.
    const reportCalls = fresh.map((sessionId, i) => () => call(server.url, REPORT, { input: reportInput(sessionId, i) }, parent).then((r) => {
      if (r.data?.reportIssue) acknowledged.reports.set(i, r.data.reportIssue.id);
    }));
    const resolveCalls = toResolve.map((ticketId) => () => call(server.url, RESOLVE, { input: resolveInput(ticketId) }, coordinator).then((r) => {
      if (r.data?.resolveTicket) acknowledged.resolves.add(ticketId);
    }));
    const calls = [
      ...resolveCalls.flatMap((resolveCall, i) => [...reportCalls.slice(i * 3, i * 3 + 3), resolveCall].map((start) => start())),
    ].map((p) => p.catch(() => undefined).finally(() => {
      answered += 1;
      if (answered >= 60) kill();
    }));
    await Promise.all(calls);
    kill();
    expect(answered).toBe(200);
    const acknowledgedCount = acknowledged.reports.size + acknowledged.resolves.size;
    console.log(`crash test: ${acknowledged.reports.size} reports and ${acknowledged.resolves.size} resolutions acknowledged before SIGKILL, ${200 - acknowledgedCount} lost in flight`);
    expect(acknowledgedCount).toBeGreaterThan(0);
    expect(acknowledgedCount).toBeLessThan(200);

    const restarted = await serverProcess();
    // Every acknowledged change is there.
    for (const [i, ticketId] of acknowledged.reports) {
      const [row] = await sql(app, 'select idempotency_key from tickets where id = ?', [ticketId]);
      expect(row?.idempotency_key).toBe(`crash-${i}`);
    }
    for (const ticketId of acknowledged.resolves) {
      expect((await sql(app, 'select status from tickets where id = ?', [ticketId]))[0].status).toBe('RESOLVED');
    }
    // Clients retry what was not acknowledged: the same key gives one ticket, a resolved ticket resolves no twice.
    const token = (await call(restarted.url, 'mutation { login(email: "parent@demo.test", password: "demo1234") { token } }', {})).data.login.token;
    for (let batch = 0; batch < fresh.length; batch += 25) {
      await Promise.all(fresh.slice(batch, batch + 25).map(async (sessionId, j) => {
        const i = batch + j;
        const retried = await call(restarted.url, REPORT, { input: reportInput(sessionId, i) }, token);
        expect(retried.errors).toBeUndefined();
        if (acknowledged.reports.has(i)) expect(retried.data.reportIssue.id).toBe(acknowledged.reports.get(i));
      }));
    }
    const ids = [...toResolve, ...(await sql(app, "select id from tickets where idempotency_key like 'crash-%'")).map((r) => r.id)];
    expect((await sql(app, "select count(*)::int as n from tickets where idempotency_key like 'crash-%'"))[0].n).toBe(150);
    // No half-made ticket: each has its session, its CREATED log and event.
    const broken = await sql(app, `select t.id from tickets t where t.id in (?) and (
        not exists (select 1 from ticket_sessions s where s.ticket_id = t.id)
        or not exists (select 1 from issue_logs l where l.ticket_id = t.id)
        or not exists (select 1 from ticket_events e where e.ticket_id = t.id and e.kind = 'CREATED'))`, [ids]);
    expect(broken).toEqual([]);
    // Every status change has its log, its event and its outbox rows.
    const resolved = (await sql(app, "select id from tickets where id in (?) and status = 'RESOLVED'", [toResolve])).map((r) => r.id);
    expect(resolved.length).toBeGreaterThanOrEqual(acknowledged.resolves.size);
    expect(resolved.length).toBeGreaterThan(0);
    const missing = await sql(app, `select t.id from tickets t where t.id in (?) and (
        (select count(*) from issue_logs l where l.ticket_id = t.id and l.to_status = 'RESOLVED') <> 1
        or not exists (select 1 from ticket_events e where e.ticket_id = t.id and e.kind = 'STATUS_CHANGED' and e.previous_status = 'ONGOING')
        or not exists (select 1 from outbox_messages o where o.ticket_id = t.id and o.event like '%resolved%'))`, [resolved]);
    expect(missing).toEqual([]);
    // No credit applied twice: one credit note per resolved ticket, lines never credited beyond their amount.
    const notes = await sql(app, 'select ticket_id, count(*)::int as n from credit_notes where ticket_id in (?) group by ticket_id', [toResolve]);
    expect(notes.every((n) => n.n === 1)).toBe(true);
    expect(notes.length).toBe(resolved.length);
    expect((await sql(app, 'select count(*)::int as n from invoice_lines where credited_minor > amount_minor'))[0].n).toBe(0);
    await restarted.stop();
  }, 240_000);
});
