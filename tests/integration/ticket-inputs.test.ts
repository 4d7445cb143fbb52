import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { ASSIGN, COMMENT, ESCALATE, REPORT, RESOLVE, createDisputableSessions, sql } from '../support/fixtures';

let app: TestApp;
let parent: string;
let coordinator: string;
let admin: string;
let tutor: string;
let ticketId: string;
let sessionIds: string[];

const TABLES = ['tickets', 'ticket_sessions', 'issue_logs', 'credit_notes', 'ticket_adjustments', 'outbox_messages', 'notifications', 'ticket_events', 'resolution_actions', 'invoice_lines'];
const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, (await sql(app, `select count(*)::int as n from ${t}`))[0].n])));

beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
  [parent, coordinator, admin, tutor] = await Promise.all(['parent@demo.test', 'coordinator@demo.test', 'admin@demo.test', 'tutor@demo.test'].map((e) => app.login(e)));
  ({ sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 2 }));
  ticketId = (await app.gql(REPORT, { input: { sessionIds: [sessionIds[0]], category: 'DURATION', title: 'Short', description: 'Too short', requestedEffect: 'PARTIAL_CREDIT' } }, parent)).data.reportIssue.id;
});
afterAll(() => app.close());

describe('every bad input gets a clear error and changes nothing', () => {
  const cases: Array<[string, () => [string, Record<string, unknown>, string], string, string | undefined]> = [
    ['malformed session id', () => [REPORT, { input: { sessionIds: ['nope'], category: 'NO_SHOW', title: 't', description: 'd' } }, parent], 'BAD_USER_INPUT', 'sessionIds'],
    ['empty title', () => [REPORT, { input: { sessionIds: [sessionIds[1]], category: 'NO_SHOW', title: '  ', description: 'd' } }, parent], 'BAD_USER_INPUT', 'title'],
    ['huge description', () => [REPORT, { input: { sessionIds: [sessionIds[1]], category: 'NO_SHOW', title: 't', description: 'x'.repeat(5001) } }, parent], 'BAD_USER_INPUT', 'description'],
    ['dispute without sessions', () => [REPORT, { input: { sessionIds: [], category: 'NO_SHOW', title: 't', description: 'd' } }, parent], 'BAD_USER_INPUT', 'sessionIds'],
    ['unknown category', () => [REPORT, { input: { sessionIds: [sessionIds[1]], category: 'WEATHER', title: 't', description: 'd' } }, parent], 'BAD_USER_INPUT', undefined],
    ['session nobody has', () => [REPORT, { input: { sessionIds: ['00000000-0000-4000-8000-000000000000'], category: 'NO_SHOW', title: 't', description: 'd' } }, parent], 'NOT_FOUND', undefined],
    ['tutor reporting', () => [REPORT, { input: { sessionIds: [sessionIds[1]], category: 'NO_SHOW', title: 't', description: 'd' } }, tutor], 'FORBIDDEN', undefined],
    ['parent opening a RISK ticket', () => [REPORT, { input: { sessionIds: [], type: 'RISK', category: 'QUALITY', title: 't', description: 'd' } }, parent], 'FORBIDDEN', undefined],
    ['no token', () => [REPORT, { input: { sessionIds: [sessionIds[1]], category: 'NO_SHOW', title: 't', description: 'd' } }, ''], 'UNAUTHENTICATED', undefined],
    ['resolve: malformed ticket id', () => [RESOLVE, { input: { ticketId: '1', outcome: 'SPLIT', comment: 'c' } }, coordinator], 'BAD_USER_INPUT', 'ticketId'],
    ['resolve: unknown action', () => [RESOLVE, { input: { ticketId, actionId: '00000000-0000-4000-8000-000000000000', comment: 'c' } }, tutor], 'BAD_USER_INPUT', 'actionId'],
    ['resolve: tutor with an outcome', () => [RESOLVE, { input: { ticketId, outcome: 'IN_FAVOR_OF_PARENT', comment: 'c' } }, tutor], 'BAD_USER_INPUT', 'outcome'],
    ['resolve: negative credit', () => [RESOLVE, { input: { ticketId, outcome: 'SPLIT', creditAmountMinor: -5, comment: 'c' } }, coordinator], 'BAD_USER_INPUT', 'creditAmountMinor'],
    ['resolve: credit above what was billed', () => [RESOLVE, { input: { ticketId, outcome: 'SPLIT', creditAmountMinor: 999_999, comment: 'c' } }, coordinator], 'BAD_USER_INPUT', 'creditAmountMinor'],
    ['resolve: credit amount with a full outcome', () => [RESOLVE, { input: { ticketId, outcome: 'IN_FAVOR_OF_PARENT', creditAmountMinor: 100, comment: 'c' } }, coordinator], 'BAD_USER_INPUT', 'creditAmountMinor'],
    ['resolve: credit amount over Int', () => [RESOLVE, { input: { ticketId, outcome: 'SPLIT', creditAmountMinor: 2 ** 40, comment: 'c' } }, coordinator], 'BAD_USER_INPUT', undefined],
    ['escalate: empty comment', () => [ESCALATE, { id: ticketId, c: '' }, coordinator], 'BAD_USER_INPUT', 'comment'],
    ['assign to a parent', () => [ASSIGN, { id: ticketId, a: sessionIds[0] }, coordinator], 'BAD_USER_INPUT', 'assigneeId'],
    ['assign by a tutor', () => [ASSIGN, { id: ticketId, a: null }, tutor], 'FORBIDDEN', undefined],
    ['comment: empty body', () => [COMMENT, { id: ticketId, b: ' ' }, admin], 'BAD_USER_INPUT', 'body'],
    ['resolution action: bad percent', () => ['mutation { createResolutionAction(input: { label: "x", effect: PARTIAL_CREDIT, creditPercent: 150 }) { id } }', {}, admin], 'BAD_USER_INPUT', 'creditPercent'],
    ['resolution action: not admin', () => ['mutation { createResolutionAction(input: { label: "x", effect: NONE }) { id } }', {}, coordinator], 'FORBIDDEN', undefined],
  ];

  it.each(cases)('%s', async (_name, call, code, field) => {
    const before = await snapshot();
    const [query, variables, token] = call();
    const result = await app.gql(query, variables, token || undefined);
    expect(errorCode(result)).toBe(code);
    if (field) expect(result.errors![0].extensions!.field).toBe(field);
    expect(result.errors![0].message).not.toMatch(/select|insert|update|stack|\.ts:/i);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the requested remedy', () => {
  it('lets the tutor grant exactly what the reporter asked for in one step', async () => {
    const result = await app.gql(RESOLVE, { input: { ticketId, grantRequestedEffect: true, comment: 'Granted as asked.' } }, tutor);
    expect(result.errors).toBeUndefined();
    expect(result.data.resolveTicket.status).toBe('RESOLVED');
    expect(result.data.resolveTicket.resolution.credited.amountMinor).toBe(1500);
  });
});

describe('resolution actions', () => {
  it('admins create, edit and deactivate actions; a used action keeps its effect', async () => {
    const created = await app.gql('mutation { createResolutionAction(input: { category: QUALITY, label: "Free extra lesson", effect: PARTIAL_CREDIT, creditPercent: 25 }) { id active effect creditPercent } }', {}, admin);
    const id = created.data.createResolutionAction.id;
    const renamed = await app.gql('mutation($id: ID!) { updateResolutionAction(id: $id, input: { category: QUALITY, label: "Extra lesson", effect: PARTIAL_CREDIT, creditPercent: 30, active: false }) { label active creditPercent } }', { id }, admin);
    expect(renamed.data.updateResolutionAction).toEqual({ label: 'Extra lesson', active: false, creditPercent: 30 });
    const listed = await app.gql('{ resolutionActions(category: QUALITY) { id } }', {}, tutor);
    expect(listed.data.resolutionActions.map((a: any) => a.id)).not.toContain(id);

    const [used] = await sql(app, 'select resolution_action_id as id from tickets where resolution_action_id is not null limit 1');
    const changeUsed = await app.gql('mutation($id: ID!) { updateResolutionAction(id: $id, input: { label: "Changed", effect: NONE }) { id } }', { id: used.id }, admin);
    expect(errorCode(changeUsed)).toBe('BAD_USER_INPUT');
  });
});

describe('evidence', () => {
  it('shows attendance against the schedule and a suggested credit for duration disputes', async () => {
    const [session] = await sql(app, 'select s.id from tutoring_sessions s where s.id = ?', [sessionIds[0]]);
    await sql(app, `update tutoring_sessions set tutor_joined_at = scheduled_start + interval '10 minutes', tutor_left_at = scheduled_end - interval '20 minutes' where id = ?`, [session.id]);
    const result = await app.gql('query($id: ID!) { ticket(id: $id) { evidence { scheduledMinutes actualMinutes tutorLateMinutes missingMinutes suggestedCredit { amountMinor } } firstResponseDueAt resolutionDueAt overdue } }', { id: ticketId }, coordinator);
    expect(result.data.ticket.evidence[0]).toEqual({ scheduledMinutes: 60, actualMinutes: 30, tutorLateMinutes: 10, missingMinutes: 30, suggestedCredit: { amountMinor: 1500 } });
    expect(result.data.ticket.overdue).toBe(false);
    expect(new Date(result.data.ticket.resolutionDueAt).getTime()).toBeGreaterThan(Date.now());
  });
});
