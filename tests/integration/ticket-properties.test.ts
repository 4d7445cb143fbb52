import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceStatus } from '../../server/src/billing/invoice.entity';
import { Role } from '../../server/src/auth/roles';
import { TicketStatus } from '../../server/src/tickets/enums';
import { type Actor, type TicketAction, decide } from '../../server/src/tickets/rules';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { ASSIGN, COMMENT, ESCALATE, REPORT, RESOLVE, createDisputableSessions, sql, userId } from '../support/fixtures';
import { MARK_PAID, PAYOUTS, payoutIdsOf } from '../support/payouts';

const ACCEPT = 'mutation($id: ID!) { acceptResolution(ticketId: $id) { id } }';
const PEOPLE = ['reporter', 'otherParent', 'tutor', 'otherTutor', 'coordinator', 'admin'] as const;
type Person = (typeof PEOPLE)[number];
const EMAIL: Record<Person, string> = {
  reporter: 'parent@demo.test', otherParent: 'parent2@demo.test', tutor: 'tutor@demo.test',
  otherTutor: 'tutor2@demo.test', coordinator: 'coordinator@demo.test', admin: 'admin@demo.test',
};
const ROLE: Record<Person, Role> = {
  reporter: Role.PARENT, otherParent: Role.PARENT, tutor: Role.TUTOR, otherTutor: Role.TUTOR, coordinator: Role.COORDINATOR, admin: Role.ADMIN,
};

type Command =
  | { kind: 'resolve'; who: Person; ticket: number; outcome: 'IN_FAVOR_OF_PARENT' | 'IN_FAVOR_OF_EDUCATOR' | 'SPLIT'; amount: number | null }
  | { kind: 'accept' | 'escalate' | 'comment' | 'commentInternal'; who: Person; ticket: number }
  | { kind: 'assign'; who: Person; ticket: number; toCoordinator: boolean }
  | { kind: 'timers' }
  | { kind: 'pay'; who: Person; payouts: number[]; reference: string };

const person = fc.constantFrom(...PEOPLE);
const ticketIndex = fc.integer({ min: 0, max: 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('resolve' as const), who: person, ticket: ticketIndex, outcome: fc.constantFrom('IN_FAVOR_OF_PARENT' as const, 'IN_FAVOR_OF_EDUCATOR' as const, 'SPLIT' as const), amount: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('accept' as const, 'escalate' as const, 'comment' as const, 'commentInternal' as const), who: person, ticket: ticketIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('assign' as const), who: person, ticket: ticketIndex, toCoordinator: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'timers' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      who: fc.constantFrom<Person>('admin', 'admin', 'coordinator', 'tutor'),
      payouts: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
      reference: fc.constantFrom('RUN-A', 'RUN-B'),
    }),
  },
);

let app: TestApp;
let tokens: Record<Person, string>;
let ids: Record<Person, string>;
let noShowActionId: string;
let runs = 0;
let steps = 0;

beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
  tokens = Object.fromEntries(await Promise.all(PEOPLE.map(async (p) => [p, await app.login(EMAIL[p])]))) as Record<Person, string>;
  ids = Object.fromEntries(await Promise.all(PEOPLE.map(async (p) => [p, await userId(app, EMAIL[p])]))) as Record<Person, string>;
  noShowActionId = (await sql(app, `select id from resolution_actions where category = 'NO_SHOW' and effect = 'FULL_CREDIT'`))[0].id;
});
afterAll(async () => {
  const [late] = await sql(app, 'select count(*)::int as n from payout_late_credits');
  console.log(`property test: ${runs} runs, ${steps} steps, ${late.n} late credits`);
  await app.close();
});

const actorOf = (who: Person): Actor => ({ role: ROLE[who], isReporter: who === 'reporter', isMergedReporter: false, isTutor: who === 'tutor' });
const sees = (who: Person) => who !== 'otherParent' && who !== 'otherTutor';

async function ticketState(id: string) {
  const [row] = await sql(app, 'select status, version, assignee_id from tickets where id = ?', [id]);
  const [{ n }] = await sql(app, 'select count(*)::int as n from issue_logs where ticket_id = ?', [id]);
  return { status: row.status as TicketStatus, version: row.version as number, assignee: row.assignee_id as string | null, logs: n as number };
}

function call(cmd: Exclude<Command, { kind: 'timers' | 'pay' }>, ticketId: string) {
  const token = tokens[cmd.who];
  switch (cmd.kind) {
    case 'resolve': {
      const input = cmd.who === 'tutor'
        ? { ticketId, actionId: noShowActionId, comment: 'tutor resolves' }
        : { ticketId, outcome: cmd.outcome, comment: 'decided', creditAmountMinor: cmd.outcome === 'SPLIT' ? cmd.amount : null };
      return app.gql(RESOLVE, { input }, token);
    }
    case 'accept': return app.gql(ACCEPT, { id: ticketId }, token);
    case 'escalate': return app.gql(ESCALATE, { id: ticketId, c: 'escalating' }, token);
    case 'comment': return app.gql(COMMENT, { id: ticketId, b: 'a comment', i: false }, token);
    case 'commentInternal': return app.gql(COMMENT, { id: ticketId, b: 'internal note', i: true }, token);
    case 'assign': return app.gql(ASSIGN, { id: ticketId, a: cmd.toCoordinator ? ids.coordinator : null }, token);
  }
}

const payoutRows = (ids: string[]) =>
  sql(app, 'select id, status, reference, paid_at, amount_minor, deducted_minor, carried_minor from tutor_payouts where id = any(?::uuid[]) order by id', [`{${ids.join(',')}}`]);

/** markPayoutsPaid by a random person: what the rule says must happen, and nothing else. */
async function pay(cmd: Extract<Command, { kind: 'pay' }>, payoutIds: string[]) {
  const ids = cmd.payouts.map((i) => payoutIds[i]);
  const before = await payoutRows(ids);
  const result = await app.gql(MARK_PAID, { ids, reference: cmd.reference }, tokens[cmd.who]);
  const after = await payoutRows(ids);
  const expected = cmd.who !== 'admin' ? 'FORBIDDEN'
    : before.some((p) => p.status === 'HELD' || (p.status === 'PAID' && p.reference !== cmd.reference)) ? 'CONFLICT'
    : undefined;
  expect(errorCode(result)).toBe(expected);
  if (expected) {
    expect(after).toEqual(before);
    return;
  }
  expect(result.data.markPayoutsPaid.map((p: any) => [p.id, p.status, p.reference])).toEqual(ids.map((id) => [id, 'PAID', cmd.reference]));
  // Already paid ones are returned unchanged; money is never touched by paying.
  before.forEach((b, i) => {
    expect({ ...after[i], status: 'PAID', reference: cmd.reference, paid_at: null }).toEqual({ ...b, status: 'PAID', reference: cmd.reference, paid_at: null });
    if (b.status === 'PAID') expect(after[i].paid_at).toEqual(b.paid_at);
  });
}

/**
 * For every tutor: paid + released + held − deductions (the summary's nets, through the API), less
 * late credits still waiting for a payout, equals what their sessions earned minus their share of
 * every credit, to the cent.
 */
async function checkTutorMoney() {
  for (const tutorId of [ids.tutor, ids.otherTutor]) {
    const { data } = await app.gql(PAYOUTS, { filter: { tutorId }, first: 1 }, tokens.admin);
    const nets = data.payouts.summary.flatMap((s: any) => s.net.map((m: any) => m.amountMinor)).reduce((a: number, b: number) => a + b, 0);
    const [money] = await sql(app, `with credited as (
        select a.session_id, sum(a.amount_minor) + sum(a.package_credits) * max(s.price_minor) as value
          from ticket_adjustments a join tutoring_sessions s on s.id = a.session_id group by a.session_id),
      billed as (
        select s.id as session_id, s.price_minor * greatest(count(sp.learner_id), 1) as value
          from tutoring_sessions s left join session_participants sp on sp.session_id = s.id group by s.id)
      select sum(p.amount_minor)::int as earned,
             sum(least(p.amount_minor, greatest(0, round(coalesce(c.value, 0)::numeric * p.amount_minor / nullif(b.value, 0)))))::int as share,
             (select coalesce(sum(l.amount_minor), 0) from payout_late_credits l where l.tutor_id = ?)::int
               - (select coalesce(sum(c.amount_minor), 0) from payout_carries c join tutor_payouts cp on cp.id = c.payout_id where cp.tutor_id = ?)::int as waiting
        from tutor_payouts p join billed b on b.session_id = p.session_id left join credited c on c.session_id = p.session_id
       where p.tutor_id = ?`, [tutorId, tutorId, tutorId]);
    expect(nets - money.waiting).toBe(money.earned - money.share);
  }
  const [negative] = await sql(app, 'select count(*)::int as n from tutor_payouts where amount_minor - deducted_minor - carried_minor < 0');
  expect(negative.n).toBe(0);
}

/** Invariants that must hold after every step, whatever happened. */
async function checkInvariants(ticketIds: string[], sessionIds: string[]) {
  const [lines] = await sql(app, 'select count(*)::int as n from invoice_lines where credited_minor < 0 or credited_minor > amount_minor');
  expect(lines.n).toBe(0);
  const notes = await sql(app, `select l.id from invoice_lines l join credit_note_lines c on c.invoice_line_id = l.id group by l.id, l.amount_minor having sum(c.amount_minor) > l.amount_minor`);
  expect(notes).toEqual([]);
  for (const id of ticketIds) {
    const [t] = await sql(app, `select t.credited_minor, t.version, (select coalesce(sum(amount_minor), 0)::int from ticket_adjustments a where a.ticket_id = t.id) as ledger,
      (select count(*)::int from issue_logs l where l.ticket_id = t.id) as logs from tickets t where t.id = ?`, [id]);
    expect(t.credited_minor).toBe(t.ledger);
    expect(t.logs).toBe(t.version);
  }
  const payouts = await sql(app, `select p.status, exists (select 1 from ticket_sessions ts where ts.session_id = p.session_id and ts.open) as open
    from tutor_payouts p where p.session_id in (${sessionIds.map(() => '?').join(',')})`, sessionIds);
  // A paid payout stays paid (later credits are carried onto the next one).
  for (const p of payouts) if (p.status !== 'PAID') expect(p.status).toBe(p.open ? 'HELD' : 'RELEASED');
  const [pkgs] = await sql(app, 'select count(*)::int as n from packages where credits_used < 0 or credits_used > credits_total');
  expect(pkgs.n).toBe(0);
  await checkTutorMoney();
}

describe('random action sequences by random roles keep the invariants', () => {
  it('only table transitions, one log per change, credits within amounts, payouts held exactly while open, tutors\' money adds up', async () => {
    await fc.assert(
      // Some payouts are paid before anyone complains, so decisions on them are late credits.
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }), fc.array(command, { minLength: 1, maxLength: 10 }), async (prepaid, commands) => {
        runs += 1;
        const issued = await createDisputableSessions(app, { tutor: EMAIL.tutor, learner: 'mia@demo.test', billedTo: EMAIL.reporter, invoiced: 1, packaged: 1 });
        const draft = await createDisputableSessions(app, { tutor: EMAIL.tutor, learner: 'noah@demo.test', billedTo: EMAIL.reporter, invoiced: 1, invoiceStatus: InvoiceStatus.DRAFT });
        const sessionIdsBefore = [...issued.sessionIds, ...draft.sessionIds];
        if (prepaid.length) {
          const before = await payoutIdsOf(app, sessionIdsBefore);
          expect((await app.gql(MARK_PAID, { ids: prepaid.map((i) => before[i]), reference: 'RUN-EARLY' }, tokens.admin)).errors).toBeUndefined();
        }
        const report = (sessionIds: string[]) => app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'No show', description: 'Nobody came' } }, tokens.reporter);
        const ticketIds = [(await report(issued.sessionIds)).data.reportIssue.id, (await report(draft.sessionIds)).data.reportIssue.id];
        const sessionIds = sessionIdsBefore;
        const payoutIds = await payoutIdsOf(app, sessionIds);
        await checkInvariants(ticketIds, sessionIds);

        for (const cmd of commands) {
          steps += 1;
          if (cmd.kind === 'pay') {
            const paidBefore = await payoutRows(payoutIds);
            await pay(cmd, payoutIds);
            await checkInvariants(ticketIds, sessionIds);
            expect((await payoutRows(payoutIds)).filter((p) => paidBefore.some((b) => b.id === p.id && b.status === 'PAID')))
              .toEqual(paidBefore.filter((b) => b.status === 'PAID'));
            continue;
          }
          if (cmd.kind === 'timers') {
            const before = await Promise.all(ticketIds.map(ticketState));
            await app.services.tickets.sweepTimers(new Date(Date.now() + 30 * 86_400_000));
            const after = await Promise.all(ticketIds.map(ticketState));
            before.forEach((b, i) => {
              const expected = b.status === TicketStatus.RESOLVED ? TicketStatus.CLOSED : b.status === TicketStatus.ONGOING ? TicketStatus.ESCALATED : b.status;
              expect(after[i].status).toBe(expected);
              expect(after[i].logs - b.logs).toBe(expected === b.status ? 0 : 1);
            });
          } else {
            const ticketId = ticketIds[cmd.ticket];
            const before = await ticketState(ticketId);
            const result = await call(cmd, ticketId);
            const after = await ticketState(ticketId);
            const action: TicketAction = cmd.kind;
            const verdict = decide(before.status, action, actorOf(cmd.who), { coordinatorsDecideEscalations: false });
            if (!sees(cmd.who)) {
              expect(errorCode(result)).toBe('NOT_FOUND');
            } else if (!verdict.ok) {
              expect(errorCode(result)).toBe(verdict.code);
            } else {
              expect(result.errors).toBeUndefined();
              expect(after.status).toBe(verdict.to);
            }
            const changed = !result.errors && !(cmd.kind === 'assign' && before.assignee === (cmd.toCoordinator ? ids.coordinator : null));
            expect(after.version - before.version).toBe(changed ? 1 : 0);
            expect(after.logs - before.logs).toBe(changed ? 1 : 0);
            if (result.errors) expect(after.status).toBe(before.status);
          }
          await checkInvariants(ticketIds, sessionIds);
        }
      }),
      { numRuns: 20, endOnFailure: true },
    );
  }, 600_000);
});
