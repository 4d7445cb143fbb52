import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { sql } from '../support/fixtures';
import { ticketApi } from '../support/ticket-changes';

describe('what people see is true', () => {
  let app: TestApp;
  let coordinator: string;
  let parent: string;
  let tutor: string;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    [coordinator, parent, tutor] = await Promise.all(['coordinator@demo.test', 'parent@demo.test', 'tutor@demo.test'].map((e) => app.login(e)));
  });
  afterAll(() => app.close());

  it('seeing the notification list marks what it showed read, not what came after', async () => {
    const LIST = '{ notifications(first: 50) { edges { node { id createdAt readAt } } } unreadNotificationCount }';
    const before = (await app.gql(LIST, {}, coordinator)).data;
    expect(before.unreadNotificationCount).toBeGreaterThan(0);
    const newest = before.notifications.edges[0].node.createdAt;
    const marked = await app.gql('mutation($at: DateTime!) { markNotificationsSeen(seenUpTo: $at) }', { at: newest }, coordinator);
    expect(marked.data.markNotificationsSeen).toBe(before.unreadNotificationCount);
    // A notification arriving after the list was shown stays unread.
    await ticketApi.report(app, parent, 'mia@demo.test', 'After the list was seen');
    const after = (await app.gql(LIST, {}, coordinator)).data;
    expect(after.unreadNotificationCount).toBe(after.notifications.edges.filter((e: any) => !e.node.readAt).length);
    expect(after.unreadNotificationCount).toBeGreaterThan(0);
    expect(after.notifications.edges.filter((e: any) => e.node.createdAt <= newest).every((e: any) => e.node.readAt)).toBe(true);
    expect((await app.gql('mutation { markNotificationsSeen(seenUpTo: "not a date") }', {}, coordinator)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the contact channel says e-mail when Telegram is off; only staff get one', async () => {
    const id = await ticketApi.report(app, parent, 'mia@demo.test', 'Contact channel');
    const Q = 'query($id: ID!) { ticket(id: $id) { tutorContactChannel } }';
    expect((await app.gql(Q, { id }, coordinator)).data.ticket.tutorContactChannel).toBe('EMAIL');
    expect((await app.gql(Q, { id }, parent)).data.ticket.tutorContactChannel).toBeNull();
    expect((await app.gql(Q, { id }, tutor)).data.ticket.tutorContactChannel).toBeNull();
  });

  it('a parent of a group class sees only their own children by name', async () => {
    const Q = `{ sessions(first: 100) { edges { node { subject learners { name } attendance { user { name role } } } } } }`;
    const group = (token: string) => app.gql(Q, {}, token).then((r) => r.data.sessions.edges.map((e: any) => e.node).filter((s: any) => s.subject.startsWith('Group')));
    const children = (await sql(app, `select u.name from parent_links pl join users u on u.id = pl.child_id join users p on p.id = pl.parent_id where p.email = 'parent@demo.test'`)).map((r) => r.name);
    const seen = await group(parent);
    expect(seen.length).toBeGreaterThan(0);
    for (const session of seen) {
      for (const learner of session.learners) expect(children).toContain(learner.name);
      for (const row of session.attendance.filter((a: any) => a.user.role !== 'TUTOR')) expect(children).toContain(row.user.name);
    }
    const asTutor = await group(tutor);
    expect(Math.max(...asTutor.map((s: any) => s.learners.length))).toBeGreaterThan(1);
  });

  it('tutors are offered actions worded for them, and not the staff-only ones', async () => {
    const Q = '{ resolutionActions(category: QUALITY) { id label forTutors } }';
    const staff = (await app.gql(Q, {}, coordinator)).data.resolutionActions.map((a: any) => a.label);
    const theirs = (await app.gql(Q, {}, tutor)).data.resolutionActions;
    expect(staff).toContain('Mediate with the educator');
    expect(theirs.map((a: any) => a.label)).toEqual(['Talk it through with the family and agree what changes']);
    const staffOnly = (await app.gql(Q, {}, coordinator)).data.resolutionActions.find((a: any) => !a.forTutors);
    const id = await (async () => {
      const sessionId = (await sql(app, `select s.id from tutoring_sessions s join session_participants p on p.session_id = s.id join users u on u.id = p.learner_id
        where u.email = 'mia@demo.test' and s.status = 'COMPLETED' and s.kind = 'ONE_ON_ONE' and s.tutor_id = (select id from users where email = 'tutor@demo.test')
          and not exists (select 1 from ticket_sessions ts where ts.session_id = s.id and ts.open_dispute) order by s.scheduled_start desc limit 1`))[0].id;
      const r = await app.gql('mutation($i: ReportIssueInput!) { reportIssue(input: $i) { id } }', { i: { sessionIds: [sessionId], category: 'QUALITY', title: 'Quality', description: 'x' } }, parent);
      return r.data.reportIssue.id;
    })();
    const refused = await app.gql('mutation($i: ResolveTicketInput!) { resolveTicket(input: $i) { id } }', { i: { ticketId: id, actionId: staffOnly.id, comment: 'x' } }, tutor);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actionId' });
  });
});
