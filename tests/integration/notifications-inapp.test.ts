import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../server/src/auth/user.entity';
import { inTransaction } from '../../server/src/db/transaction';
import { announce } from '../../server/src/notifications/outbox';
import { Ticket } from '../../server/src/tickets/ticket.entity';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { reportDispute } from '../support/disputes';

let app: TestApp;
let parent: string;
let tutor: string;
let tutor2: string;

beforeAll(async () => {
  app = await startTestApp();
  [parent, tutor, tutor2] = await Promise.all(['parent@demo.test', 'tutor@demo.test', 'tutor2@demo.test'].map((e) => app.login(e)));
});
afterAll(() => app.close());

const LIST = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount edges { cursor node { id title body readAt createdAt ticket { id number } } } pageInfo { hasNextPage endCursor }
  }
}`;
const COUNT = '{ unreadNotificationCount }';
const MARK = 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }';

/** In-app notifications for `emails` about a ticket, written the way the lifecycle writes them. */
async function notify(ticketId: string, emails: string[], title: string) {
  await inTransaction(app.orm.em as EntityManager, async (tx) => {
    const ticket = await tx.em.findOneOrFail(Ticket, { id: ticketId });
    const users = await tx.em.find(User, { email: { $in: emails } });
    await announce(tx, { event: 'test.note', ticket, title, body: `${title} body`, recipients: users.map((user) => ({ user, channels: ['IN_APP'] })) });
  });
}

async function allPages(token: string, first: number, unreadOnly?: boolean) {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = (await app.gql(LIST, { first, after, unreadOnly }, token)).data.notifications;
    nodes.push(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasNextPage) return { nodes, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

describe('in-app notifications', () => {
  let ticket: { id: string; number: string };
  // The demo data has notifications of its own: count from here.
  const before = { total: 0, unread: 0, unread2: 0 };

  beforeAll(async () => {
    before.total = (await allPages(tutor, 100)).totalCount;
    before.unread = (await app.gql(COUNT, {}, tutor)).data.unreadNotificationCount;
    before.unread2 = (await app.gql(COUNT, {}, tutor2)).data.unreadNotificationCount;
    ticket = await reportDispute(app, parent, { title: 'Notified ticket' });
    for (let i = 1; i <= 5; i += 1) await notify(ticket.id, ['tutor@demo.test', 'tutor2@demo.test'], `Note ${i}`);
  });

  it('lists the caller’s own notifications newest first, page by page, with the ticket', async () => {
    const { nodes, totalCount } = await allPages(tutor, 2);
    expect(totalCount).toBe(before.total + 6); // ticket.created plus five notes
    expect(nodes).toHaveLength(totalCount);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(totalCount);
    expect(nodes.map((n) => n.title).slice(0, 5)).toEqual(['Note 5', 'Note 4', 'Note 3', 'Note 2', 'Note 1']);
    expect(nodes[5].title).toContain(ticket.number);
    const times = nodes.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(nodes.slice(0, 6).every((n) => n.ticket?.id === ticket.id)).toBe(true);
  });

  it('shows a null ticket when the caller cannot see the ticket', async () => {
    const notes = (await allPages(tutor2, 10)).nodes.filter((n) => n.title.startsWith('Note '));
    expect(notes).toHaveLength(5);
    expect(notes.every((n) => n.ticket === null)).toBe(true);
  });

  it('counts unread ones, filters them, and marks only the caller’s own as read', async () => {
    expect((await app.gql(COUNT, {}, tutor)).data.unreadNotificationCount).toBe(before.unread + 6);
    const mine = (await allPages(tutor, 10, true)).nodes;
    const theirs = (await allPages(tutor2, 10, true)).nodes;
    const marked = await app.gql(MARK, { ids: [mine[0].id, mine[1].id, theirs[0].id] }, tutor);
    expect(marked.data.markNotificationsRead).toBe(2);
    expect((await app.gql(MARK, { ids: [mine[0].id] }, tutor)).data.markNotificationsRead).toBe(0);
    expect((await app.gql(COUNT, {}, tutor)).data.unreadNotificationCount).toBe(before.unread + 4);
    expect((await app.gql(COUNT, {}, tutor2)).data.unreadNotificationCount).toBe(before.unread2 + 5);
    const unread = await allPages(tutor, 3, true);
    expect(unread.totalCount).toBe(before.unread + 4);
    expect(unread.nodes.map((n) => n.id)).toEqual(mine.slice(2).map((n) => n.id));
    const read = (await allPages(tutor, 10)).nodes.filter((n) => [mine[0].id, mine[1].id].includes(n.id));
    expect(read.every((n) => n.readAt)).toBe(true);
  });

  it('needs a signed-in caller, valid ids and cursors', async () => {
    expect(errorCode(await app.gql(LIST, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql(COUNT, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql(MARK, { ids: ['nope'] }, tutor))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(LIST, { after: 'garbage' }, tutor))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(LIST, { first: 101 }, tutor))).toBe('BAD_USER_INPUT');
  });

  it('shows notification settings to the user and staff only', async () => {
    const asParent = await app.gql('query($id: ID!) { ticket(id: $id) { tutor { email emailNotifications telegramLinked } } }', { id: ticket.id }, parent);
    expect(asParent.data.ticket.tutor).toEqual({ email: null, emailNotifications: null, telegramLinked: null });
    const own = await app.gql('{ me { emailNotifications telegramNotifications telegramLinked } }', {}, tutor);
    expect(own.data.me).toEqual({ emailNotifications: true, telegramNotifications: true, telegramLinked: false });
  });
});
