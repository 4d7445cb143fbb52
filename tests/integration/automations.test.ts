import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutomationTrigger } from '../../server/src/automations/enums';
import { onAttendanceRecorded } from '../../server/src/automations/triggers';
import { jobQueue } from '../../server/src/jobs/queue';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { COMMENT, REPORT, RESOLVE, createDisputableSessions, sql, userId } from '../support/fixtures';
import { RUNS, SAVE_AUTOMATION, TEST_AUTOMATION, databaseFingerprint, tutorNeverJoined } from '../support/automations';

const HOUR = 3_600_000;
const LOGS = `query($id: ID!) { ticket(id: $id) { status version assignee { id } logs { action comment internal automationName actor { id } } } }`;

describe('automations: triggers, once, no loops, refusals, rules checked, tests that write nothing', () => {
  let app: TestApp;
  let admin: string;
  let parent: string;
  let coordinator: string;
  let fullCreditId: string;
  // The worker is off: each trigger's job is checked in the queue, then run with an injected clock.
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    [admin, parent, coordinator] = await Promise.all(['admin@demo.test', 'parent@demo.test', 'coordinator@demo.test'].map((e) => app.login(e)));
    fullCreditId = (await sql(app, `select id from resolution_actions where label = 'Void the session and restore the package credit'`))[0].id;
  });
  afterAll(() => app.close());

  const save = async (input: Record<string, unknown>) => {
    const result = await app.gql(SAVE_AUTOMATION, { input: { active: true, ...input } }, admin);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.saveAutomation;
  };
  const off = (id: string, input: Record<string, unknown>) => app.gql(SAVE_AUTOMATION, { input: { ...input, id, active: false } }, admin);
  const report = async (category = 'QUALITY') => {
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    return { id: (await app.gql(REPORT, { input: { sessionIds, category, title: 'Issue', description: 'Details' } }, parent)).data.reportIssue.id as string, sessionIds };
  };
  const jobsFor = async (ticketId: string) => (await sql(app, `select j.payload->>'trigger' as trigger from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id
    where k.identifier = 'automations:evaluate' and j.payload->>'ticketId' = ? order by j.id`, [ticketId])).map((j) => j.trigger);
  const logs = async (id: string) => (await app.gql(LOGS, { id }, admin)).data.ticket;

  it('refuses bad rules with the field at fault, and non-admins', async () => {
    const base = { name: 'Rule', active: true, trigger: 'TICKET_CREATED', actions: [{ kind: 'INTERNAL_NOTE', text: 'x' }] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '  ' }, 'name'],
      [{ actions: [] }, 'actions'],
      [{ actions: [{ kind: 'RESOLVE', actionId: '00000000-0000-4000-8000-000000000000' }] }, 'actions.0.actionId'],
      [{ actions: [{ kind: 'RESOLVE' }] }, 'actions.0.actionId'],
      [{ actions: [{ kind: 'ASSIGN', assigneeId: await userId(app, 'parent@demo.test') }] }, 'actions.0.assigneeId'],
      [{ actions: [{ kind: 'COMMENT' }] }, 'actions.0.text'],
      [{ actions: [{ kind: 'COMMENT', text: 'hi', actionId: fullCreditId }] }, 'actions.0.actionId'],
      [{ trigger: 'COMMENTED', actions: [{ kind: 'RESOLVE', actionId: fullCreditId }] }, 'actions.0.kind'],
      [{ trigger: 'NO_TUTOR_REPLY' }, 'afterHours'],
      [{ afterHours: 4 }, 'afterHours'],
      [{ facts: [{ fact: 'TUTOR_JOINED_MINUTES', op: 'EQ', value: -1 }] }, 'facts.0.value'],
      [{ facts: [{ fact: 'TUTOR_DISPUTE_RATE_PERCENT', op: 'GT', value: 150 }] }, 'facts.0.value'],
      [{ filter: { tutorId: 'not-an-id' } }, 'filter.tutorId'],
      [{ actions: [{ kind: 'OPEN_RISK_TICKET', text: 'SOMEONE' }] }, 'actions.0.text'],
    ];
    const before = (await sql(app, 'select count(*)::int as n from automations'))[0].n;
    for (const [change, field] of cases) {
      const result = await app.gql(SAVE_AUTOMATION, { input: { ...base, ...change } }, admin);
      expect([JSON.stringify(change), result.errors?.[0]?.extensions?.code, result.errors?.[0]?.extensions?.field]).toEqual([JSON.stringify(change), 'BAD_USER_INPUT', field]);
    }
    expect(errorCode(await app.gql(SAVE_AUTOMATION, { input: base }, coordinator))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql('{ automations { id } }', {}, parent))).toBe('FORBIDDEN');
    expect((await sql(app, 'select count(*)::int as n from automations'))[0].n).toBe(before);
  });

  it('TICKET_CREATED, STATUS_CHANGED and COMMENTED queue a durable job only when an automation listens, and act as SYSTEM under their name', async () => {
    const quiet = await report();
    expect(await jobsFor(quiet.id)).toEqual([]);
    const input = { name: 'Note on report', trigger: 'TICKET_CREATED', filter: { category: 'QUALITY' }, actions: [{ kind: 'INTERNAL_NOTE', text: 'Check the recording.' }] };
    const created = await save(input);
    const changed = await save({ name: 'Comment on change', trigger: 'STATUS_CHANGED', filter: { status: ['RESOLVED'] }, actions: [{ kind: 'COMMENT', text: 'Tell us if this does not settle it.' }] });
    const commented = await save({ name: 'Note on comment', trigger: 'COMMENTED', actions: [{ kind: 'INTERNAL_NOTE', text: 'The family wrote.' }] });
    const { id } = await report();
    expect(await jobsFor(id)).toEqual(['TICKET_CREATED']);
    expect(await app.services.automations.handle(id, AutomationTrigger.TICKET_CREATED)).toEqual(['ok']);
    // Its own note fired no COMMENTED job: no loops.
    expect(await jobsFor(id)).toEqual(['TICKET_CREATED']);
    await app.gql(COMMENT, { id, b: 'Any news?' }, parent);
    expect(await jobsFor(id)).toEqual(['TICKET_CREATED', 'COMMENTED']);
    expect(await app.services.automations.handle(id, AutomationTrigger.COMMENTED)).toEqual(['ok']);
    await app.gql(RESOLVE, { input: { ticketId: id, outcome: 'IN_FAVOR_OF_EDUCATOR', comment: 'The lesson took place.' } }, coordinator);
    expect(await app.services.automations.handle(id, AutomationTrigger.STATUS_CHANGED)).toEqual(['ok']);
    // Once per ticket and trigger: running again does nothing.
    expect(await app.services.automations.handle(id, AutomationTrigger.STATUS_CHANGED)).toEqual(['skipped']);
    await app.gql(COMMENT, { id, b: 'Thanks' }, parent);
    expect(await app.services.automations.handle(id, AutomationTrigger.COMMENTED)).toEqual(['skipped']);
    const ticket = await logs(id);
    const byAutomations = ticket.logs.filter((l: any) => l.automationName);
    expect(byAutomations).toEqual([
      { action: 'COMMENTED', comment: 'Check the recording.', internal: true, automationName: 'Note on report', actor: null },
      { action: 'COMMENTED', comment: 'The family wrote.', internal: true, automationName: 'Note on comment', actor: null },
      { action: 'COMMENTED', comment: 'Tell us if this does not settle it.', internal: false, automationName: 'Comment on change', actor: null },
    ]);
    const runs = (await app.gql(RUNS, { t: id }, coordinator)).data.automationRuns;
    expect(runs.totalCount).toBe(3);
    const listed = (await app.gql('{ automations { name runCount lastRunAt } }', {}, coordinator)).data.automations;
    expect(listed.find((a: any) => a.name === 'Note on report')).toMatchObject({ runCount: 1, lastRunAt: expect.any(String) });
    for (const [a, i] of [[created, input], [changed, { name: 'x', trigger: 'STATUS_CHANGED', actions: [{ kind: 'COMMENT', text: 'x' }] }], [commented, { name: 'y', trigger: 'COMMENTED', actions: [{ kind: 'INTERNAL_NOTE', text: 'y' }] }]] as const) await off(a.id, i);
  });

  it('a rule the lifecycle refuses records a failed run with its code and changes nothing', async () => {
    const { id } = await report();
    await app.gql('mutation($id: ID!) { escalateTicket(ticketId: $id, comment: "Needs an admin") { id } }', { id }, coordinator);
    const input = { name: 'Escalate breaches', trigger: 'SLA_BREACHED', filter: { status: ['ESCALATED'] }, actions: [{ kind: 'INTERNAL_NOTE', text: 'Late.' }, { kind: 'ESCALATE', text: 'Too slow' }] };
    const rule = await save(input);
    const before = await logs(id);
    // Past every due time: breached (the desk's SLA rule). An ESCALATED ticket cannot be escalated: CONFLICT, and the note before it is undone.
    expect(await app.services.automations.sweep(new Date(Date.now() + 30 * 24 * HOUR))).toBeGreaterThanOrEqual(1);
    const [run] = await sql(app, 'select ok, code from automation_runs where automation_id = ? and ticket_id = ?', [rule.id, id]);
    expect(run).toEqual({ ok: false, code: 'CONFLICT' });
    expect(await logs(id)).toEqual(before);
    // Recorded once: the next sweep leaves it alone.
    await app.services.automations.sweep(new Date(Date.now() + 30 * 24 * HOUR));
    expect((await sql(app, 'select count(*)::int as n from automation_runs where automation_id = ? and ticket_id = ?', [rule.id, id]))[0].n).toBe(1);
    await off(rule.id, input);
  });

  it('SLA_AT_RISK, NO_TUTOR_REPLY and ATTENDANCE_RECORDED with an injected clock', async () => {
    const atRisk = await save({ name: 'At risk', trigger: 'SLA_AT_RISK', filter: { category: 'DURATION' }, actions: [{ kind: 'INTERNAL_NOTE', text: 'Hurry.' }] });
    const noReply = await save({ name: 'Tutor silent', trigger: 'NO_TUTOR_REPLY', afterHours: 12, filter: { category: 'DURATION' }, actions: [{ kind: 'INTERNAL_NOTE', text: 'The tutor has not answered.' }] });
    const attendance = await save({ name: 'Attendance in', trigger: 'ATTENDANCE_RECORDED', filter: { category: 'DURATION' }, facts: [{ fact: 'TUTOR_JOINED_MINUTES', op: 'EQ', value: 0 }], actions: [{ kind: 'INTERNAL_NOTE', text: 'The room shows no tutor.' }] });
    const { id, sessionIds } = await report('DURATION');
    // The report scheduled the tutor's reply timer as a durable job.
    await app.services.automations.handle(id, AutomationTrigger.TICKET_CREATED);
    const [timer] = await sql(app, `select run_at from graphile_worker.jobs where key = ?`, [`noreply:${noReply.id}:${id}`]);
    const createdAt = new Date((await sql(app, 'select created_at from tickets where id = ?', [id]))[0].created_at).getTime();
    expect(Math.abs(new Date(timer.run_at).getTime() - (createdAt + 12 * HOUR))).toBeLessThan(1000);
    expect(await app.services.automations.noTutorReply(id, noReply.id, new Date(createdAt + 11 * HOUR))).toBe('skipped');
    expect(await app.services.automations.noTutorReply(id, noReply.id, new Date(createdAt + 13 * HOUR))).toBe('ok');
    // 19 h into a 24 h first-response window: less than a quarter left.
    const noteCount = async (text: string) => (await logs(id)).logs.filter((l: any) => l.comment === text).length;
    await app.services.automations.sweep(new Date(createdAt + 10 * HOUR));
    expect(await noteCount('Hurry.')).toBe(0);
    await app.services.automations.sweep(new Date(createdAt + 19 * HOUR));
    expect(await noteCount('Hurry.')).toBe(1);
    // Attendance arrives: the sync calls onAttendanceRecorded; the job it queued runs the rule.
    await tutorNeverJoined(app, sessionIds);
    expect(await onAttendanceRecorded(app.orm.em.fork() as never, jobQueue, sessionIds[0])).toBe(1);
    expect(await jobsFor(id)).toContain('ATTENDANCE_RECORDED');
    expect(await app.services.automations.handle(id, AutomationTrigger.ATTENDANCE_RECORDED)).toEqual(['ok']);
    expect(await noteCount('The room shows no tutor.')).toBe(1);
    // A tutor who answered stops the timer: another ticket, the tutor comments, nothing runs.
    const other = await report('DURATION');
    await app.gql(COMMENT, { id: other.id, b: 'I will look into it.' }, await app.login('tutor@demo.test'));
    expect(await app.services.automations.noTutorReply(other.id, noReply.id, new Date(Date.now() + 13 * HOUR))).toBe('skipped');
    await off(atRisk.id, { name: 'a', trigger: 'SLA_AT_RISK', actions: [{ kind: 'INTERNAL_NOTE', text: 'a' }] });
    await off(noReply.id, { name: 'b', trigger: 'NO_TUTOR_REPLY', afterHours: 12, actions: [{ kind: 'INTERNAL_NOTE', text: 'b' }] });
    await off(attendance.id, { name: 'c', trigger: 'ATTENDANCE_RECORDED', actions: [{ kind: 'INTERNAL_NOTE', text: 'c' }] });
  });

  it('testAutomation says what a rule would have done, writing nothing', async () => {
    const { id, sessionIds } = await report('NO_SHOW');
    await tutorNeverJoined(app, sessionIds);
    const input = { name: 'Try', active: true, trigger: 'TICKET_CREATED', filter: { category: 'NO_SHOW' },
      facts: [{ fact: 'TUTOR_JOINED_MINUTES', op: 'EQ', value: 0 }, { fact: 'DISPUTED_AMOUNT_MINOR', op: 'LTE', value: 10000 }],
      actions: [{ kind: 'RESOLVE', actionId: fullCreditId }] };
    const before = await databaseFingerprint(app);
    const result = await app.gql(TEST_AUTOMATION, { input, days: 30 }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data.testAutomation.tickets.map((t: any) => t.id)).toContain(id);
    expect(result.data.testAutomation.credited).toEqual([{ amountMinor: expect.any(Number), currency: 'EUR' }]);
    expect(result.data.testAutomation.credited[0].amountMinor).toBeGreaterThanOrEqual(3000);
    expect(await databaseFingerprint(app)).toEqual(before);
    const bad = await app.gql(TEST_AUTOMATION, { input: { ...input, actions: [] } }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actions' });
  });
});
