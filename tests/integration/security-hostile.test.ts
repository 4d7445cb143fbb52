import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { getOperationAST, parse } from 'graphql';
import * as dashboardDocuments from '../../dashboard/src/graphql/generated/graphql';
import { getSchema } from '../../server/src/app/schema';
import { operationCost } from '../../server/src/http/operation-cost';
import { QUERY_LIMITS } from '../../server/src/http/query-limits';
import { type TestApp, startTestApp } from '../support/app';
import { REPORT, createDisputableSessions, sql } from '../support/fixtures';
import { connectWs, queryOnce, rawConnectionInit } from '../support/ws';

/** Issue 24, round two: credentials, 429s, cursors, control characters, cost with variables, replays at the limit. */
let app: TestApp;
let parent: string;
let admin: string;
beforeAll(async () => {
  app = await startTestApp({ REPORT_ISSUE_LIMIT: '3' });
  parent = await app.login('parent@demo.test');
  admin = await app.login('admin@demo.test');
});
afterAll(() => app.close());

async function post(body: unknown, authorization?: string) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

/** A full page of tickets costs about 26,000: two of them are over the limit. */
const FULL_PAGE = 'edges { node { id number status title description createdAt updatedAt reporter { id name email } tutor { id name } assignee { id name } sessions { id status subject price { amountMinor currency } learners { id name } } logs { id action comment createdAt actor { id name } } creditNotes { id number amount { amountMinor currency } } } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

async function badCredentials(): Promise<Record<string, string>> {
  const loggedOut = await app.login('learner@demo.test');
  await app.gql('mutation { logout }', {}, loggedOut);
  const key = 'test-secret-that-is-long-enough-for-hs256';
  const expired = await new SignJWT({ role: 'PARENT', gen: 0 }).setProtectedHeader({ alg: 'HS256' }).setSubject('00000000-0000-0000-0000-000000000000')
    .setIssuer('tickets').setJti('x').setIssuedAt(1_600_000_000).setExpirationTime(1_600_000_100).sign(new TextEncoder().encode(key));
  const { key: apiKey, apiKey: { id } } = (await app.gql('mutation { createApiKey(name: "Soon revoked", scopes: ["read"]) { key apiKey { id } } }', {}, admin)).data.createApiKey;
  await app.gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id }, admin);
  return {
    garbage: 'Bearer not-a-token', expired: `Bearer ${expired}`, loggedOut: `Bearer ${loggedOut}`, revokedKey: `Bearer ${apiKey}`,
    unknownKey: 'Bearer pk_doesnotexist', basic: 'Basic dXNlcjpwYXNz', empty: 'Bearer ', twoWords: 'Bearer a b',
  };
}

describe('bad credentials', () => {
  it('are UNAUTHENTICATED with HTTP 401, yet never stop login or introspection', async () => {
    for (const [kind, authorization] of Object.entries(await badCredentials())) {
      const me = await post({ query: '{ me { id } }' }, authorization);
      expect(me.status, kind).toBe(401);
      expect(me.body.errors[0].extensions.code, kind).toBe('UNAUTHENTICATED');
      const login = await post({ query: LOGIN, variables: { e: 'parent@demo.test', p: 'demo1234' } }, authorization);
      expect(login.status, kind).toBe(200);
      expect(login.body.data.login.token, kind).toBeTruthy();
      const schema = await post({ query: '{ __typename __schema { queryType { name } } }' }, authorization);
      expect(schema.status, kind).toBe(200);
      expect(schema.body.data.__schema.queryType.name, kind).toBe('Query');
    }
  });
});

describe('RATE_LIMITED', () => {
  it('is HTTP 429 with Retry-After and extensions.retryAfter (sign-in failures)', async () => {
    for (let i = 0; i < 10; i += 1) await post({ query: LOGIN, variables: { e: 'tutor2@demo.test', p: `wrong-${i}` } });
    const limited = await post({ query: LOGIN, variables: { e: 'tutor2@demo.test', p: 'demo1234' } });
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.errors[0].extensions.retryAfter).toBe(Number(limited.headers.get('retry-after')));
  });

  it('is HTTP 429 for an API key over its limit, and the WebSocket closes with 4429', async () => {
    const { key, apiKey } = (await app.gql('mutation { createApiKey(name: "Busy", scopes: ["read"]) { key apiKey { id } } }', {}, admin)).data.createApiKey;
    for (let i = 0; i < 600; i += 1) await app.services.limits.consume('apiKeyRequests', apiKey.id);
    const limited = await post({ query: '{ me { id } }' }, `Bearer ${key}`);
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.body.errors[0].extensions.retryAfter).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const ws = connectWs(app.url, key);
    await expect(queryOnce(ws, '{ me { id } }')).rejects.toBeTruthy();
    expect(ws.closeCodes).toEqual([4429]);
  });

  it('an idempotent replay at the limit returns the stored ticket without counting', async () => {
    const token = await app.login('parent2@demo.test');
    const reportedBy = async (idempotencyKey: string, sessionIds: string[]) =>
      post({ query: REPORT, variables: { input: { sessionIds, category: 'NO_SHOW', title: 'Replay test', description: 'x', idempotencyKey } } }, `Bearer ${token}`);
    const made: Array<{ key: string; sessionIds: string[]; id: string }> = [];
    for (let i = 0; i < 3; i += 1) {
      const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'ola@demo.test', billedTo: 'parent2@demo.test', invoiced: 1 });
      const answer = await reportedBy(`replay-${i}`, sessionIds);
      expect(answer.body.errors).toBeUndefined();
      made.push({ key: `replay-${i}`, sessionIds, id: answer.body.data.reportIssue.id });
    }
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'ola@demo.test', billedTo: 'parent2@demo.test', invoiced: 1 });
    const fourth = await reportedBy('replay-3', sessionIds);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    for (const { key, sessionIds: ids, id } of made) {
      const again = await reportedBy(key, ids);
      expect(again.status).toBe(200);
      expect(again.body.data.reportIssue.id).toBe(id);
    }
  });
});

describe('forged cursors', () => {
  const forged = [
    'garbage', Buffer.from('["x","y"]').toString('base64url'), Buffer.from('["2026-01-01T00:00:00.000Z","not-a-uuid"]').toString('base64url'),
    Buffer.from('["not a time","00000000-0000-0000-0000-000000000000"]').toString('base64url'), Buffer.from('[1e300,"a","b"]').toString('base64url'),
    Buffer.from('[1,"2026-13-45T99:00:00.000Z","00000000-0000-0000-0000-000000000000"]').toString('base64url'), 'x'.repeat(5000),
  ];
  const lists = ['tickets', 'sessions', 'invoices', 'notifications', 'deliveries', 'payouts', 'auditLog', 'webhookDeliveries(endpointId: "00000000-0000-0000-0000-000000000000", '];
  it('are BAD_USER_INPUT naming after on every connection, with no SQL in the message', async () => {
    for (const list of lists) {
      for (const after of forged) {
        const call = list.endsWith(', ') ? `${list}after: $a)` : `${list}(after: $a)`;
        const answer = await post({ query: `query($a: String) { ${call} { totalCount } }`, variables: { a: after } }, `Bearer ${admin}`);
        expect(answer.body.errors?.[0]?.extensions, `${list} ${after}`).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
        expect(answer.body.errors[0].message).not.toMatch(/select|where|uuid|timestamptz/i);
      }
    }
  });

  it('PageInfo is complete: hasPreviousPage and startCursor', async () => {
    const query = 'query($a: String) { tickets(first: 2, after: $a) { edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }';
    const first = (await app.gql(query, {}, admin)).data.tickets;
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[1].cursor });
    const second = (await app.gql(query, { a: first.pageInfo.endCursor }, admin)).data.tickets;
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, startCursor: second.edges[0].cursor });
  });
});

describe('control characters', () => {
  it('are BAD_USER_INPUT naming the field, in literals, variables and nested inputs, and change nothing', async () => {
    const before = await sql(app, 'select count(*)::int as n from tickets');
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['query($s: String) { tickets(filter: { search: $s }) { totalCount } }', { s: 'a\u0000b' }, 'search'],
      ['{ tickets(filter: { search: "a\\u0000b" }) { totalCount } }', {}, 'search'],
      [REPORT, { input: { sessionIds: [], type: 'SUPPORT', title: 'Bad\u0007title', description: 'x' } }, 'title'],
      ['mutation($n: String!) { saveView(input: { name: $n, filter: {} }) { id } }', { n: 'View\u001b' }, 'name'],
    ];
    for (const [query, variables, field] of cases) {
      const answer = await post({ query, variables }, `Bearer ${admin}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors[0].extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // Line breaks and tabs are text people type.
    expect((await app.gql('query($s: String) { tickets(filter: { search: $s }) { totalCount } }', { s: 'a\n\tb' }, admin)).errors).toBeUndefined();
    expect(await sql(app, 'select count(*)::int as n from tickets')).toEqual(before);
  });
});

describe('the cost limit', () => {
  const page = FULL_PAGE;
  const refused = (answer: { status: number; body: any }, what: string) => {
    expect(answer.status, what).toBe(400);
    expect(answer.body.errors[0].extensions.code, what).toBe('BAD_USER_INPUT');
    expect(answer.body.errors[0].message, what).toMatch(/costs [\d,]+ and at most 50,000 is allowed/);
    expect(answer.body.errors[0].message, what).not.toMatch(/Syntax Error/);
    expect(answer.body.data, what).toBeUndefined();
  };
  it('holds with literals, variables, defaults, fragments and aliases', async () => {
    const auth = `Bearer ${admin}`;
    refused(await post({ query: `{ a: tickets(first: 100) { ${page} } b: tickets(first: 100) { ${page} } }` }, auth), 'literals');
    refused(await post({ query: `query($n: Int) { a: tickets(first: $n) { ${page} } b: tickets(first: $n) { ${page} } }`, variables: { n: 100 } }, auth), 'variables');
    refused(await post({ query: `query($n: Int = 100) { a: tickets(first: $n) { ${page} } b: tickets(first: $n) { ${page} } }` }, auth), 'defaults');
    refused(await post({ query: `query($n: Int) { a: tickets(first: $n) { ...P } b: tickets(first: $n) { ...P } } fragment P on TicketConnection { ${page} }`, variables: { n: 100 } }, auth), 'fragments');
    const ok = await post({ query: `query($n: Int) { tickets(first: $n) { ${page} } }`, variables: { n: 100 } }, auth);
    expect(ok.body.errors).toBeUndefined();
  });

  it("leaves the dashboard's own documents inside, at full pages", async () => {
    const schema = await getSchema();
    for (const [name, text] of Object.entries(dashboardDocuments).filter(([n]) => n.endsWith('Document'))) {
      const document = parse(String(text));
      const cost = operationCost(schema, document, getOperationAST(document)!, { first: 100 });
      expect(cost, name).toBeLessThan(QUERY_LIMITS.maxCost);
    }
  });

  it('and the depth limit are refused in words with the limit', async () => {
    const deep = 'query { tickets { edges { node { sessions { tutor { me: id } learners { id } } creditNotes { invoice { lines { session { openTicket { reporter { id } sessions { tutor { id } } } } } } } } } } }';
    const answer = await post({ query: deep }, `Bearer ${admin}`);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors[0].message).toMatch(/nests fields \d+ levels deep; at most 10 levels are allowed/);
  });
});

describe('WebSocket', () => {
  it('connection_init accepts Authorization in any case', async () => {
    for (const name of ['Authorization', 'AUTHORIZATION', 'authorization']) {
      const { acknowledged, socket } = await rawConnectionInit(app.url, { [name]: `Bearer ${parent}` });
      expect(acknowledged, name).toBe(true);
      socket.close();
    }
    expect((await rawConnectionInit(app.url, { Authorization: 'Bearer garbage' })).closeCode).toBe(4401);
  });

  it('refuses control characters and overly costly operations with the same words', async () => {
    const ws = connectWs(app.url, parent);
    const nul = await queryOnce(ws, 'query($s: String) { tickets(filter: { search: $s }) { totalCount } }', { s: '\u0000' });
    expect(nul.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    const costly = await queryOnce(ws, `query($n: Int) { a: tickets(first: $n) { ${FULL_PAGE} } b: tickets(first: $n) { ${FULL_PAGE} } }`, { n: 100 });
    expect(costly.errors?.[0].message).toMatch(/at most 50,000 is allowed/);
    await ws.close();
  });
});
