import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceStatus } from '../../server/src/billing/invoice.entity';
import { Role } from '../../server/src/auth/roles';
import { TicketStatus } from '../../server/src/tickets/enums';
import { type Actor, type TicketAction, decide } from '../../server/src/tickets/rules';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { ASSIGN, COMMENT, ESCALATE, REPORT, RESOLVE, createDisputableSessions, sql, userId } from '../support/fixtures';

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
  | { kind: 'timers' };

const person = fc.constantFrom(...PEOPLE);
const ticketIndex = fc.integer({ min: 0, max: 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('resolve' as const), who: person, ticket: ticketIndex, outcome: fc.constantFrom('IN_FAVOR_OF_PARENT' as const, 'IN_FAVOR_OF_EDUCATOR' as const, 'SPLIT' as const), amount: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('accept' as const, 'escalate' as const, 'comment' as const, 'commentInternal' as const), who: person, ticket: ticketIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('assign' as const), who: person, ticket: ticketIndex, toCoordinator: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'timers' as const }) },
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
  console.log(`property test: ${runs} runs, ${steps} steps`);
  await app.close();
});

const actorOf = (who: Person): Actor => ({ role: ROLE[who], isReporter: who === 'reporter', isTutor: who === 'tutor' });
const sees = (who: Person) => who !== 'otherParent' && who !== 'otherTutor';

async function ticketState(id: string) {
  const [row] = await sql(app, 'select status, version, assignee_id from tickets where id = ?', [id]);
  const [{ n }] = await sql(app, 'select count(*)::int as n from issue_logs where ticket_id = ?', [id]);
  return { status: row.status as TicketStatus, version: row.version as number, assignee: row.assignee_id as string | null, logs: n as number };
}

function call(cmd: Exclude<Command, { kind: 'timers' }>, ticketId: string) {
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
  for (const p of payouts) expect(p.status).toBe(p.open ? 'HELD' : 'RELEASED');
  const [pkgs] = await sql(app, 'select count(*)::int as n from packages where credits_used < 0 or credits_used > credits_total');
  expect(pkgs.n).toBe(0);
}

describe('random action sequences by random roles keep the invariants', () => {
  it('only table transitions, one log per change, credits within amounts, payouts held exactly while open', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        runs += 1;
        const issued = await createDisputableSessions(app, { tutor: EMAIL.tutor, learner: 'mia@demo.test', billedTo: EMAIL.reporter, invoiced: 1, packaged: 1 });
        const draft = await createDisputableSessions(app, { tutor: EMAIL.tutor, learner: 'noah@demo.test', billedTo: EMAIL.reporter, invoiced: 1, invoiceStatus: InvoiceStatus.DRAFT });
        const report = (sessionIds: string[]) => app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'No show', description: 'Nobody came' } }, tokens.reporter);
        const ticketIds = [(await report(issued.sessionIds)).data.reportIssue.id, (await report(draft.sessionIds)).data.reportIssue.id];
        const sessionIds = [...issued.sessionIds, ...draft.sessionIds];
        await checkInvariants(ticketIds, sessionIds);

        for (const cmd of commands) {
          steps += 1;
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
