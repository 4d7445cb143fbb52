import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dashboardDocuments from '../../dashboard/src/graphql/generated/graphql';
import { getSchema } from '../../server/src/app/schema';
import { QUERY_LIMITS, queryLimitProtection } from '../../server/src/http/query-limits';
import { type TestApp, errorCode, startTestApp } from '../support/app';

/** The production build: introspection and suggestions off, every limit on. */
let app: TestApp;
let endpoint: string;
beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production' });
  endpoint = `${app.url}/graphql`;
});
afterAll(() => app.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe("the dashboard's own documents", () => {
  const documents = Object.entries(dashboardDocuments).filter(([name]) => name.endsWith('Document'));

  it('are all checked (the generated module exports them)', () => {
    expect(documents.length).toBeGreaterThan(20);
  });

  it('pass every limit, even at half the allowed size', async () => {
    const schema = await getSchema();
    const halved = {
      maxDepth: QUERY_LIMITS.maxDepth / 2,
      maxTokens: QUERY_LIMITS.maxTokens / 2,
    };
    for (const [name, document] of documents) {
      const text = String(document);
      const errors = validate(schema, parse(text, { maxTokens: halved.maxTokens }), queryLimitProtection({ blockFieldSuggestions: true }).validationRules);
      expect(errors.map((e) => `${name}: ${e.message}`)).toEqual([]);
    }
  });

  it('run against the production server (no limit error)', async () => {
    const token = await app.login('coordinator@demo.test');
    const detail = String(dashboardDocuments.TicketDetailDocument);
    const ticketId = (await app.gql('{ tickets(first: 1) { edges { node { id } } } }', {}, token)).data.tickets.edges[0].node.id;
    const result = await app.gql(detail, { id: ticketId }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data.ticket.id).toBe(ticketId);
  });
});

describe('overload probes (what graphql-cop sends)', () => {
  it('refuses 101 aliases of __typename', async () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `a${i}: __typename`).join(' ');
    const result = await app.gql(`query { ${aliases} }`);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.data).toBeUndefined();
  });

  it('refuses duplicated directives with one error, not one per directive', async () => {
    const result = await app.gql('query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }');
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors!.length).toBeLessThan(10);
    const twice = await app.gql('query { me { id @include(if: true) @include(if: true) } }');
    expect(errorCode(twice)).toBe('BAD_USER_INPUT');
  });

  it('refuses 500 copies of one field, deep nesting, and too many tokens', async () => {
    expect(errorCode(await app.gql(`query { ${'__typename '.repeat(500)} }`))).toBe('BAD_USER_INPUT');
    const deep = 'query { tickets { edges { node { sessions { tutor { me: id } learners { id } } creditNotes { invoice { lines { session { openTicket { reporter { id } sessions { tutor { id } } } } } } } } } } }';
    expect(errorCode(await app.gql(deep))).toBe('BAD_USER_INPUT');
    const manyTokens = `query { me { ${'id '.repeat(QUERY_LIMITS.maxTokens)} } }`;
    expect(errorCode(await app.gql(manyTokens))).toBe('BAD_USER_INPUT');
  });

  it('refuses an expensive query (cost)', async () => {
    const page = 'tickets(first: 100) { edges { node { id number status title description createdAt updatedAt reporter { id name email } tutor { id name } assignee { id name } sessions { id status subject price { amountMinor currency } learners { id name } } logs { id action comment createdAt actor { id name } } creditNotes { id number amount { amountMinor currency } } } } }';
    const fullPage = await app.gql(`query { ${page} }`, {}, await app.login('admin@demo.test'));
    expect(fullPage.errors).toBeUndefined();
    const result = await app.gql(`query { a: ${page} b: ${page} c: ${page} }`);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/cost/i);
  });
});

describe('production surface', () => {
  it('has introspection off and hides field suggestions', async () => {
    const introspection = await app.gql('{ __schema { types { name } } }');
    expect(errorCode(introspection)).toBe('BAD_USER_INPUT');
    expect(introspection.data).toBeUndefined();
    const typo = await app.gql('{ tikets { totalCount } }');
    expect(errorCode(typo)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
  });

  it('answers GET queries only with a CSRF preflight header, and never mutations', async () => {
    const query = encodeURIComponent('{ __typename }');
    const bare = await fetch(`${endpoint}?query=${query}`);
    expect(bare.status).toBe(400);
    const preflighted = await fetch(`${endpoint}?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(((await preflighted.json()) as any).data.__typename).toBe('Query');
    const mutation = encodeURIComponent('mutation { login(email: "a@b.c", password: "x") { token } }');
    const viaGet = await fetch(`${endpoint}?query=${mutation}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(viaGet.status).toBe(405);
  });

  it('refuses url-encoded and text bodies (a cross-site form cannot post)', async () => {
    const form = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
  });

  it('refuses batches, oversized bodies and broken JSON with JSON errors and no stack', async () => {
    const batch = await post(JSON.stringify(Array.from({ length: 10 }, () => ({ query: '{ __typename }' }))));
    expect(batch.status).toBe(400);
    const large = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(QUERY_LIMITS.maxBodyBytes)}` }));
    expect(large.status).toBe(413);
    expect(((await large.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const broken = await post('{"query": "{ __typename }"');
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(text).not.toMatch(/at .*\.js|node_modules/);
  });
});
