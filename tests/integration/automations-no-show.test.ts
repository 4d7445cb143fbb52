import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { REPORT, RESOLVE, createDisputableSessions, sql, userId } from '../support/fixtures';
import { RUNS, eventually, seedNoShowAutomation, tutorNeverJoined } from '../support/automations';

const TICKET = `query($id: ID!) { ticket(id: $id) { id status contestDueAt
  resolution { resolvedBy { id } credited { amountMinor currency } action { label } comment }
  resolvedByAutomation { name }
  creditNotes { number amount { amountMinor } }
  logs { action actor { id } automationName toStatus }
  viewerCan { contest resolve applyMacro } } }`;
const CONTEST = `mutation($id: ID!, $c: String!) { contestResolution(ticketId: $id, comment: $c) { id status contestDueAt viewerCan { contest } } }`;

describe('verified no-show: resolved by itself, contested, decided', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The worker runs: the report's job resolves the ticket moments after the report commits.
    app = await startTestApp();
    await seedNoShowAutomation(app);
    // An idle worker (the template's seeded messages delivered first), as in the steady state.
    await eventually(async () => (await sql(app, `select count(*)::int as n from graphile_worker.jobs where run_at <= now() and attempts < max_attempts`))[0].n === 0, 90_000);
  }, 120_000);
  afterAll(() => app.close());

  it('credits a no-show in full at once, the tutor contests within the window, the final decision moves only the difference', async () => {
    const [parent, tutor, admin, coordinator] = await Promise.all(['parent@demo.test', 'tutor@demo.test', 'admin@demo.test', 'coordinator@demo.test'].map((e) => app.login(e)));
    const { sessionIds, invoiceId } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1, priceMinor: 4250 });
    await tutorNeverJoined(app, sessionIds);
    const reportedAt = Date.now();
    const report = await app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'Nobody came', description: 'Mia waited and left.' } }, parent);
    const id = report.data.reportIssue.id;

    const resolved = await eventually(async () => {
      const t = (await app.gql(TICKET, { id }, tutor)).data.ticket;
      return t.status === 'RESOLVED' && t;
    });
    // Money exactly as a coordinator's full credit: one credit note for the whole line, to the cent.
    expect(resolved.resolution).toMatchObject({ resolvedBy: null, credited: { amountMinor: 4250, currency: 'EUR' }, action: { label: 'Void the session and restore the package credit' } });
    expect(resolved.creditNotes).toEqual([{ number: expect.stringMatching(/^CN-/), amount: { amountMinor: 4250 } }]);
    expect((await sql(app, 'select sum(credited_minor)::int as c from invoice_lines where invoice_id = ?', [invoiceId]))[0].c).toBe(4250);
    expect(resolved.logs.at(-1)).toEqual({ action: 'RESOLVED', actor: null, automationName: 'Verified no-show', toStatus: 'RESOLVED' });
    expect(resolved.viewerCan).toEqual({ contest: true, resolve: false, applyMacro: false });
    const due = new Date(resolved.contestDueAt).getTime();
    expect(Math.abs(due - (reportedAt + 48 * 3_600_000))).toBeLessThan(60_000);
    // The family is told; others may not contest; staff see which automation did it and its run.
    const told = await sql(app, 'select title from notifications where user_id = ? and ticket_id = ?', [await userId(app, 'parent@demo.test'), id]);
    expect(told.map((n) => n.title).join(' ')).toMatch(/resolved/i);
    expect((await app.gql(TICKET, { id }, parent)).data.ticket.viewerCan.contest).toBe(false);
    const staffView = (await app.gql(TICKET, { id }, coordinator)).data.ticket;
    expect(staffView).toMatchObject({ resolvedByAutomation: { name: 'Verified no-show' }, viewerCan: { contest: false, applyMacro: true } });
    const runs = (await app.gql(RUNS, { t: id }, coordinator)).data.automationRuns;
    expect(runs.edges.map((e: any) => e.node)).toEqual([expect.objectContaining({ ok: true, code: null, automation: { name: 'Verified no-show' } })]);
    // The payout stays held while the ticket is open.
    expect((await sql(app, 'select status from tutor_payouts where session_id = ?', [sessionIds[0]]))[0].status).toBe('HELD');

    expect(errorCode(await app.gql(CONTEST, { id, c: 'I was there' }, parent))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(CONTEST, { id, c: '  ' }, tutor))).toBe('BAD_USER_INPUT');
    const contested = (await app.gql(CONTEST, { id, c: 'My camera failed; I was in the room.' }, tutor)).data.contestResolution;
    expect(contested).toEqual({ id, status: 'ESCALATED', contestDueAt: null, viewerCan: { contest: false } });
    expect(errorCode(await app.gql(CONTEST, { id, c: 'again' }, tutor))).toBe('CONFLICT');
    // The credit stays in place while the admin decides.
    expect((await sql(app, 'select credited_minor from tickets where id = ?', [id]))[0].credited_minor).toBe(4250);

    const decided = await app.gql(RESOLVE, { input: { ticketId: id, outcome: 'SPLIT', comment: 'Half: the room shows a short connection.' } }, admin);
    expect(decided.errors).toBeUndefined();
    expect(decided.data.resolveTicket.status).toBe('CLOSED');
    expect(decided.data.resolveTicket.resolution.credited).toEqual({ amountMinor: 2125, currency: 'EUR' });
    // Only the difference moved: 2125 charged back (one adjustment each way in the ledger, summing to the decision).
    const ledger = await sql(app, 'select sum(amount_minor)::int as total, count(*)::int as n from ticket_adjustments where ticket_id = ?', [id]);
    expect(ledger[0]).toEqual({ total: 2125, n: 2 });
    const [payout] = await sql(app, 'select status, amount_minor, deducted_minor from tutor_payouts where session_id = ?', [sessionIds[0]]);
    // The tutor earned 60% (2550); their share of the 2125 credited is 1275.
    expect(payout).toEqual({ status: 'RELEASED', amount_minor: 2550, deducted_minor: 1275 });
  });

  it('leaves a no-show the tutor joined, or one above the limit, to people', async () => {
    const parent = await app.login('parent@demo.test');
    const coordinator = await app.login('coordinator@demo.test');
    const joined = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const expensive = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1, priceMinor: 10_001 });
    await tutorNeverJoined(app, expensive.sessionIds);
    const ids: string[] = [];
    for (const { sessionIds } of [joined, expensive]) {
      ids.push((await app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'No show', description: 'x' } }, parent)).data.reportIssue.id);
    }
    // The evaluation jobs ran (no job left) and decided nothing.
    await eventually(async () => (await sql(app, `select count(*)::int as n from graphile_worker.jobs where task_identifier = 'automations:evaluate'`))[0].n === 0);
    for (const id of ids) expect((await sql(app, 'select status from tickets where id = ?', [id]))[0].status).toBe('ONGOING');
    expect((await app.gql(RUNS, { t: ids[0] }, coordinator)).data.automationRuns.totalCount).toBe(0);
  });

  it('resolves the demo lesson ready to report moments after the report', async () => {
    const parent2 = await app.login('parent2@demo.test');
    const [session] = await sql(app, `select id from tutoring_sessions where lesson_id = 'L-19999'`);
    await eventually(async () => (await sql(app, `select count(*)::int as n from graphile_worker.jobs where run_at <= now() and attempts < max_attempts`))[0].n === 0, 60_000);
    const started = Date.now();
    const id = (await app.gql(REPORT, { input: { sessionIds: [session.id], category: 'NO_SHOW', title: 'Tutor never came', description: 'Ola waited 20 minutes.' } }, parent2)).data.reportIssue.id;
    const reported = Date.now() - started;
    await eventually(async () => (await sql(app, 'select status from tickets where id = ?', [id]))[0].status === 'RESOLVED', 5000);
    // Moments after the report's answer. The 1 s target (p99) is the bench's, on a quiet machine; a
    // shared CI machine gets a looser bound here (about 1 s measured with eight test runs at once).
    expect(Date.now() - started - reported).toBeLessThan(3000);
    expect((await sql(app, 'select credited_minor from tickets where id = ?', [id]))[0].credited_minor).toBe(3000);
  });
});
