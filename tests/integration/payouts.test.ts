import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { outboxOf } from '../support/disputes';
import { ACCEPT, ESCALATE, REPORT, RESOLVE, createDisputableSessions, sql, userId } from '../support/fixtures';
import { MARK_PAID, PAYOUTS, TICKET_PAYOUTS, allPayouts, payoutIdsOf, payoutSeenBy } from '../support/payouts';

let app: TestApp;
let tokens: Record<'parent' | 'learner' | 'tutor' | 'tutor2' | 'coordinator' | 'admin', string>;

beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
  const emails = { parent: 'parent@demo.test', learner: 'learner@demo.test', tutor: 'tutor@demo.test', tutor2: 'tutor2@demo.test', coordinator: 'coordinator@demo.test', admin: 'admin@demo.test' };
  tokens = Object.fromEntries(await Promise.all(Object.entries(emails).map(async ([k, e]) => [k, await app.login(e)]))) as typeof tokens;
});
afterAll(() => app.close());

const report = async (token: string, sessionIds: string[], type = 'DISPUTE') => {
  const result = await app.gql(REPORT, { input: { sessionIds, type, category: 'DURATION', title: 'Class ended early', description: 'It ended 30 minutes early.' } }, token);
  expect(result.errors).toBeUndefined();
  return result.data.reportIssue.id as string;
};
const resolve = async (token: string, ticketId: string, outcome: string, creditAmountMinor: number | null = null) => {
  const result = await app.gql(RESOLVE, { input: { ticketId, outcome, comment: 'decided', creditAmountMinor } }, token);
  expect(result.errors).toBeUndefined();
};
const accept = async (token: string, ticketId: string) => expect((await app.gql(ACCEPT, { id: ticketId }, token)).errors).toBeUndefined();

describe('hold and release across a dispute on a group class', () => {
  it('one payout held by two tickets stays HELD until both close, then is released net of credits and the tutor is told', async () => {
    const [group] = await sql(app, `select s.id from tutoring_sessions s
        where s.kind = 'GROUP' and (select count(*) from session_participants p where p.session_id = s.id) = 3
          and not exists (select 1 from ticket_sessions ts where ts.session_id = s.id)
          and exists (select 1 from tutor_payouts p where p.session_id = s.id and p.status = 'RELEASED')
        order by s.scheduled_start desc limit 1`);
    const [payoutId] = await payoutIdsOf(app, [group.id]);
    const dispute = await report(tokens.parent, [group.id]);
    const feedback = await report(tokens.learner, [group.id], 'FEEDBACK');

    let payout = await payoutSeenBy(app, tokens.tutor, payoutId);
    expect(payout.status).toBe('HELD');
    expect(payout.heldBy.map((t: any) => t.id).sort()).toEqual([dispute, feedback].sort());
    expect(payout.amount).toEqual({ amountMinor: 2700, currency: 'EUR' });

    // Mia's line (1500 of the 4500 the class billed) is credited in full: the tutor gives up a third.
    await resolve(tokens.coordinator, dispute, 'IN_FAVOR_OF_PARENT');
    await accept(tokens.parent, dispute);
    payout = await payoutSeenBy(app, tokens.tutor, payoutId);
    expect(payout).toMatchObject({ status: 'HELD', deductions: { amountMinor: 900 }, net: { amountMinor: 1800 }, releasedAt: null });
    expect(payout.heldBy.map((t: any) => t.id)).toEqual([feedback]);
    expect(payout.deductionLines).toEqual([{ kind: 'SESSION_CREDIT', amount: { amountMinor: 900 }, ticket: null, otherPayout: null }]);
    const onTicket = await app.gql(TICKET_PAYOUTS, { id: feedback }, tokens.tutor);
    expect(onTicket.data.ticket.payouts.map((p: any) => p.id)).toEqual([payoutId]);

    await resolve(tokens.coordinator, feedback, 'IN_FAVOR_OF_EDUCATOR');
    await accept(tokens.learner, feedback);
    payout = await payoutSeenBy(app, tokens.tutor, payoutId);
    expect(payout).toMatchObject({ status: 'RELEASED', heldBy: [], net: { amountMinor: 1800 }, releasedAt: expect.any(String) });

    // Written with the release, in its transaction: the email through the outbox, and in the app.
    const emails = (await outboxOf(app, feedback)).filter((row) => row.event === 'payout.released');
    expect(emails).toMatchObject([{ channel: 'EMAIL', recipient: 'tutor@demo.test' }]);
    const inApp = await sql(app, `select n.title, n.body from notifications n join users u on u.id = n.user_id where u.email = 'tutor@demo.test' and n.ticket_id = ? and n.title like 'Payout released%'`, [feedback]);
    expect(inApp).toEqual([{ title: 'Payout released: €18.00', body: expect.stringContaining('€18.00 is released') }]);
    // One message per close: "closed" when the payout stays held (the dispute), only "Payout released" when it ends the hold.
    const closedEvents = async (ticketId: string) => (await outboxOf(app, ticketId)).filter((row) => row.recipient === 'tutor@demo.test' && ['ticket.closed', 'payout.released'].includes(row.event)).map((row) => row.event);
    expect(await closedEvents(dispute)).toEqual(['ticket.closed']);
    expect(await closedEvents(feedback)).toEqual(['payout.released']);
  });
});

describe('a credit decided after the payout was PAID', () => {
  it('a SPLIT then a larger admin decision become deductions on the next payout, shown on both, never a negative net', async () => {
    // A fresh tutor-like setup: tutor2's new lesson, paid in a payment run before anyone complains.
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor2@demo.test', learner: 'ola@demo.test', billedTo: 'parent2@demo.test', invoiced: 1 });
    const [paidId] = await payoutIdsOf(app, sessionIds);
    const paid = await app.gql(MARK_PAID, { ids: [paidId], reference: 'RUN-LATE-1' }, tokens.admin);
    expect(paid.data.markPayoutsPaid[0]).toMatchObject({ status: 'PAID', reference: 'RUN-LATE-1', net: { amountMinor: 1800 } });

    const parent2 = await app.login('parent2@demo.test');
    const ticket = await report(parent2, sessionIds);
    expect((await payoutSeenBy(app, tokens.tutor2, paidId)).status).toBe('PAID');
    await resolve(tokens.coordinator, ticket, 'SPLIT');
    const tutor2Id = await userId(app, 'tutor2@demo.test');
    // Late credits from this paid payout as the payouts that take them show them (the demo has others).
    const carriedIn = async () => (await allPayouts(app, tokens.tutor2, { tutorId: tutor2Id }))
      .flatMap((p) => p.deductionLines.filter((l: any) => l.kind === 'CARRIED_FROM_EARLIER' && l.otherPayout.id === paidId).map((l: any) => ({ payout: p, line: l })));
    const sum = (lines: any[]) => lines.reduce((total, l) => total + l.amount.amountMinor, 0);
    /** Both sides agree: what the paid payout passed on is what later payouts took, all of it from this ticket. */
    const checkBothSides = async (total: number) => {
      const carried = await carriedIn();
      const source = await payoutSeenBy(app, tokens.tutor2, paidId);
      expect(source).toMatchObject({ status: 'PAID', reference: 'RUN-LATE-1', deductions: { amountMinor: 0 }, net: { amountMinor: 1800 } });
      expect(source.deductionLines.every((l: any) => l.kind === 'CARRIED_TO_LATER' && l.ticket.id === ticket)).toBe(true);
      expect(sum(source.deductionLines)).toBe(total);
      const passedOn = source.deductionLines.filter((l: any) => l.otherPayout).map((l: any) => [l.otherPayout.id, l.amount.amountMinor]);
      expect(carried.map((c) => [c.payout.id, c.line.amount.amountMinor]).sort()).toEqual(passedOn.sort());
      expect(carried.length).toBeGreaterThan(0);
      for (const { payout, line } of carried) {
        expect(line.ticket.id).toBe(ticket);
        expect(payout.status).not.toBe('PAID');
        expect(payout.net.amountMinor).toBe(payout.amount.amountMinor - payout.deductions.amountMinor);
        expect(payout.net.amountMinor).toBeGreaterThanOrEqual(0);
      }
      return carried;
    };

    // Half of 3000 credited: the tutor's share is 900, taken off their next payouts.
    await checkBothSides(900);

    // The family escalates; the admin credits the whole lesson: another 900 follows.
    expect((await app.gql(ESCALATE, { id: ticket, c: 'It was a full no-show' }, parent2)).errors).toBeUndefined();
    await resolve(tokens.admin, ticket, 'IN_FAVOR_OF_PARENT');
    const carried = await checkBothSides(1800);

    // Paying the payout that carries it freezes the deduction there.
    const carrier = carried[0].payout;
    const run2 = await app.gql(MARK_PAID, { ids: [carrier.id], reference: 'RUN-LATE-2' }, tokens.admin);
    expect(run2.data.markPayoutsPaid[0]).toMatchObject({ status: 'PAID', deductions: carrier.deductions, net: carrier.net });
  });
});

describe('markPayoutsPaid', () => {
  it('pays RELEASED payouts once, is idempotent, refuses HELD ones and bad ids, and keeps an audit row', async () => {
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 3 });
    const [a, b, held] = await payoutIdsOf(app, sessionIds);
    await report(tokens.parent, [sessionIds[2]]);

    const first = await app.gql(MARK_PAID, { ids: [a, b], reference: 'BATCH-7' }, tokens.admin);
    expect(first.errors).toBeUndefined();
    expect(first.data.markPayoutsPaid.map((p: any) => [p.id, p.status, p.reference])).toEqual([[a, 'PAID', 'BATCH-7'], [b, 'PAID', 'BATCH-7']]);
    const again = await app.gql(MARK_PAID, { ids: [b, a], reference: 'BATCH-7' }, tokens.admin);
    expect(again.data.markPayoutsPaid.map((p: any) => [p.id, p.paidAt])).toEqual([[b, first.data.markPayoutsPaid[1].paidAt], [a, first.data.markPayoutsPaid[0].paidAt]]);
    const audit = await sql(app, `select payout_id, action, reference from payout_events where payout_id = any(?::uuid[]) order by payout_id`, [`{${a},${b}}`]);
    expect(audit).toEqual([a, b].sort().map((id) => ({ payout_id: id, action: 'PAID', reference: 'BATCH-7' })));
    await expect(sql(app, `update payout_events set reference = 'x' where payout_id = ?`, [a])).rejects.toThrow(/immutable/);

    const before = await sql(app, 'select id, status, reference from tutor_payouts where id = any(?::uuid[]) order by id', [`{${a},${held}}`]);
    const conflict = await app.gql(MARK_PAID, { ids: [held], reference: 'BATCH-8' }, tokens.admin);
    expect(errorCode(conflict)).toBe('CONFLICT');
    expect(errorCode(await app.gql(MARK_PAID, { ids: [a], reference: 'BATCH-8' }, tokens.admin))).toBe('CONFLICT');
    expect(await sql(app, 'select id, status, reference from tutor_payouts where id = any(?::uuid[]) order by id', [`{${a},${held}}`])).toEqual(before);

    const malformed = await app.gql(MARK_PAID, { ids: ['nope'], reference: 'X' }, tokens.admin);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const unknown = await app.gql(MARK_PAID, { ids: ['00000000-0000-4000-8000-000000000000'], reference: 'X' }, tokens.admin);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const blank = await app.gql(MARK_PAID, { ids: [a], reference: '  ' }, tokens.admin);
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reference' });
    expect(errorCode(await app.gql(MARK_PAID, { ids: [a], reference: 'X' }, tokens.coordinator))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(MARK_PAID, { ids: [a], reference: 'X' }, tokens.tutor))).toBe('FORBIDDEN');
  });
});

describe('payment runs racing', () => {
  it('two runs paying the same payouts under different references: exactly one wins, the other is CONFLICT', async () => {
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 2 });
    const ids = await payoutIdsOf(app, sessionIds);
    const results = await Promise.all(['RACE-A', 'RACE-B'].map((reference) => app.gql(MARK_PAID, { ids, reference }, tokens.admin)));
    expect(results.map(errorCode).sort()).toEqual(['CONFLICT', undefined]);
    const winner = results.find((r) => !r.errors)!.data.markPayoutsPaid[0].reference;
    const rows = await sql(app, 'select reference from tutor_payouts where id = any(?::uuid[])', [`{${ids.join(',')}}`]);
    expect(rows.map((r) => r.reference)).toEqual([winner, winner]);
    const [{ n }] = await sql(app, 'select count(*)::int as n from payout_events where payout_id = any(?::uuid[])', [`{${ids.join(',')}}`]);
    expect(n).toBe(2);
  });

  it('a dispute opened while a run pays the payout: it ends either HELD (not paid) or PAID (kept), never both', async () => {
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const [id] = await payoutIdsOf(app, sessionIds);
    const [paid, reported] = await Promise.all([
      app.gql(MARK_PAID, { ids: [id], reference: 'RACE-C' }, tokens.admin),
      app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'No show', description: 'Nobody came' } }, tokens.parent),
    ]);
    expect(reported.errors).toBeUndefined();
    const [row] = await sql(app, 'select status, reference from tutor_payouts where id = ?', [id]);
    if (paid.errors) expect([errorCode(paid), row]).toEqual(['CONFLICT', { status: 'HELD', reference: null }]);
    else expect(row).toEqual({ status: 'PAID', reference: 'RACE-C' });
  });
});

describe('who sees which payouts', () => {
  it('a tutor sees their own only, staff all, parents and learners none; Ticket.payouts follows the same rule', async () => {
    const [tutorId, tutor2Id] = await Promise.all([userId(app, 'tutor@demo.test'), userId(app, 'tutor2@demo.test')]);
    const own = await allPayouts(app, tokens.tutor);
    expect(own.length).toBeGreaterThan(10);
    expect(own.every((p) => p.tutor.id === tutorId)).toBe(true);
    expect(await allPayouts(app, tokens.tutor, { tutorId: tutor2Id })).toEqual([]);
    expect(await allPayouts(app, tokens.parent)).toEqual([]);
    expect(await allPayouts(app, tokens.learner)).toEqual([]);
    const all = await allPayouts(app, tokens.coordinator, {}, 37);
    const [{ n }] = await sql(app, 'select count(*)::int as n from tutor_payouts');
    expect(all.length).toBe(n);
    expect(new Set(all.map((p) => p.id)).size).toBe(n);

    const [{ id: ticketId }] = await sql(app, `select t.id from tickets t where t.tutor_id = ? and exists (select 1 from ticket_sessions ts where ts.ticket_id = t.id) limit 1`, [tutorId]);
    expect((await app.gql(TICKET_PAYOUTS, { id: ticketId }, tokens.tutor)).data.ticket.payouts.length).toBeGreaterThan(0);
    expect((await app.gql(TICKET_PAYOUTS, { id: ticketId }, tokens.admin)).data.ticket.payouts.length).toBeGreaterThan(0);
    expect(errorCode(await app.gql(TICKET_PAYOUTS, { id: ticketId }, tokens.tutor2))).toBe('NOT_FOUND');
    const [{ reporter }] = await sql(app, 'select u.email as reporter from tickets t join users u on u.id = t.reporter_id where t.id = ?', [ticketId]);
    const asReporter = await app.gql(TICKET_PAYOUTS, { id: ticketId }, await app.login(reporter));
    expect(asReporter.data.ticket.payouts).toEqual([]);
  });

  it('summary totals per status match the payouts the filter matches apart from its status, across pages', async () => {
    const tutorId = await userId(app, 'tutor@demo.test');
    for (const filter of [{}, { tutorId }, { status: 'PAID' }, { status: 'HELD', tutorId }, { from: new Date(Date.now() - 20 * 86_400_000).toISOString() }]) {
      const nodes = await allPayouts(app, tokens.admin, filter, 13);
      const { status, ...everyStatus } = filter as { status?: string };
      const all = status ? await allPayouts(app, tokens.admin, everyStatus, 13) : nodes;
      const { data } = await app.gql(PAYOUTS, { filter, first: 1 }, tokens.admin);
      expect(data.payouts.totalCount).toBe(nodes.length);
      // The totals do not follow the status filter: the held ones are counted while the list shows the paid ones.
      expect(data.payouts.summary.map((row: { status: string }) => row.status)).toEqual(['HELD', 'RELEASED', 'PAID']);
      for (const row of data.payouts.summary) {
        const matching = all.filter((p) => p.status === row.status);
        expect(row.count).toBe(matching.length);
        const net = matching.reduce((sum, p) => sum + p.net.amountMinor, 0);
        expect(row.net).toEqual(matching.length ? [{ amountMinor: net, currency: 'EUR' }] : []);
      }
    }
    const bad = await app.gql(PAYOUTS, { first: 101 }, tokens.admin);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorCode(await app.gql(PAYOUTS, { after: 'garbage' }, tokens.admin))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(PAYOUTS, {}))).toBe('UNAUTHENTICATED');
  });
});
