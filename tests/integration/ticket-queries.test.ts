import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { REPORT, createDisputableSessions, sql, userId } from '../support/fixtures';

let app: TestApp;
const ORDER = ['ONGOING', 'RESOLVED', 'ESCALATED', 'CLOSED'];

beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
  const parent = await app.login('parent@demo.test');
  const parent2 = await app.login('parent2@demo.test');
  for (let i = 0; i < 6; i += 1) {
    const { sessionIds } = await createDisputableSessions(app, { tutor: i % 2 ? 'tutor@demo.test' : 'tutor2@demo.test', learner: i < 4 ? 'mia@demo.test' : 'ola@demo.test', billedTo: i < 4 ? 'parent@demo.test' : 'parent2@demo.test', invoiced: 1 });
    await app.gql(REPORT, { input: { sessionIds, category: i % 3 ? 'QUALITY' : 'BILLING', title: `Query test ${i} ${i === 2 ? 'zebra' : ''}`, description: 'desc' } }, i < 4 ? parent : parent2);
  }
});
afterAll(() => app.close());

async function allTickets(token: string, filter: Record<string, unknown> = {}, first = 3) {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const result: any = await app.gql('query($f: TicketFilter, $first: Int, $after: String) { tickets(filter: $f, first: $first, after: $after) { totalCount edges { node { id status createdAt category reporter { id } tutor { id } title } } pageInfo { hasNextPage endCursor } } }', { f: filter, first, after }, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    nodes.push(...result.data.tickets.edges.map((e: any) => e.node));
    if (!result.data.tickets.pageInfo.hasNextPage) return { nodes, totalCount: result.data.tickets.totalCount };
    after = result.data.tickets.pageInfo.endCursor;
  }
}

describe('tickets', () => {
  it('come in board order, newest first inside a status, across pages with no gaps or duplicates', async () => {
    const coordinator = await app.login('coordinator@demo.test');
    const { nodes, totalCount } = await allTickets(coordinator);
    expect(nodes.length).toBe(totalCount);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    expect(totalCount).toBe((await sql(app, 'select count(*)::int as n from tickets'))[0].n);
    for (let i = 1; i < nodes.length; i += 1) {
      const [a, b] = [nodes[i - 1], nodes[i]];
      const rank = ORDER.indexOf(a.status) - ORDER.indexOf(b.status);
      expect(rank < 0 || (rank === 0 && a.createdAt >= b.createdAt)).toBe(true);
    }
  });

  it('each role sees exactly its tickets', async () => {
    const expectations: Array<[string, string]> = [
      ['tutor@demo.test', 'select id from tickets where tutor_id = (select id from users where email = ?)'],
      ['parent@demo.test', 'select id from tickets where reporter_id = (select id from users where email = ?) or reporter_id in (select child_id from parent_links where parent_id = (select id from users where email = ?))'],
      ['learner@demo.test', 'select id from tickets where reporter_id = (select id from users where email = ?)'],
      ['admin@demo.test', 'select id from tickets where ? is not null'],
    ];
    for (const [email, query] of expectations) {
      const token = await app.login(email);
      const expected = (await sql(app, query, query.split('?').length > 2 ? [email, email] : [email])).map((r) => r.id).sort();
      const { nodes } = await allTickets(token, {}, 50);
      expect(nodes.map((n) => n.id).sort()).toEqual(expected);
    }
  });

  it('filter by status list, category, tutor, reporter, search and date range', async () => {
    const coordinator = await app.login('coordinator@demo.test');
    const tutorId = await userId(app, 'tutor@demo.test');
    const parent2Id = await userId(app, 'parent2@demo.test');
    const check = async (filter: Record<string, unknown>, predicate: (n: any) => boolean) => {
      const all = (await allTickets(coordinator, {}, 100)).nodes;
      const filtered = (await allTickets(coordinator, filter, 100)).nodes;
      expect(filtered.map((n) => n.id)).toEqual(all.filter(predicate).map((n) => n.id));
      return filtered;
    };
    await check({ status: ['ONGOING', 'CLOSED'] }, (n) => n.status === 'ONGOING' || n.status === 'CLOSED');
    await check({ category: 'BILLING' }, (n) => n.category === 'BILLING');
    await check({ tutorId }, (n) => n.tutor?.id === tutorId);
    await check({ reporterId: parent2Id }, (n) => n.reporter.id === parent2Id);
    expect((await check({ search: 'ZEBRA' }, (n) => n.title.includes('zebra'))).length).toBe(1);
    await check({ search: '100%_' }, () => false);
    const from = new Date(Date.now() - 60_000).toISOString();
    await check({ from }, (n) => n.createdAt >= from);
  });

  it('a bad filter id or cursor is BAD_USER_INPUT; an invisible ticket is NOT_FOUND', async () => {
    const parent2 = await app.login('parent2@demo.test');
    expect(errorCode(await app.gql('{ tickets(filter: { tutorId: "x" }) { totalCount } }', {}, parent2))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql('{ tickets(after: "zzz") { totalCount } }', {}, parent2))).toBe('BAD_USER_INPUT');
    const [other] = await sql(app, `select id from tickets where reporter_id = (select id from users where email = 'parent@demo.test') limit 1`);
    expect(errorCode(await app.gql('query($id: ID!) { ticket(id: $id) { id } }', { id: other.id }, parent2))).toBe('NOT_FOUND');
  });
});
