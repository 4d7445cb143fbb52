import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { REPORT, RESOLVE, createDisputableSessions, sql } from '../support/fixtures';

const SPLIT = `mutation($t: ID!, $s: [ID!]!, $title: String!, $c: String) {
  splitTicket(ticketId: $t, sessionIds: $s, title: $title, comment: $c) { id number status title reporter { id } sessions { id } logs { action comment } } }`;
const CAN = 'query($id: ID!) { ticket(id: $id) { viewerCan { split merge } sessions { id } logs { action comment } } }';

describe('splitTicket', () => {
  let app: TestApp;
  let coordinator: string;
  let parent: string;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    [coordinator, parent] = [await app.login('coordinator@demo.test'), await app.login('parent@demo.test')];
  });
  afterAll(() => app.close());

  async function disputeOnThree() {
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 3 });
    const ticket = (await app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'Three lessons', description: 'Missed' } }, parent)).data.reportIssue;
    return { sessionIds, ticketId: ticket.id as string, reporterId: ticket.reporter.id as string };
  }

  it('moves chosen sessions into a new ONGOING ticket of the same reporter, logged on both; a retry returns the same ticket', async () => {
    const { sessionIds, ticketId, reporterId } = await disputeOnThree();
    expect((await app.gql(CAN, { id: ticketId }, coordinator)).data.ticket.viewerCan).toEqual({ split: true, merge: true });
    expect((await app.gql(CAN, { id: ticketId }, parent)).data.ticket.viewerCan.split).toBe(false);

    const moved = [sessionIds[1], sessionIds[2]];
    const result = await app.gql(SPLIT, { t: ticketId, s: moved, title: 'The two later lessons', c: 'Different cause' }, coordinator);
    expect(result.errors).toBeUndefined();
    const split = result.data.splitTicket;
    expect(split).toMatchObject({ status: 'ONGOING', title: 'The two later lessons', reporter: { id: reporterId } });
    expect(split.sessions.map((s: any) => s.id).sort()).toEqual([...moved].sort());
    expect(split.logs).toContainEqual(expect.objectContaining({ action: 'SPLIT_FROM' }));
    const source = (await app.gql(CAN, { id: ticketId }, coordinator)).data.ticket;
    expect(source.sessions.map((s: any) => s.id)).toEqual([sessionIds[0]]);
    // One session left: nothing more to split off.
    expect(source.viewerCan.split).toBe(false);
    expect(source.logs).toContainEqual({ action: 'SPLIT', comment: `2 session(s) moved to ${split.number}: Different cause` });

    const retry = await app.gql(SPLIT, { t: ticketId, s: [...moved].reverse(), title: 'The two later lessons' }, coordinator);
    expect(retry.data.splitTicket.id).toBe(split.id);
    expect((await sql(app, `select count(*)::int as n from issue_logs where ticket_id = ? and action = 'SPLIT'`, [ticketId]))[0].n).toBe(1);

    // Each ticket now decides its own sessions' money: no line is credited twice.
    await app.gql(RESOLVE, { input: { ticketId: split.id, outcome: 'IN_FAVOR_OF_PARENT', comment: 'Credited' } }, coordinator);
    await app.gql(RESOLVE, { input: { ticketId, outcome: 'IN_FAVOR_OF_PARENT', comment: 'Credited' } }, coordinator);
    const lines = await sql(app, `select session_id, credited_minor, amount_minor from invoice_lines where session_id in (?, ?, ?)`, sessionIds);
    expect(lines.map((l) => l.credited_minor)).toEqual(lines.map((l) => l.amount_minor));
    const ledger = await sql(app, 'select ticket_id, session_id, amount_minor from ticket_adjustments where session_id in (?, ?, ?)', sessionIds);
    expect(ledger).toHaveLength(3);
    expect(ledger.filter((r) => r.ticket_id === split.id).map((r) => r.session_id).sort()).toEqual([...moved].sort());
  });

  it('refuses what cannot be split, changing nothing', async () => {
    const { sessionIds, ticketId } = await disputeOnThree();
    const all = await app.gql(SPLIT, { t: ticketId, s: sessionIds, title: 'Everything' }, coordinator);
    expect(all.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sessionIds' });
    const other = (await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 })).sessionIds[0];
    expect(errorCode(await app.gql(SPLIT, { t: ticketId, s: [other], title: 'Not here' }, coordinator))).toBe('NOT_FOUND');
    const noTitle = await app.gql(SPLIT, { t: ticketId, s: [sessionIds[0]], title: ' ' }, coordinator);
    expect(noTitle.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(errorCode(await app.gql(SPLIT, { t: ticketId, s: [sessionIds[0]], title: 'Mine' }, parent))).toBe('FORBIDDEN');
    await app.gql(RESOLVE, { input: { ticketId, outcome: 'IN_FAVOR_OF_EDUCATOR', comment: 'Held' } }, coordinator);
    expect(errorCode(await app.gql(SPLIT, { t: ticketId, s: [sessionIds[0]], title: 'Too late' }, coordinator))).toBe('CONFLICT');
    expect((await sql(app, 'select count(*)::int as n from ticket_sessions where ticket_id = ?', [ticketId]))[0].n).toBe(3);
  });
});
