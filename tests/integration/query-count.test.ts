import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  // No background worker: its queries would be counted with the request's.
  app = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(() => app.close());

const PAGE = `query($first: Int) {
  sessions(first: $first) { totalCount edges { node { id tutor { name } learners { name } endedBy { name } attendance { user { name } joinedAt } } } }
}`;
const INVOICES = `query($first: Int) {
  invoices(first: $first) { edges { node { number billedTo { name } total { amountMinor } credited { amountMinor } balance { amountMinor }
    lines { description amount { amountMinor } session { subject tutor { name } } } creditNotes { number } } } }
}`;

const BOARD = `query($first: Int) {
  tickets(first: $first) { edges { node { id number status reporter { name } tutor { name } viewerCan { resolve accept escalate assign comment commentInternal attachEvidence merge split rate } } } }
}`;

async function countQueries(query: string, first: number, token: string): Promise<number> {
  const before = app.queries.length;
  const result = await app.gql(query, { first }, token);
  expect(result.errors).toBeUndefined();
  return app.queries.slice(before).filter((q) => /\b(select|insert|update|delete)\b/i.test(q)).length;
}

describe('no N+1', () => {
  it('a page of 50 sessions with tutor and learners costs the same few queries as a page of 2', async () => {
    const token = await app.login('coordinator@demo.test');
    const small = await countQueries(PAGE, 2, token);
    const large = await countQueries(PAGE, 50, token);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(6);
  });

  it('a page of invoices with lines, sessions and credit notes is constant too', async () => {
    const token = await app.login('admin@demo.test');
    const small = await countQueries(INVOICES, 1, token);
    const large = await countQueries(INVOICES, 20, token);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(9);
  });

  it("a board page with every ticket's capabilities is constant too", async () => {
    for (const email of ['coordinator@demo.test', 'parent@demo.test', 'tutor2@demo.test']) {
      const token = await app.login(email);
      const small = await countQueries(BOARD, 1, token);
      const large = await countQueries(BOARD, 50, token);
      expect(large).toBe(small);
      expect(large).toBeLessThanOrEqual(5);
    }
  });
});
