import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { sql, userId } from '../support/fixtures';
import { ticketApi } from '../support/ticket-changes';

const BULK = `mutation($input: BulkTicketActionInput!) { bulkTicketAction(input: $input) { ticketId ok code ticket { id status assignee { id } } } }`;

describe('bulkTicketAction', () => {
  let app: TestApp;
  let coordinator: string;
  let parent: string;
  let adminId: string;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    [coordinator, parent] = [await app.login('coordinator@demo.test'), await app.login('parent@demo.test')];
    adminId = await userId(app, 'admin@demo.test');
  });
  afterAll(() => app.close());

  const report = (title: string) => ticketApi.report(app, parent, 'mia@demo.test', title);
  const logs = (id: string) => sql(app, 'select action, comment, internal from issue_logs where ticket_id = ? order by created_at, id', [id]);

  it('assigns the tickets it may, and reports the one that moved on and the one that does not exist', async () => {
    const [a, b, moved] = [await report('Bulk a'), await report('Bulk b'), await report('Bulk moved on')];
    await sql(app, `update tickets set status = 'CLOSED', closed_at = now() where id = ?`, [moved]);
    const missing = randomUUID();

    const { data, errors } = await app.gql(BULK, { input: { ticketIds: [a, moved, b, missing, a], action: 'ASSIGN', assigneeId: adminId } }, coordinator);
    expect(errors).toBeUndefined();
    expect(data.bulkTicketAction).toEqual([
      { ticketId: a, ok: true, code: null, ticket: { id: a, status: 'ONGOING', assignee: { id: adminId } } },
      { ticketId: moved, ok: false, code: 'CONFLICT', ticket: { id: moved, status: 'CLOSED', assignee: null } },
      { ticketId: b, ok: true, code: null, ticket: { id: b, status: 'ONGOING', assignee: { id: adminId } } },
      { ticketId: missing, ok: false, code: 'NOT_FOUND', ticket: null },
    ]);
    const assignees = await sql(app, 'select id, assignee_id from tickets where id in (?, ?, ?)', [a, b, moved]);
    expect(Object.fromEntries(assignees.map((r) => [r.id, r.assignee_id]))).toEqual({ [a]: adminId, [b]: adminId, [moved]: null });
    expect((await logs(a)).filter((l) => l.action === 'ASSIGNED')).toHaveLength(1);
    expect((await logs(moved)).filter((l) => l.action === 'ASSIGNED')).toHaveLength(0);
  });

  it('comments internally on each ticket, and escalates those that may still escalate', async () => {
    const [a, b] = [await report('Bulk comment a'), await report('Bulk comment b')];
    const commented = await app.gql(BULK, { input: { ticketIds: [a, b], action: 'COMMENT', comment: 'Checking the recordings', internal: true } }, coordinator);
    expect(commented.data.bulkTicketAction.map((r: any) => r.ok)).toEqual([true, true]);
    for (const id of [a, b]) expect(await logs(id)).toContainEqual({ action: 'COMMENTED', comment: 'Checking the recordings', internal: true });

    await app.gql('mutation($id: ID!) { escalateTicket(ticketId: $id, comment: "first") { id } }', { id: a }, coordinator);
    const escalated = await app.gql(BULK, { input: { ticketIds: [a, b], action: 'ESCALATE', comment: 'Needs an admin' } }, coordinator);
    expect(escalated.data.bulkTicketAction.map((r: any) => [r.ok, r.code, r.ticket.status])).toEqual([[false, 'CONFLICT', 'ESCALATED'], [true, null, 'ESCALATED']]);
    expect(await logs(b)).toContainEqual({ action: 'ESCALATED', comment: 'Needs an admin', internal: false });
  });

  it('refuses input wrong for every ticket and non-staff callers, changing nothing', async () => {
    const a = await report('Bulk refused');
    const before = await logs(a);
    const noAssignee = await app.gql(BULK, { input: { ticketIds: [a], action: 'ASSIGN' } }, coordinator);
    expect(noAssignee.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assigneeId' });
    const noComment = await app.gql(BULK, { input: { ticketIds: [a], action: 'COMMENT', comment: ' ' } }, coordinator);
    expect(noComment.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    const badId = await app.gql(BULK, { input: { ticketIds: [a, 'nope'], action: 'ESCALATE' } }, coordinator);
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ticketIds' });
    const empty = await app.gql(BULK, { input: { ticketIds: [], action: 'ESCALATE' } }, coordinator);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ticketIds' });
    expect(errorCode(await app.gql(BULK, { input: { ticketIds: [a], action: 'ESCALATE' } }, parent))).toBe('FORBIDDEN');
    expect(await logs(a)).toEqual(before);
  });
});
