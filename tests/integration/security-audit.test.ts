import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/auth/passwords';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { sql, userId } from '../support/fixtures';

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login('admin@demo.test');
});
afterAll(() => app.close());

const AUDIT = 'query($first: Int, $after: String) { auditLog(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id at action actorId actorName actorRole targetType targetId address change } } } }';

async function entries(action: string) {
  const result = await app.gql(AUDIT, { first: 100 }, admin);
  expect(result.errors).toBeUndefined();
  return result.data.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.action === action);
}

describe('audit log', () => {
  it('records staff sign-ins with the address, and not other people’s', async () => {
    await app.login('coordinator@demo.test');
    await app.login('parent@demo.test');
    const signIns = await entries('auth.sign_in');
    expect(signIns.map((e: any) => e.actorRole).sort()).toEqual(['ADMIN', 'COORDINATOR']);
    expect(signIns[0].address).toMatch(/127\.0\.0\.1/);
    expect(new Date(signIns[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('records resolution actions created and changed, with the change as JSON', async () => {
    const INPUT = { category: 'BILLING', label: 'Audit test action', effect: 'PARTIAL_CREDIT', creditPercent: 25 };
    const created = await app.gql('mutation($i: ResolutionActionInput!) { createResolutionAction(input: $i) { id } }', { i: INPUT }, admin);
    const id = created.data.createResolutionAction.id;
    await app.gql('mutation($id: ID!, $i: ResolutionActionInput!) { updateResolutionAction(id: $id, input: $i) { id } }', { id, i: { ...INPUT, active: false } }, admin);
    const [update] = await entries('resolution_action.updated');
    expect(update).toMatchObject({ targetType: 'ResolutionAction', targetId: id, actorName: expect.any(String) });
    expect(JSON.parse(update.change)).toMatchObject({ active: false, creditPercent: 25 });
    expect(await entries('resolution_action.created')).toHaveLength(1);
  });

  it('records the final decision on an escalated ticket', async () => {
    const [ticket] = await sql(app, "select id from tickets where status = 'ESCALATED' limit 1");
    const decided = await app.gql(
      'mutation($i: ResolveTicketInput!) { resolveTicket(input: $i) { status } }',
      { i: { ticketId: ticket.id, outcome: 'IN_FAVOR_OF_EDUCATOR', comment: 'The session happened as booked.' } },
      admin,
    );
    expect(decided.errors).toBeUndefined();
    const [entry] = await entries('ticket.final_decision');
    expect(entry).toMatchObject({ targetType: 'Ticket', targetId: ticket.id, actorRole: 'ADMIN' });
    expect(JSON.parse(entry.change)).toMatchObject({ outcome: 'IN_FAVOR_OF_EDUCATOR' });
  });

  it('records role changes; the new role applies at once', async () => {
    const learner = await userId(app, 'learner@demo.test');
    const token = await app.login('learner@demo.test');
    const SET = 'mutation($u: ID!, $r: Role!) { setUserRole(userId: $u, role: $r) { role } }';
    expect(errorCode(await app.gql(SET, { u: learner, r: 'ADMIN' }, token))).toBe('FORBIDDEN');
    expect((await app.gql(SET, { u: learner, r: 'PARENT' }, admin)).data.setUserRole.role).toBe('PARENT');
    expect((await app.gql('{ me { role } }', {}, token)).data.me.role).toBe('PARENT');
    await app.gql(SET, { u: learner, r: 'LEARNER' }, admin);
    const changes = (await entries('user.role_changed')).map((e: any) => JSON.parse(e.change));
    expect(changes).toEqual([{ from: 'PARENT', to: 'LEARNER' }, { from: 'LEARNER', to: 'PARENT' }]);
  });

  it('pages newest first and is for admins only', async () => {
    const first = (await app.gql(AUDIT, { first: 2 }, admin)).data.auditLog;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await app.gql(AUDIT, { first: 2, after: first.pageInfo.endCursor }, admin)).data.auditLog;
    expect(Number(next.edges[0].node.id)).toBeLessThan(Number(first.edges[1].node.id));
    expect(errorCode(await app.gql(AUDIT, { first: 2, after: 'bogus' }, admin))).toBe('BAD_USER_INPUT');
    for (const email of ['coordinator@demo.test', 'tutor@demo.test']) {
      expect(errorCode(await app.gql(AUDIT, {}, await app.login(email)))).toBe('FORBIDDEN');
    }
    expect(errorCode(await app.gql(AUDIT, {}))).toBe('UNAUTHENTICATED');
  });

  it('keeps entries, with the actor’s name, after the account is deleted', async () => {
    await sql(app, "insert into users (id, name, email, role, password_hash) values (gen_random_uuid(), 'Temp Coordinator', 'temp.coord@demo.test', 'COORDINATOR', ?)", [await hashPassword('temp-password')]);
    await app.login('temp.coord@demo.test', 'temp-password');
    const id = await userId(app, 'temp.coord@demo.test');
    await sql(app, 'delete from users where id = ?', [id]);
    const [entry] = await sql(app, "select actor_id, actor_name from audit_log where actor_id = ? and action = 'auth.sign_in'", [id]);
    expect(entry).toEqual({ actor_id: id, actor_name: 'Temp Coordinator' });
  });
});

describe('contactTutor', () => {
  it('writes an internal issue-log entry that staff see and the reporter does not', async () => {
    const coordinator = await app.login('coordinator@demo.test');
    const [ticket] = await sql(app, "select t.id, u.email from tickets t join users u on u.id = t.reporter_id where t.status = 'ONGOING' and t.tutor_id is not null and u.role = 'PARENT' limit 1");
    const sent = await app.gql('mutation($t: ID!, $m: String!) { contactTutor(ticketId: $t, message: $m) { id } }', { t: ticket.id, m: 'Could you confirm the start time?' }, coordinator);
    expect(sent.errors).toBeUndefined();
    const LOGS = 'query($id: ID!) { ticket(id: $id) { logs { action comment actor { name } } } }';
    const staffLogs = (await app.gql(LOGS, { id: ticket.id }, coordinator)).data.ticket.logs;
    expect(staffLogs.at(-1)).toMatchObject({ action: 'CONTACTED_TUTOR', comment: 'Could you confirm the start time?' });
    const reporterLogs = (await app.gql(LOGS, { id: ticket.id }, await app.login(ticket.email))).data.ticket.logs;
    expect(reporterLogs.map((l: any) => l.action)).not.toContain('CONTACTED_TUTOR');
  });
});
