import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { REPORT, RESOLVE, createDisputableSessions, sql } from '../support/fixtures';

const HOUR = 3_600_000;

describe('timers with an injected clock', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
  });
  afterAll(() => app.close());

  it('closes RESOLVED tickets after the window and escalates ONGOING ones past their due time, as system actions', async () => {
    const parent = await app.login('parent@demo.test');
    const coordinator = await app.login('coordinator@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 2 });
    const resolved = (await app.gql(REPORT, { input: { sessionIds: [sessionIds[0]], category: 'NO_SHOW', title: 'a', description: 'a' } }, parent)).data.reportIssue.id;
    await app.gql(RESOLVE, { input: { ticketId: resolved, outcome: 'IN_FAVOR_OF_PARENT', comment: 'ok' } }, coordinator);
    const ongoing = (await app.gql(REPORT, { input: { sessionIds: [sessionIds[1]], category: 'NO_SHOW', title: 'b', description: 'b' } }, parent)).data.reportIssue.id;

    expect(await app.services.tickets.sweepTimers(new Date(Date.now() + 71 * HOUR))).toEqual({ closed: 0, escalated: 0 });
    const status = async (id: string) => (await sql(app, 'select status from tickets where id = ?', [id]))[0].status;
    expect(await status(resolved)).toBe('RESOLVED');

    const afterWindow = await app.services.tickets.sweepTimers(new Date(Date.now() + 73 * HOUR));
    expect(afterWindow.closed).toBeGreaterThanOrEqual(1);
    expect(await status(resolved)).toBe('CLOSED');
    expect(await status(ongoing)).toBe('ONGOING');
    const [closeLog] = await sql(app, `select actor_id, from_status, to_status from issue_logs where ticket_id = ? and action = 'AUTO_CLOSED'`, [resolved]);
    expect(closeLog).toEqual({ actor_id: null, from_status: 'RESOLVED', to_status: 'CLOSED' });
    expect((await sql(app, 'select status from tutor_payouts where session_id = ?', [sessionIds[0]]))[0].status).toBe('RELEASED');

    await app.services.tickets.sweepTimers(new Date(Date.now() + 8 * 24 * HOUR));
    expect(await status(ongoing)).toBe('ESCALATED');
    const [escalateLog] = await sql(app, `select actor_id, to_status from issue_logs where ticket_id = ? and action = 'AUTO_ESCALATED'`, [ongoing]);
    expect(escalateLog).toEqual({ actor_id: null, to_status: 'ESCALATED' });
    // Running again changes nothing.
    expect(await app.services.tickets.sweepTimers(new Date(Date.now() + 9 * 24 * HOUR))).toEqual({ closed: 0, escalated: 0 });
  });
});

describe('timers as durable jobs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ AUTO_CLOSE_AFTER: '1s' });
  });
  afterAll(() => app.close());

  it('the worker closes a resolved ticket when its (short) window passes', async () => {
    const parent = await app.login('parent@demo.test');
    const coordinator = await app.login('coordinator@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const id = (await app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'a', description: 'a' } }, parent)).data.reportIssue.id;
    await app.gql(RESOLVE, { input: { ticketId: id, outcome: 'SPLIT', comment: 'ok' } }, coordinator);
    const jobs = await sql(app, `select task_identifier from graphile_worker.jobs where key = ?`, [`close:${id}`]);
    expect(jobs).toEqual([{ task_identifier: 'tickets:autoClose' }]);
    let status = 'RESOLVED';
    for (let i = 0; i < 100 && status !== 'CLOSED'; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await sql(app, 'select status from tickets where id = ?', [id]))[0].status;
    }
    expect(status).toBe('CLOSED');
  });
});
