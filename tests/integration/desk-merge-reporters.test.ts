import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../server/src/auth/user.entity';
import { Invoice, InvoiceLine, InvoiceStatus } from '../../server/src/billing/invoice.entity';
import { PayoutStatus, TutorPayout } from '../../server/src/billing/payout.entity';
import { SessionKind, SessionParticipant, SessionStatus, TutoringSession } from '../../server/src/sessions/session.entity';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { ACCEPT, COMMENT, ESCALATE, REPORT, RESOLVE, sql } from '../support/fixtures';
import { MERGE } from '../support/merge';
import { type WsClient, connectWs, subscribe } from '../support/ws';

/** Two parents of one group class: parent's Mia and parent2's Ola, each billed on their own parent's invoice. */
async function groupSession(app: TestApp): Promise<string> {
  const em = app.orm.em.fork() as EntityManager;
  const [tutor, parent, parent2, mia, ola] = await Promise.all(
    ['tutor', 'parent', 'parent2', 'mia', 'ola'].map((name) => em.findOneOrFail(User, { email: `${name}@demo.test` })));
  const start = new Date(Date.now() - 2 * 86_400_000);
  const session = Object.assign(new TutoringSession(), {
    kind: SessionKind.GROUP, status: SessionStatus.COMPLETED, language: 'English', subject: 'Debate club',
    scheduledStart: start, scheduledEnd: new Date(start.getTime() + 3_600_000), priceMinor: 2000, currency: 'EUR', tutor,
  });
  em.persist(session);
  for (const [learner, billedTo] of [[mia, parent], [ola, parent2]]) {
    const invoice = Object.assign(new Invoice(), {
      number: `GROUP-${learner.email}-${Math.random().toString(36).slice(2, 8)}`, billedTo, status: InvoiceStatus.ISSUED, currency: 'EUR', issuedAt: new Date(),
    });
    em.persist(invoice);
    em.persist(Object.assign(new SessionParticipant(), { session, learner, joinedAt: start, leftAt: session.scheduledEnd }));
    em.persist(Object.assign(new InvoiceLine(), { invoice, session, learner, description: 'Debate club', amountMinor: 2000, currency: 'EUR' }));
  }
  em.persist(Object.assign(new TutorPayout(), { session, tutor, amountMinor: 2400, currency: 'EUR', status: PayoutStatus.RELEASED }));
  await em.flush();
  return session.id;
}

/** Each learner's line on the session: what it was credited, and what every ledger row for it adds up to. */
const linesOf = (app: TestApp, sessionId: string) => sql(app,
  `select u.email, l.credited_minor as credited, (select coalesce(sum(a.amount_minor), 0)::int from ticket_adjustments a where a.invoice_line_id = l.id) as ledger
     from invoice_lines l join users u on u.id = l.learner_id where l.session_id = ? order by u.email`, [sessionId]);

const TICKET = `query($id: ID!) { ticket(id: $id) { id status reporter { id } learners { id }
  viewerCan { comment accept escalate rate } logs { action comment internal } } }`;
const TICKETS = '{ tickets(first: 100) { edges { node { id } } } }';
const CHANGED = 'subscription { ticketChanged { kind ticket { id status } } }';

describe('mergeTickets across reporters (two parents of one group class)', () => {
  let app: TestApp;
  let ws: WsClient;
  let tokens: Record<'coordinator' | 'admin' | 'parent' | 'parent2' | 'tutor2', string>;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    const names = ['coordinator', 'admin', 'parent', 'parent2', 'tutor2'] as const;
    tokens = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await app.login(`${n}@demo.test`)]))) as typeof tokens;
  });
  afterAll(async () => {
    await ws?.close();
    await app.close();
  });

  it('lets the other parent see the target (query, list, live) and comment, not decide; one decision credits both lines once', async () => {
    const sessionId = await groupSession(app);
    const report = (token: string, type: string, title: string) =>
      app.gql(REPORT, { input: { sessionIds: [sessionId], type, category: 'NO_SHOW', title, description: 'Nobody came to the debate club' } }, token);
    const first = await report(tokens.parent, 'DISPUTE', 'Debate club did not happen');
    expect(first.errors).toBeUndefined();
    const target = first.data.reportIssue;
    // The session is in one open dispute already: the other parent's report is a question about it.
    expect(errorCode(await report(tokens.parent2, 'DISPUTE', 'No debate club'))).toBe('CONFLICT');
    const second = await report(tokens.parent2, 'SUPPORT', 'Was the debate club cancelled?');
    expect(second.errors).toBeUndefined();
    const source = second.data.reportIssue;
    // Before the merge, neither parent sees the other's ticket.
    expect(errorCode(await app.gql(TICKET, { id: target.id }, tokens.parent2))).toBe('NOT_FOUND');
    // The source already moved money for Ola: half of her line.
    expect((await app.gql(RESOLVE, { input: { ticketId: source.id, outcome: 'SPLIT', comment: 'Half back while we check' } }, tokens.coordinator)).errors).toBeUndefined();
    expect(await linesOf(app, sessionId)).toEqual([{ email: 'mia@demo.test', credited: 0, ledger: 0 }, { email: 'ola@demo.test', credited: 1000, ledger: 1000 }]);

    ws = connectWs(app.url, tokens.parent2);
    const live = await subscribe<{ ticketChanged: { kind: string; ticket: { id: string; status: string } } }>(ws, CHANGED);
    const merged = await app.gql(MERGE, { t: target.id, s: [source.id], c: 'Same class' }, tokens.coordinator);
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeTickets).toMatchObject({ id: target.id, status: 'ONGOING', mergedFrom: [{ id: source.id }] });

    // Live: the source's close and the target's MERGED_FROM both reach the other parent.
    const events = await live.waitFor(2);
    expect(events.map((e) => [e.ticketChanged.ticket.id, e.ticketChanged.kind])).toEqual(
      expect.arrayContaining([[source.id, 'STATUS_CHANGED'], [target.id, 'UPDATED']]));

    const seen = await app.gql(TICKET, { id: target.id }, tokens.parent2);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.ticket.viewerCan).toEqual({ comment: true, accept: false, escalate: false, rate: false });
    const learnerIds = await sql(app, `select id from users where email in ('mia@demo.test', 'ola@demo.test') order by id`);
    expect(seen.data.ticket.learners.map((l: any) => l.id).sort()).toEqual(learnerIds.map((u) => u.id));
    const listed = await app.gql(TICKETS, {}, tokens.parent2);
    expect(listed.data.tickets.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining([target.id, source.id]));
    // A tutor of other sessions still sees neither.
    expect(errorCode(await app.gql(TICKET, { id: target.id }, tokens.tutor2))).toBe('NOT_FOUND');

    // Both reporters are told which ticket lives on.
    const told = await sql(app, `select u.email, n.ticket_id from notifications n join users u on u.id = n.user_id where n.title like ? order by u.email`, [`%merged into ${target.number}`]);
    expect(told.filter((n) => n.email.startsWith('parent'))).toEqual([
      { email: 'parent2@demo.test', ticket_id: source.id }, { email: 'parent@demo.test', ticket_id: target.id },
    ]);

    // The other parent comments (the reporter is told, live subscribers get it); staff's internal note stays staff-only.
    expect((await app.gql(COMMENT, { id: target.id, b: 'Ola waited too' }, tokens.parent2)).errors).toBeUndefined();
    expect((await app.gql(COMMENT, { id: target.id, b: 'Tutor was ill', i: true }, tokens.coordinator)).errors).toBeUndefined();
    expect((await live.waitFor(3))[2].ticketChanged).toEqual({ kind: 'COMMENTED', ticket: { id: target.id, status: 'ONGOING' } });
    const comments = (await app.gql(TICKET, { id: target.id }, tokens.parent2)).data.ticket.logs.map((l: any) => l.comment);
    expect(comments).toContain('Ola waited too');
    expect(comments).not.toContain('Tutor was ill');
    const commentNote = await sql(app, `select u.email from notifications n join users u on u.id = n.user_id where n.ticket_id = ? and n.body = 'Ola waited too'`, [target.id]);
    expect(commentNote.map((n) => n.email).sort()).toEqual(['parent@demo.test', 'tutor@demo.test']);

    // One decision on the target covers both children's lines; Ola's half from the source counts.
    expect((await app.gql(RESOLVE, { input: { ticketId: target.id, outcome: 'SPLIT', comment: 'Half each' } }, tokens.coordinator)).errors).toBeUndefined();
    expect(await linesOf(app, sessionId)).toEqual([{ email: 'mia@demo.test', credited: 1000, ledger: 1000 }, { email: 'ola@demo.test', credited: 1000, ledger: 1000 }]);
    // The decision stays the target reporter's: the other parent neither accepts nor escalates.
    const before = await sql(app, 'select status::text, version from tickets where id = ?', [target.id]);
    expect(errorCode(await app.gql(ESCALATE, { id: target.id, c: 'Not enough' }, tokens.parent2))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(ACCEPT, { id: target.id }, tokens.parent2))).toBe('FORBIDDEN');
    expect(await sql(app, 'select status::text, version from tickets where id = ?', [target.id])).toEqual(before);
    expect((await app.gql(ESCALATE, { id: target.id, c: 'We want it all back' }, tokens.parent)).errors).toBeUndefined();
    expect((await app.gql(RESOLVE, { input: { ticketId: target.id, outcome: 'IN_FAVOR_OF_PARENT', comment: 'Full credit' } }, tokens.admin)).errors).toBeUndefined();
    // Each line credited in full, once: never past its amount, whatever the three decisions added up to.
    expect(await linesOf(app, sessionId)).toEqual([{ email: 'mia@demo.test', credited: 2000, ledger: 2000 }, { email: 'ola@demo.test', credited: 2000, ledger: 2000 }]);
    const decided = await sql(app, `select u.email from notifications n join users u on u.id = n.user_id where n.ticket_id = ? and n.title like 'Final decision%' order by u.email`, [target.id]);
    expect(decided.map((n) => n.email)).toEqual(['parent2@demo.test', 'parent@demo.test']);
    const closed = (await app.gql(TICKET, { id: target.id }, tokens.parent2)).data.ticket;
    expect(closed).toMatchObject({ status: 'CLOSED', viewerCan: { comment: false, rate: false } });
    expect(errorCode(await app.gql('mutation($id: ID!) { rateTicket(ticketId: $id, score: 5) { id } }', { id: target.id }, tokens.parent2))).toBe('FORBIDDEN');
    expect(live.errors).toEqual([]);
  });
});
