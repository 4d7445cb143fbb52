import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { REPORT, RESOLVE, createDisputableSessions, sql } from '../support/fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(() => app.close());

describe('races', () => {
  it('20 concurrent resolveTicket on one ticket: exactly one wins and money moves once', async () => {
    const parent = await app.login('parent@demo.test');
    const coordinator = await app.login('coordinator@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const ticketId = (await app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'No show', description: 'x' } }, parent)).data.reportIssue.id;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => app.gql(RESOLVE, { input: { ticketId, outcome: 'IN_FAVOR_OF_PARENT', comment: 'Full credit' } }, coordinator)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(19);
    expect((await sql(app, 'select count(*)::int as n from credit_notes where ticket_id = ?', [ticketId]))[0].n).toBe(1);
    expect((await sql(app, 'select count(*)::int as n from ticket_adjustments where ticket_id = ?', [ticketId]))[0].n).toBe(1);
    expect((await sql(app, `select count(*)::int as n from issue_logs where ticket_id = ? and action = 'RESOLVED'`, [ticketId]))[0].n).toBe(1);
  });

  it('20 concurrent reportIssue with one key give one ticket', async () => {
    const parent = await app.login('parent@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'noah@demo.test', billedTo: 'parent@demo.test', invoiced: 2 });
    const input = { sessionIds, category: 'DURATION', title: 'Short', description: 'Too short', idempotencyKey: 'same-key-race' };
    const results = await Promise.all(Array.from({ length: 20 }, () => app.gql(REPORT, { input }, parent)));
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(new Set(results.map((r) => r.data.reportIssue.id)).size).toBe(1);
    expect((await sql(app, `select count(*)::int as n from tickets where idempotency_key = 'same-key-race'`))[0].n).toBe(1);
  });

  it('concurrent disputes on one session without a key: one ticket, the others CONFLICT', async () => {
    const parent = await app.login('parent@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: `No show ${i}`, description: 'x' } }, parent)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(9);
  });
});
