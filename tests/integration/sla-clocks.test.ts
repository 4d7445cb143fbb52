import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { sql, userId } from '../support/fixtures';
import { ticketApi } from '../support/ticket-changes';

const T = `id version status slaState firstRespondedAt firstResponseDueAt resolutionDueAt escalatedAt escalationDueAt waitingOnReporterSince`;
const GET = `query($id: ID!) { ticket(id: $id) { ${T} } }`;
const COMMENT = `mutation($id: ID!, $b: String!, $i: Boolean, $w: Boolean, $v: Int) {
  addTicketComment(ticketId: $id, body: $b, internal: $i, waitForReporter: $w, expectedVersion: $v) { ${T} } }`;

describe('SLA clocks through the API', () => {
  let app: TestApp;
  let coordinator: string;
  let parent: string;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    [coordinator, parent, admin] = await Promise.all(['coordinator@demo.test', 'parent@demo.test', 'admin@demo.test'].map((e) => app.login(e)));
  });
  afterAll(() => app.close());
  const get = async (id: string, token = coordinator) => (await app.gql(GET, { id }, token)).data.ticket;

  it('assigning and internal notes are no first response; a public reply is', async () => {
    const id = await ticketApi.report(app, parent, 'mia@demo.test', 'SLA first response');
    await ticketApi.assign(app, coordinator, id, await userId(app, 'coordinator@demo.test'));
    await ticketApi.comment(app, coordinator, id, 'Checking the attendance first', true);
    expect((await get(id)).firstRespondedAt).toBeNull();
    await ticketApi.comment(app, coordinator, id, 'We are looking into it');
    expect((await get(id)).firstRespondedAt).not.toBeNull();
  });

  it('feedback has no SLA by default; an admin policy gives it one', async () => {
    const report = `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { ${T} } }`;
    const input = (title: string) => ({ type: 'FEEDBACK', category: 'QUALITY', title, description: 'Mia enjoys reading now', sessionIds: [] });
    const praise = (await app.gql(report, { input: input('Praise') }, parent)).data.reportIssue;
    expect(praise).toMatchObject({ firstResponseDueAt: null, resolutionDueAt: null, slaState: 'ON_TRACK' });

    const SET = `mutation($input: SlaPolicyInput!) { setSlaPolicy(input: $input) { type firstResponseMinutes resolutionMinutes escalatedMinutes businessHours } }`;
    expect(errorCode(await app.gql(SET, { input: { type: 'FEEDBACK', firstResponseMinutes: 60, businessHours: false } }, coordinator))).toBe('FORBIDDEN');
    const bad = await app.gql(SET, { input: { type: 'FEEDBACK', firstResponseMinutes: 0, businessHours: false } }, admin);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'firstResponseMinutes' });
    expect(bad.errors?.[0].message).toBe('The first-response target must be between 1 minute and 365 days (or empty for none)');
    const set = await app.gql(SET, { input: { type: 'FEEDBACK', firstResponseMinutes: 2880, businessHours: false } }, admin);
    expect(set.data.setSlaPolicy).toEqual({ type: 'FEEDBACK', firstResponseMinutes: 2880, resolutionMinutes: null, escalatedMinutes: null, businessHours: false });
    const idea = (await app.gql(report, { input: input('An idea') }, parent)).data.reportIssue;
    expect(new Date(idea.firstResponseDueAt).getTime() - Date.now()).toBeGreaterThan(47 * 3_600_000);
    expect(idea.resolutionDueAt).toBeNull();
    const policies = (await app.gql('{ slaPolicies { type firstResponseMinutes } }', {}, coordinator)).data.slaPolicies;
    expect(policies).toEqual(expect.arrayContaining([{ type: 'FEEDBACK', firstResponseMinutes: 2880 }, { type: 'DISPUTE', firstResponseMinutes: 1440 }]));
    await app.gql(SET, { input: { type: 'FEEDBACK', businessHours: false } }, admin);
  });

  it('admins set business hours; a wrong time zone or day is refused in plain words and changes nothing', async () => {
    const SET = `mutation($input: BusinessHoursInput!) { setBusinessHours(input: $input) { timeZone week { weekday openMinute closeMinute } daysOff } }`;
    const week = [{ weekday: 1, openMinute: 540, closeMinute: 1020 }];
    const zone = await app.gql(SET, { input: { timeZone: 'Mars/Olympus', week, daysOff: [] } }, admin);
    expect(zone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    const day = await app.gql(SET, { input: { timeZone: 'Europe/Berlin', week, daysOff: ['25.12.2026'] } }, admin);
    expect(day.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'daysOff' });
    expect((await app.gql('{ businessHours { timeZone } }', {}, coordinator)).data.businessHours.timeZone).toBe('UTC');
    const ok = await app.gql(SET, { input: { timeZone: 'Europe/Berlin', week, daysOff: ['2026-12-25'] } }, admin);
    expect(ok.data.setBusinessHours).toEqual({ timeZone: 'Europe/Berlin', week, daysOff: ['2026-12-25'] });
    expect(errorCode(await app.gql(SET, { input: { timeZone: 'UTC', week, daysOff: [] } }, coordinator))).toBe('FORBIDDEN');
  });

  it('waiting on the reporter pauses the clocks until the reporter replies', async () => {
    const id = await ticketApi.report(app, parent, 'mia@demo.test', 'SLA pause');
    const tutor = await app.login('tutor@demo.test');
    const refused = await app.gql(COMMENT, { id, b: 'note', i: true, w: true }, coordinator);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'waitForReporter' });
    const asked = (await app.gql(COMMENT, { id, b: 'Which day was it?', w: true }, tutor)).data.addTicketComment;
    expect(asked.waitingOnReporterSince).not.toBeNull();
    expect(asked.firstRespondedAt).not.toBeNull();
    // Pretend the question was asked two days ago: those two days do not count.
    const twoDays = 2 * 86_400_000;
    await sql(app, `update tickets set sla_paused_at = sla_paused_at - interval '2 days' where id = ?`, [id]);
    const answered = (await app.gql(COMMENT, { id, b: 'It was Tuesday' }, parent)).data.addTicketComment;
    expect(answered.waitingOnReporterSince).toBeNull();
    const moved = new Date(answered.resolutionDueAt).getTime() - new Date(asked.resolutionDueAt).getTime();
    expect(Math.abs(moved - twoDays)).toBeLessThan(60_000);
    const [job] = await sql(app, `select run_at from graphile_worker.jobs where key = ?`, [`autoEscalate:${id}`]).catch(() => [undefined]);
    if (job) expect(Math.abs(new Date(job.run_at).getTime() - new Date(answered.resolutionDueAt).getTime())).toBeLessThan(1000);
  });

  it('an escalated ticket waits on its own clock and is not MET before the final decision', async () => {
    const id = await ticketApi.report(app, parent, 'mia@demo.test', 'SLA escalated');
    await ticketApi.comment(app, coordinator, id, 'Looking');
    const escalated = (await app.gql(`mutation($id: ID!) { escalateTicket(ticketId: $id, comment: "Needs the admin") { ${T} } }`, { id }, coordinator)).data.escalateTicket;
    expect(escalated.status).toBe('ESCALATED');
    expect(escalated.slaState).toBe('ON_TRACK');
    expect(new Date(escalated.escalationDueAt).getTime() - new Date(escalated.escalatedAt).getTime()).toBe(48 * 3_600_000);
    await sql(app, `update tickets set escalated_at = now() - interval '47 hours', escalation_due_at = now() + interval '1 hour' where id = ?`, [id]);
    expect((await get(id)).slaState).toBe('AT_RISK');
    await sql(app, `update tickets set escalation_due_at = now() - interval '1 minute' where id = ?`, [id]);
    expect((await get(id)).slaState).toBe('BREACHED');
  });

  it('a comment on a ticket that changed since it was loaded is CONFLICT with what changed, and writes nothing', async () => {
    const id = await ticketApi.report(app, parent, 'mia@demo.test', 'SLA conflict');
    const loaded = await get(id, parent);
    await ticketApi.comment(app, coordinator, id, 'We credited the lesson already');
    await ticketApi.comment(app, coordinator, id, 'Staff only: check the invoice', true);
    const stale = await app.gql(COMMENT, { id, b: 'Please credit the lesson', v: loaded.version }, parent);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const changes = stale.errors?.[0].extensions?.changes as Array<{ summary: string }>;
    expect(changes).toHaveLength(1);
    expect(changes[0].summary).toMatch(/^\S.* commented: “We credited the lesson already”$/);
    expect(stale.errors?.[0].message).toContain('We credited the lesson already');
    expect(stale.errors?.[0].message).not.toContain('Staff only');
    const logs = await sql(app, `select count(*)::int as n from issue_logs where ticket_id = ? and comment = 'Please credit the lesson'`, [id]);
    expect(logs[0].n).toBe(0);
    const fresh = await get(id, parent);
    expect((await app.gql(COMMENT, { id, b: 'Please credit the lesson', v: fresh.version }, parent)).errors).toBeUndefined();
  });
});
