import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { ACCEPT, ESCALATE, REPORT, RESOLVE, createDisputableSessions, sql, userId } from '../support/fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(() => app.close());

const payoutsOf = (sessionIds: string[]) =>
  sql(app, `select session_id, status, amount_minor, deducted_minor from tutor_payouts where session_id in (${sessionIds.map(() => '?').join(',')}) order by session_id`, sessionIds);

describe('flow 1: a learner disputes a group class; the tutor resolves it with an action', () => {
  it('reports, resolves with a comment, queues the email, accepts and releases the payout', async () => {
    const learner = await app.login('learner@demo.test');
    const tutor = await app.login('tutor@demo.test');
    const learnerId = await userId(app, 'learner@demo.test');
    // A group class Lena attended, billed on her invoice and in no ticket yet.
    const [group] = await sql(app, `select s.id, l.amount_minor, l.id as line_id from tutoring_sessions s
        join invoice_lines l on l.session_id = s.id and l.learner_id = ?
        where s.kind = 'GROUP' and not exists (select 1 from ticket_sessions ts where ts.session_id = s.id)
        order by s.scheduled_start desc limit 1`, [learnerId]);
    const reported = await app.gql(REPORT, { input: { sessionIds: [group.id], category: 'DURATION', title: 'Class ended early', description: 'The tutor left 30 minutes early.' } }, learner);
    expect(reported.errors).toBeUndefined();
    const ticket = reported.data.reportIssue;
    expect(ticket).toMatchObject({ status: 'ONGOING', version: 1, number: expect.stringMatching(/^T-\d{6}$/) });
    expect((await payoutsOf([group.id]))[0].status).toBe('HELD');

    // The tutor sees it in Reported Issues with the learner, language and session facts.
    const list = await app.gql('{ tickets(first: 50) { edges { node { id title status learners { name } sessions { language scheduledStart status } } } } }', {}, tutor);
    const row = list.data.tickets.edges.find((e: any) => e.node.id === ticket.id).node;
    // Only the disputed learner, not the whole group class.
    expect(row.learners.map((l: any) => l.name)).toEqual(['Lena Learner']);
    expect(row.sessions[0]).toMatchObject({ language: 'English', status: 'COMPLETED' });

    const actions = await app.gql('{ resolutionActions(category: DURATION) { id label effect creditPercent } }', {}, tutor);
    const partial = actions.data.resolutionActions.find((a: any) => a.effect === 'PARTIAL_CREDIT');
    const resolved = await app.gql(RESOLVE, { input: { ticketId: ticket.id, actionId: partial.id, comment: 'Sorry — half of the class is credited.' } }, tutor);
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data.resolveTicket).toMatchObject({ status: 'RESOLVED', version: 2, resolution: { action: { id: partial.id }, comment: 'Sorry — half of the class is credited.' } });
    const half = Math.round(group.amount_minor / 2);
    expect(resolved.data.resolveTicket.resolution.credited.amountMinor).toBe(half);

    const emails = await sql(app, `select channel, event, status from outbox_messages where ticket_id = ? and recipient_id = ?`, [ticket.id, learnerId]);
    expect(emails).toContainEqual({ channel: 'EMAIL', event: 'ticket.resolved', status: 'PENDING' });
    const jobs = await sql(app, `select count(*)::int as n from graphile_worker.jobs where task_identifier = 'notifications.deliver'`);
    expect(jobs[0].n).toBeGreaterThan(0);
    // Only Lena's line is credited, not the other learners' lines of the class.
    const lines = await sql(app, 'select learner_id, credited_minor from invoice_lines where session_id = ?', [group.id]);
    expect(lines.filter((l: any) => l.credited_minor > 0)).toEqual([{ learner_id: learnerId, credited_minor: half }]);
    expect((await payoutsOf([group.id]))[0].status).toBe('HELD');

    const accepted = await app.gql(ACCEPT, { id: ticket.id, c: 'Thanks' }, learner);
    expect(accepted.data.acceptResolution).toMatchObject({ status: 'CLOSED', version: 3 });
    expect(accepted.data.acceptResolution.logs.map((l: any) => [l.action, l.fromStatus, l.toStatus])).toEqual([
      ['REPORTED', null, 'ONGOING'], ['RESOLVED', 'ONGOING', 'RESOLVED'], ['ACCEPTED', 'RESOLVED', 'CLOSED'],
    ]);
    const [payout] = await payoutsOf([group.id]);
    expect(payout.status).toBe('RELEASED');
    const billed = (await sql(app, 'select sum(amount_minor)::int as b from invoice_lines where session_id = ?', [group.id]))[0].b;
    expect(payout.deducted_minor).toBe(Math.round((half * payout.amount_minor) / billed));
  });
});

describe('flow 2: a parent disputes three sessions of an issued invoice, one paid with a package', () => {
  it('SPLIT makes one credit note for half of each line; the admin decision credits exactly the rest and restores the package credit', async () => {
    const parent = await app.login('parent@demo.test');
    const coordinator = await app.login('coordinator@demo.test');
    const admin = await app.login('admin@demo.test');
    const { sessionIds, invoiceId, packageId } = await createDisputableSessions(app, {
      tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 2, packaged: 1, priceMinor: 3000,
    });
    const packageUsedBefore = (await sql(app, 'select credits_used from packages where id = ?', [packageId]))[0].credits_used;

    const reported = await app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'Tutor missed three lessons', description: 'Nobody joined.' } }, parent);
    const ticketId = reported.data.reportIssue.id;
    expect((await payoutsOf(sessionIds)).map((p: any) => p.status)).toEqual(['HELD', 'HELD', 'HELD']);

    const split = await app.gql(RESOLVE, { input: { ticketId, outcome: 'SPLIT', comment: 'Both sides share the blame.' } }, coordinator);
    expect(split.errors).toBeUndefined();
    expect(split.data.resolveTicket.creditNotes).toHaveLength(1);
    expect(split.data.resolveTicket.creditNotes[0].amount.amountMinor).toBe(3000);
    const noteLines = await sql(app, 'select amount_minor from credit_note_lines where credit_note_id = ? order by amount_minor', [split.data.resolveTicket.creditNotes[0].id]);
    expect(noteLines.map((l: any) => l.amount_minor)).toEqual([1500, 1500]);
    expect((await sql(app, 'select credits_used from packages where id = ?', [packageId]))[0].credits_used).toBe(packageUsedBefore);

    const escalated = await app.gql(ESCALATE, { id: ticketId, c: 'The tutor never came at all.' }, parent);
    expect(escalated.data.escalateTicket.status).toBe('ESCALATED');

    const decided = await app.gql(RESOLVE, { input: { ticketId, outcome: 'IN_FAVOR_OF_PARENT', comment: 'Full credit: the tutor was absent.' } }, admin);
    expect(decided.errors).toBeUndefined();
    const final = decided.data.resolveTicket;
    expect(final.status).toBe('CLOSED');
    expect(final.creditNotes.map((n: any) => n.amount.amountMinor)).toEqual([3000, 3000]);
    expect(final.resolution.credited.amountMinor).toBe(6000);
    expect((await sql(app, 'select credits_used from packages where id = ?', [packageId]))[0].credits_used).toBe(packageUsedBefore - 1);

    const invoice = await app.gql('query($id: ID!) { invoice(id: $id) { total { amountMinor } credited { amountMinor } balance { amountMinor } creditNotes { number } } }', { id: invoiceId }, parent);
    expect(invoice.data.invoice).toMatchObject({ total: { amountMinor: 6000 }, credited: { amountMinor: 6000 }, balance: { amountMinor: 0 } });
    expect(invoice.data.invoice.creditNotes).toHaveLength(2);

    const payouts = await payoutsOf(sessionIds);
    expect(payouts.every((p: any) => p.status === 'RELEASED' && p.deducted_minor === p.amount_minor)).toBe(true);
    expect(final.logs.map((l: any) => l.action)).toEqual(['REPORTED', 'RESOLVED', 'ESCALATED', 'DECIDED']);
  });

  it('a smaller final decision charges the difference on the next draft invoice', async () => {
    const parent = await app.login('parent@demo.test');
    const coordinator = await app.login('coordinator@demo.test');
    const admin = await app.login('admin@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'noah@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const ticketId = (await app.gql(REPORT, { input: { sessionIds, category: 'QUALITY', title: 'Poor lesson', description: 'Unprepared.' } }, parent)).data.reportIssue.id;
    await app.gql(RESOLVE, { input: { ticketId, outcome: 'IN_FAVOR_OF_PARENT', comment: 'Credited.' } }, coordinator);
    await app.gql(ESCALATE, { id: ticketId, c: 'We want a new tutor too.' }, parent);
    const decided = await app.gql(RESOLVE, { input: { ticketId, outcome: 'SPLIT', creditAmountMinor: 1000, comment: 'Only part of the lesson was affected.' } }, admin);
    expect(decided.errors).toBeUndefined();
    expect(decided.data.resolveTicket.resolution.credited.amountMinor).toBe(1000);
    const charge = await sql(app, `select l.amount_minor, i.status from invoice_lines l join invoices i on i.id = l.invoice_id where l.description like ?`, [`%${decided.data.resolveTicket.number}%`]);
    expect(charge).toEqual([{ amount_minor: 2000, status: 'DRAFT' }]);
  });
});

describe('rules', () => {
  it('refuses what the lifecycle table does not allow, with the right code, changing nothing', async () => {
    const parent = await app.login('parent@demo.test');
    const parent2 = await app.login('parent2@demo.test');
    const tutor = await app.login('tutor@demo.test');
    const tutor2 = await app.login('tutor2@demo.test');
    const coordinator = await app.login('coordinator@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const ticket = (await app.gql(REPORT, { input: { sessionIds, category: 'BILLING', title: 'Wrong price', description: 'Charged twice.' } }, parent)).data.reportIssue;
    const logsBefore = (await sql(app, 'select count(*)::int as n from issue_logs where ticket_id = ?', [ticket.id]))[0].n;

    const resolveInput = { ticketId: ticket.id, outcome: 'IN_FAVOR_OF_PARENT', comment: 'x' };
    expect(errorCode(await app.gql(RESOLVE, { input: resolveInput }, parent2))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(RESOLVE, { input: resolveInput }, tutor2))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(RESOLVE, { input: resolveInput }, parent))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(ACCEPT, { id: ticket.id }, parent))).toBe('CONFLICT');
    expect(errorCode(await app.gql(ESCALATE, { id: ticket.id, c: 'why' }, parent))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(RESOLVE, { input: { ...resolveInput, outcome: null } }, tutor))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(RESOLVE, { input: { ...resolveInput, expectedVersion: 99 } }, coordinator))).toBe('CONFLICT');
    expect(errorCode(await app.gql(RESOLVE, { input: { ...resolveInput, comment: '   ' } }, coordinator))).toBe('BAD_USER_INPUT');
    const internal = await app.gql('mutation($id: ID!) { addTicketComment(ticketId: $id, body: "secret", internal: true) { id } }', { id: ticket.id }, parent);
    expect(errorCode(internal)).toBe('FORBIDDEN');
    expect((await sql(app, 'select count(*)::int as n from issue_logs where ticket_id = ?', [ticket.id]))[0].n).toBe(logsBefore);
    expect((await sql(app, 'select status, version from tickets where id = ?', [ticket.id]))[0]).toEqual({ status: 'ONGOING', version: 1 });

    // Internal comments reach staff only.
    await app.gql('mutation($id: ID!) { addTicketComment(ticketId: $id, body: "staff only", internal: true) { id } }', { id: ticket.id }, coordinator);
    const seen = async (token: string) => (await app.gql('query($id: ID!) { ticket(id: $id) { logs { comment } } }', { id: ticket.id }, token)).data.ticket.logs.map((l: any) => l.comment);
    expect(await seen(coordinator)).toContain('staff only');
    expect(await seen(parent)).not.toContain('staff only');
    expect(await seen(tutor)).not.toContain('staff only');
  });

  it('refuses a second open dispute on a session, and reports on sessions the caller cannot see', async () => {
    const parent = await app.login('parent@demo.test');
    const parent2 = await app.login('parent2@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const input = { sessionIds, category: 'NO_SHOW', title: 'No show', description: 'Nobody came.' };
    expect((await app.gql(REPORT, { input }, parent)).errors).toBeUndefined();
    expect(errorCode(await app.gql(REPORT, { input }, parent))).toBe('CONFLICT');
    expect(errorCode(await app.gql(REPORT, { input }, parent2))).toBe('NOT_FOUND');
  });

  it('reportIssue is idempotent per caller and key; the same key with another payload is BAD_USER_INPUT', async () => {
    const parent = await app.login('parent@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor2@demo.test', learner: 'noah@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const input = { sessionIds, category: 'QUALITY', title: 'Poor audio', description: 'Could not hear.', idempotencyKey: 'report-1' };
    const first = await app.gql(REPORT, { input }, parent);
    const again = await app.gql(REPORT, { input }, parent);
    expect(again.data.reportIssue.id).toBe(first.data.reportIssue.id);
    const different = await app.gql(REPORT, { input: { ...input, title: 'Something else' } }, parent);
    expect(errorCode(different)).toBe('BAD_USER_INPUT');
    expect(different.errors![0].extensions!.field).toBe('idempotencyKey');
  });
});
