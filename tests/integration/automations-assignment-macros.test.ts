import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/auth/roles';
import { User } from '../../server/src/auth/user.entity';
import { AutomationTrigger } from '../../server/src/automations/enums';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { REPORT, createDisputableSessions, sql, userId } from '../support/fixtures';
import { SAVE_AUTOMATION } from '../support/automations';

const POLICY = `mutation($input: AssignmentPolicyInput!) { setAssignmentPolicy(input: $input) { mode maxOpenPerCoordinator coordinators { id } } }`;
const SAVE_MACRO = `mutation($input: MacroInput!) { saveMacro(input: $input) { id name shared owner { id } actions { kind text assignee { id } } } }`;
const APPLY = `mutation($t: ID!, $m: ID!) { applyMacro(ticketId: $t, macroId: $m) { id status assignee { id } viewerCan { applyMacro } logs { action comment internal actor { id } } } }`;

describe('fair assignment, macros and RISK tickets', () => {
  let app: TestApp;
  let admin: string;
  let parent: string;
  const staff: string[] = [];
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    [admin, parent] = await Promise.all(['admin@demo.test', 'parent@demo.test'].map((e) => app.login(e)));
    const em = app.orm.em.fork() as EntityManager;
    for (const n of [1, 2, 3]) {
      const user = Object.assign(new User(), { name: `Desk ${n}`, email: `desk${n}-${Date.now()}@demo.test`, role: Role.COORDINATOR, passwordHash: 'x' });
      em.persist(user);
      staff.push(user.id);
    }
    await em.flush();
  });
  afterAll(() => app.close());

  const reportMany = async (n: number) => {
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor2@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: n });
    // Concurrent reports, then their jobs at once (as several workers would).
    const ids = await Promise.all(sessionIds.map(async (s) => (await app.gql(REPORT, { input: { sessionIds: [s], category: 'QUALITY', title: 'q', description: 'q' } }, parent)).data.reportIssue.id as string));
    await Promise.all(ids.map((id) => app.services.automations.handle(id, AutomationTrigger.TICKET_CREATED)));
    return ids;
  };
  const assignees = async (ids: string[]) => (await sql(app, 'select assignee_id from tickets where id = any(?::uuid[]) order by number', [`{${ids.join(',')}}`])).map((r) => r.assignee_id);

  it('checks the policy', async () => {
    expect((await app.gql(POLICY, { input: { mode: 'ROUND_ROBIN', coordinatorIds: [] } }, admin)).errors?.[0]?.extensions?.field).toBe('coordinatorIds');
    expect((await app.gql(POLICY, { input: { mode: 'ROUND_ROBIN', coordinatorIds: [await userId(app, 'parent@demo.test')] } }, admin)).errors?.[0]?.extensions?.field).toBe('coordinatorIds');
    expect((await app.gql(POLICY, { input: { mode: 'LEAST_LOADED', coordinatorIds: staff, maxOpenPerCoordinator: 0 } }, admin)).errors?.[0]?.extensions?.field).toBe('maxOpenPerCoordinator');
    expect(errorCode(await app.gql(POLICY, { input: { mode: 'MANUAL' } }, await app.login('coordinator@demo.test')))).toBe('FORBIDDEN');
  });

  it('ROUND_ROBIN under concurrent reports: in turn, never above the cap; the rest stays unassigned and staff are told', async () => {
    const [a, b] = staff;
    const set = await app.gql(POLICY, { input: { mode: 'ROUND_ROBIN', coordinatorIds: [a, b], maxOpenPerCoordinator: 3 } }, admin);
    expect(set.data.setAssignmentPolicy).toEqual({ mode: 'ROUND_ROBIN', maxOpenPerCoordinator: 3, coordinators: [{ id: a }, { id: b }] });
    const ids = await reportMany(8);
    const got = await assignees(ids);
    expect(got.filter((x) => x === a)).toHaveLength(3);
    expect(got.filter((x) => x === b)).toHaveLength(3);
    expect(got.filter((x) => x === null)).toHaveLength(2);
    // In turn: consecutive picks alternate (the row lock orders them).
    const order = (await sql(app, `select t.assignee_id from issue_logs l join tickets t on t.id = l.ticket_id
      where l.ticket_id = any(?::uuid[]) and l.action = 'ASSIGNED' order by l.created_at`, [`{${ids.join(',')}}`])).map((r) => r.assignee_id);
    for (let i = 1; i < order.length; i += 1) expect(order[i]).not.toBe(order[i - 1]);
    const logged = await sql(app, `select automation_name, actor_id from issue_logs where ticket_id = ? and action = 'ASSIGNED'`, [ids[0]]);
    expect(logged).toEqual([{ automation_name: 'Assignment policy', actor_id: null }]);
    const told = await sql(app, `select count(*)::int as n from notifications where ticket_id = any(?::uuid[]) and title like '%waiting for someone%'`, [`{${ids.join(',')}}`]);
    expect(told[0].n).toBeGreaterThanOrEqual(2);
  });

  it('LEAST_LOADED picks whoever has the fewest open tickets; AUTO_ASSIGN in a rule uses the policy', async () => {
    const [a, b, c] = staff;
    await app.gql(POLICY, { input: { mode: 'LEAST_LOADED', coordinatorIds: [a, b, c], maxOpenPerCoordinator: 4 } }, admin);
    const ids = await reportMany(3);
    // a and b have 3 open each, c none: c takes them up to the cap... all three here.
    expect(await assignees(ids)).toEqual([c, c, c]);
    await app.gql(POLICY, { input: { mode: 'MANUAL' } }, admin);
    const rule = await app.gql(SAVE_AUTOMATION, { input: { name: 'Auto', active: true, trigger: 'COMMENTED', actions: [{ kind: 'AUTO_ASSIGN' }] } }, admin);
    expect(rule.errors).toBeUndefined();
    const [quiet] = await reportMany(1);
    expect(await assignees([quiet])).toEqual([null]);
    await app.gql(POLICY, { input: { mode: 'LEAST_LOADED', coordinatorIds: [a, b, c], maxOpenPerCoordinator: 4 } }, admin);
    expect(await app.services.automations.handle(quiet, AutomationTrigger.COMMENTED)).toEqual(['ok']);
    // Three open each now: a tie goes to the first in the policy's order.
    expect(await assignees([quiet])).toEqual([a]);
    await app.gql(SAVE_AUTOMATION, { input: { id: rule.data.saveAutomation.id, name: 'Auto', active: false, trigger: 'COMMENTED', actions: [{ kind: 'AUTO_ASSIGN' }] } }, admin);
    await app.gql(POLICY, { input: { mode: 'MANUAL' } }, admin);
  });

  it('macros: own or shared, applied in one go as the caller, all or nothing', async () => {
    const coordinator = await app.login('coordinator@demo.test');
    const coordinatorId = await userId(app, 'coordinator@demo.test');
    const input = { name: 'Take it', actions: [{ kind: 'ASSIGN', assigneeId: coordinatorId }, { kind: 'COMMENT', text: 'I am on it.' }, { kind: 'INTERNAL_NOTE', text: 'Check the recording.' }] };
    const macro = (await app.gql(SAVE_MACRO, { input }, coordinator)).data.saveMacro;
    expect(macro).toMatchObject({ name: 'Take it', shared: false, owner: { id: coordinatorId } });
    expect(errorCode(await app.gql(SAVE_MACRO, { input: { ...input, shared: true } }, coordinator))).toBe('FORBIDDEN');
    expect((await app.gql(SAVE_MACRO, { input: { ...input, actions: [{ kind: 'COMMENT' }] } }, coordinator)).errors?.[0]?.extensions?.field).toBe('actions.0.text');
    // Another's private macro does not exist for the admin.
    expect((await app.gql('{ macros { id } }', {}, admin)).data.macros.map((m: any) => m.id)).not.toContain(macro.id);
    const [id] = await reportMany(1);
    expect(errorCode(await app.gql(APPLY, { t: id, m: macro.id }, admin))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(APPLY, { t: id, m: macro.id }, parent))).toBe('FORBIDDEN');
    const applied = (await app.gql(APPLY, { t: id, m: macro.id }, coordinator)).data.applyMacro;
    expect(applied.assignee).toEqual({ id: coordinatorId });
    expect(applied.viewerCan.applyMacro).toBe(true);
    expect(applied.logs.slice(-3).map((l: any) => [l.action, l.comment, l.internal, l.actor.id])).toEqual([
      ['ASSIGNED', 'Assigned to Chris Coordinator', false, coordinatorId].map((v, i) => (i === 1 ? expect.any(String) : v)),
      ['COMMENTED', 'I am on it.', false, coordinatorId],
      ['COMMENTED', 'Check the recording.', true, coordinatorId],
    ]);
    // A shared macro whose last step the lifecycle refuses (a coordinator cannot escalate a RESOLVED ticket): nothing changes.
    const shared = (await app.gql(SAVE_MACRO, { input: { name: 'Push up', shared: true, actions: [{ kind: 'INTERNAL_NOTE', text: 'Pushing.' }, { kind: 'ESCALATE', text: 'Up' }] } }, admin)).data.saveMacro;
    await app.gql(`mutation($id: ID!) { resolveTicket(input: { ticketId: $id, outcome: SPLIT, comment: "Half" }) { id } }`, { id }, coordinator);
    const before = (await sql(app, 'select version from tickets where id = ?', [id]))[0].version;
    expect(errorCode(await app.gql(APPLY, { t: id, m: shared.id }, coordinator))).toBe('FORBIDDEN');
    expect((await sql(app, 'select version from tickets where id = ?', [id]))[0].version).toBe(before);
    expect(errorCode(await app.gql('mutation($id: ID!) { deleteMacro(id: $id) }', { id: shared.id }, coordinator))).toBe('FORBIDDEN');
    expect((await app.gql('mutation($id: ID!) { deleteMacro(id: $id) }', { id: macro.id }, coordinator)).data.deleteMacro).toBe(true);
  });

  it('OPEN_RISK_TICKET: one open RISK ticket per person, linking the tickets that triggered it', async () => {
    const rule = await app.gql(SAVE_AUTOMATION, { input: { name: 'Many disputes', active: true, trigger: 'TICKET_CREATED',
      facts: [{ fact: 'REPORTER_DISPUTES_90_DAYS', op: 'GTE', value: 3 }], actions: [{ kind: 'OPEN_RISK_TICKET', text: 'REPORTER' }] } }, admin);
    expect(rule.errors).toBeUndefined();
    const ids = await reportMany(3);
    const parentId = await userId(app, 'parent@demo.test');
    const risks = await sql(app, `select l.risk_ticket_id, l.source_id from risk_links l where l.subject_id = ? order by l.at`, [parentId]);
    expect(new Set(risks.map((r) => r.risk_ticket_id)).size).toBe(1);
    expect(risks.map((r) => r.source_id).sort()).toEqual([...ids].sort());
    const [risk] = await sql(app, 'select type, status, tutor_id, title from tickets where id = ?', [risks[0].risk_ticket_id]);
    expect(risk).toMatchObject({ type: 'RISK', status: 'ONGOING', tutor_id: null });
    // The reporter does not see a RISK ticket about them.
    expect((await app.gql('query($id: ID!) { ticket(id: $id) { id } }', { id: risks[0].risk_ticket_id }, parent)).data.ticket).toBeNull();
  });
});
