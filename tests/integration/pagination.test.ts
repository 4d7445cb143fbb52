import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { fetchAllIds } from '../support/paging';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp();
  token = await app.login('coordinator@demo.test');
});
afterAll(() => app.close());

const count = async (table: string) => Number((await app.orm.em.fork().getConnection().execute(`select count(*) from ${table}`))[0].count);

describe('keyset pagination', () => {
  it.each([1, 3, 7, 100])('walks every session once with pages of %i, newest first', async (size) => {
    const ids = await fetchAllIds(app, token, 'sessions', size);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await count('tutoring_sessions'));
    const rows: Array<{ id: string }> = await app.orm.em.fork().getConnection().execute('select id from tutoring_sessions order by scheduled_start desc, id desc');
    expect(ids).toEqual(rows.map((r: { id: string }) => r.id));
  });

  it('walks every invoice once', async () => {
    const ids = await fetchAllIds(app, token, 'invoices', 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await count('invoices'));
  });

  it('reports totalCount and a null endCursor on an empty page', async () => {
    const result = await app.gql('{ sessions(first: 5, filter: { from: "2000-01-01T00:00:00Z", to: "2000-01-02T00:00:00Z" }) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }', {}, token);
    expect(result.data.sessions).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('filters by status and date range', async () => {
    const from = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const result = await app.gql('query($from: DateTime) { sessions(first: 100, filter: { status: COMPLETED, from: $from }) { edges { node { status scheduledStart } } } }', { from }, token);
    const nodes = result.data.sessions.edges.map((e: { node: { status: string; scheduledStart: string } }) => e.node);
    expect(nodes.length).toBeGreaterThan(5);
    for (const node of nodes) {
      expect(node.status).toBe('COMPLETED');
      expect(node.scheduledStart >= from).toBe(true);
    }
  });
});

describe('bad input gets BAD_USER_INPUT and changes nothing', () => {
  const cases: Array<[string, string, Record<string, unknown>, string | undefined]> = [
    ['first: 0', 'query($f: Int) { sessions(first: $f) { totalCount } }', { f: 0 }, 'first'],
    ['negative first', 'query($f: Int) { sessions(first: $f) { totalCount } }', { f: -5 }, 'first'],
    ['first over 100', 'query($f: Int) { invoices(first: $f) { totalCount } }', { f: 101 }, 'first'],
    ['huge first (not an Int)', 'query($f: Int) { sessions(first: $f) { totalCount } }', { f: 1e12 }, undefined],
    ['garbage cursor', 'query($a: String) { sessions(first: 5, after: $a) { totalCount } }', { a: 'not-a-cursor' }, 'after'],
    ['cursor of the wrong shape', 'query($a: String) { sessions(first: 5, after: $a) { totalCount } }', { a: Buffer.from('[1,2,3]').toString('base64url') }, 'after'],
    ['malformed session id', 'query($id: ID!) { session(id: $id) { id } }', { id: '123' }, 'id'],
    ['malformed invoice id', 'query($id: ID!) { invoice(id: $id) { id } }', { id: "1' or '1'='1" }, 'id'],
    ['malformed learnerId', '{ sessions(filter: { learnerId: "x" }) { totalCount } }', {}, 'learnerId'],
    ['bad date', '{ sessions(filter: { from: "yesterday" }) { totalCount } }', {}, undefined],
    ['bad enum', '{ sessions(filter: { status: DONE }) { totalCount } }', {}, undefined],
    ['unknown field', '{ sessions { nope } }', {}, undefined],
    ['syntax error', '{ sessions { ', {}, undefined],
  ];

  it.each(cases)('%s', async (_name, query, variables, field) => {
    const before = await Promise.all(['tutoring_sessions', 'invoices', 'users', 'api_keys'].map(count));
    const result = await app.gql(query, variables, token);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    if (field) expect(result.errors![0].extensions!.field).toBe(field);
    expect(JSON.stringify(result.errors)).not.toMatch(/select |stack|node_modules/i);
    expect(await Promise.all(['tutoring_sessions', 'invoices', 'users', 'api_keys'].map(count))).toEqual(before);
  });
});
