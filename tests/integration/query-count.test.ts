import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_COLUMN, BOARD_COLUMNS, boardVariables } from '../../bench/documents';
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

const PAYOUTS = `query($first: Int) {
  payouts(first: $first) { totalCount summary { status count net { amountMinor } }
    edges { node { id status amount { amountMinor } net { amountMinor } session { subject } tutor { name }
      heldBy { number } deductionLines { kind amount { amountMinor } ticket { number } otherPayout { id } } } } }
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

// The query log may be coloured ("\x1b[39mselect"), where the check above finds no word boundary.
const ESCAPES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** SQL statements of one request, the log's colours stripped. */
async function statementsOf(query: string, variables: Record<string, unknown>, token: string): Promise<number> {
  // The cards' viewers come from a presence snapshot up to a second old: read it afresh every time.
  app.services.presence.forgetSnapshot();
  const before = app.queries.length;
  const result = await app.gql(query, variables, token);
  expect(result.errors).toBeUndefined();
  return app.queries.slice(before).filter((q) => /\b(select|insert|update|delete)\b/i.test(q.replace(ESCAPES, ''))).length;
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

  it('a page of payouts with sessions, tutors, holding tickets and deduction lines is constant too', async () => {
    const token = await app.login('admin@demo.test');
    const small = await countQueries(PAYOUTS, 2, token);
    const large = await countQueries(PAYOUTS, 60, token);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(10);
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

describe("the dashboard's board", () => {
  it('BoardColumn costs the same few statements for a page of 5 as for a page of 50, in every column', async () => {
    // 60 tickets per column, with different reporters, tutors and assignees.
    await app.orm.em.getConnection().execute(`
      insert into tickets (id, number, type, category, status, title, description, reporter_id, tutor_id, assignee_id)
      select gen_random_uuid(), 'Q-' || s || '-' || g, 'DISPUTE', 'QUALITY', s::ticket_status, 'Query count ' || g, 'Generated',
             (select id from users where role in ('PARENT', 'LEARNER') order by email offset g % 3 limit 1),
             (select id from users where role = 'TUTOR' order by email offset g % 2 limit 1),
             case when g % 3 > 0 then (select id from users where role in ('COORDINATOR', 'ADMIN') order by email offset g % 2 limit 1) end
      from generate_series(1, 60) g cross join unnest(array['ONGOING', 'RESOLVED', 'ESCALATED', 'CLOSED']) s`);
    const token = await app.login('coordinator@demo.test');
    for (const column of BOARD_COLUMNS) {
      const { filter } = boardVariables(column);
      const small = await statementsOf(BOARD_COLUMN, { filter, first: 5 }, token);
      const large = await statementsOf(BOARD_COLUMN, { filter, first: 50 }, token);
      expect(large).toBe(small);
      expect(large).toBeGreaterThan(0);
      expect(large).toBeLessThanOrEqual(5);
    }
  });
});
