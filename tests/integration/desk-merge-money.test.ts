import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GqlResult, type TestApp, errorCode, startTestApp } from '../support/app';
import { ESCALATE, RESOLVE, sql } from '../support/fixtures';
import { MERGE, creditsOf, dispute, payoutsOf } from '../support/merge';

/*
 * Sessions cost 3000 (one learner, an ISSUED invoice line each); their payouts are 1800. SPLIT credits
 * half a line (1500), IN_FAVOR_OF_PARENT all of it. A line must never be credited more than its
 * decision says, whichever ticket moved the money, and every credit must be in a ledger.
 */
describe('mergeTickets and money', () => {
  let app: TestApp;
  let coordinator: string;
  let admin: string;
  let parent: string;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    [coordinator, admin, parent] = await Promise.all(['coordinator@demo.test', 'admin@demo.test', 'parent@demo.test'].map((e) => app.login(e)));
  });
  afterAll(() => app.close());

  const ok = (result: GqlResult) => {
    expect(result.errors).toBeUndefined();
    return result;
  };
  const resolve = (ticketId: string, outcome: string, token = coordinator) => app.gql(RESOLVE, { input: { ticketId, outcome, comment: 'Decided' } }, token);
  const merge = (target: string, sources: string[]) => app.gql(MERGE, { t: target, s: sources }, coordinator);
  const ledgerRows = async (ticketId: string) => (await sql(app, 'select count(*)::int as n from ticket_adjustments where ticket_id = ?', [ticketId]))[0].n as number;
  async function expectCredited(sessionIds: string[], credited: number) {
    for (const line of (await creditsOf(app, sessionIds)).values()) expect(line).toEqual({ amount: 3000, credited, ledger: credited });
  }

  it('neither credited: the target decides every session once', async () => {
    const [target, source] = [await dispute(app, parent), await dispute(app, parent)];
    ok(await merge(target.id, [source.id]));
    ok(await resolve(target.id, 'SPLIT'));
    await expectCredited([...target.sessionIds, ...source.sessionIds], 1500);
    expect(await ledgerRows(source.id)).toBe(0);
  });

  it('the source credited: it keeps its ledger, and the target moves only the difference', async () => {
    const [target, source] = [await dispute(app, parent), await dispute(app, parent)];
    ok(await resolve(source.id, 'SPLIT'));
    ok(await merge(target.id, [source.id]));
    expect(await payoutsOf(app, source.sessionIds)).toEqual(new Map([[source.sessionIds[0], { status: 'HELD', deducted: 900 }]]));
    ok(await resolve(target.id, 'SPLIT'));
    await expectCredited([...target.sessionIds, ...source.sessionIds], 1500);
    expect([await ledgerRows(source.id), await ledgerRows(target.id)]).toEqual([1, 1]);
    // The reporter escalates; the final decision gives everything, each line once, then the payouts are released net.
    ok(await app.gql(ESCALATE, { id: target.id, c: 'Both lessons were missed entirely' }, parent));
    ok(await resolve(target.id, 'IN_FAVOR_OF_PARENT', admin));
    await expectCredited([...target.sessionIds, ...source.sessionIds], 3000);
    const payouts = await payoutsOf(app, [...target.sessionIds, ...source.sessionIds]);
    expect([...payouts.values()]).toEqual([{ status: 'RELEASED', deducted: 1800 }, { status: 'RELEASED', deducted: 1800 }]);
    const source_ = (await sql(app, 'select credited_minor from tickets where id = ?', [source.id]))[0];
    expect(source_.credited_minor).toBe(1500);
  });

  it('both credited: an ESCALATED target takes the source; the same final decision moves nothing more', async () => {
    const [target, source] = [await dispute(app, parent), await dispute(app, parent)];
    ok(await resolve(source.id, 'SPLIT'));
    ok(await resolve(target.id, 'SPLIT'));
    ok(await app.gql(ESCALATE, { id: target.id, c: 'Not enough' }, parent));
    ok(await merge(target.id, [source.id]));
    const notes = async () => (await sql(app, 'select count(*)::int as n from credit_notes where ticket_id in (?, ?)', [target.id, source.id]))[0].n;
    const notesBefore = await notes();
    ok(await resolve(target.id, 'SPLIT', admin));
    await expectCredited([...target.sessionIds, ...source.sessionIds], 1500);
    expect(await notes()).toBe(notesBefore);
    expect([await ledgerRows(source.id), await ledgerRows(target.id)]).toEqual([1, 1]);
    const payouts = await payoutsOf(app, [...target.sessionIds, ...source.sessionIds]);
    expect([...payouts.values()]).toEqual([{ status: 'RELEASED', deducted: 900 }, { status: 'RELEASED', deducted: 900 }]);
  });

  /** How many statements of this test's database wait for a lock. */
  const waiting = async () => (await sql(app, `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0].n as number;
  async function untilWaiting(n: number) {
    while ((await waiting()) < n) await new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * Holds `ticketId`'s row lock in a transaction of its own while `first`, then `second`, queue up
   * for it, then lets them go: real concurrent transactions, which PostgreSQL serves in that order.
   */
  async function race(ticketId: string, first: () => Promise<GqlResult>, second: () => Promise<GqlResult>) {
    const results: Array<Promise<GqlResult>> = [];
    await app.orm.em.fork().transactional(async (em) => {
      await em.getConnection().execute('select id from tickets where id = ? for update', [ticketId], 'all', em.getTransactionContext());
      results.push(first());
      await untilWaiting(1);
      results.push(second());
      await untilWaiting(2);
    });
    return Promise.all(results);
  }

  // [contested ticket, who queues first, resolve's outcome, merge's outcome]
  const ORDERS = [
    ['source', 'resolve', 'ok', 'ok'], // a RESOLVED source is still open: it merges, its credit counted once
    ['source', 'merge', 'CONFLICT', 'ok'], // a merged source is CLOSED: no decision on it any more
    ['target', 'resolve', 'ok', 'CONFLICT'], // a RESOLVED target has decided: it takes no duplicates
    ['target', 'merge', 'ok', 'ok'], // merged first, the target's decision covers both tickets' sessions
  ] as const;

  for (const [on, firstIn, resolved, merged] of ORDERS) {
    it(`a decision on the ${on} racing a merge, the ${firstIn} first: resolve ${resolved}, merge ${merged}, no line credited twice`, async () => {
      const [target, source] = [await dispute(app, parent), await dispute(app, parent)];
      const contested = on === 'source' ? source.id : target.id;
      const decide = () => resolve(contested, 'SPLIT');
      const join = () => merge(target.id, [source.id]);
      const [first, second] = await race(contested, firstIn === 'resolve' ? decide : join, firstIn === 'resolve' ? join : decide);
      const [decision, merging] = firstIn === 'resolve' ? [first, second] : [second, first];
      expect([errorCode(decision) ?? 'ok', errorCode(merging) ?? 'ok']).toEqual([resolved, merged]);
      // Deciding whatever is still undecided gives each line its half, exactly once.
      const open = await sql(app, `select id from tickets where id in (?, ?) and status = 'ONGOING'`, [target.id, source.id]);
      for (const { id } of open) ok(await resolve(id, 'SPLIT'));
      await expectCredited([...target.sessionIds, ...source.sessionIds], 1500);
    });
  }
});
