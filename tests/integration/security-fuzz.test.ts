import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dashboardDocuments from '../../dashboard/src/graphql/generated/graphql';
import { type TestApp, startTestApp } from '../support/app';
import { databaseFingerprint } from '../support/fingerprint';

/**
 * Hostile input never breaks the server: random and malformed documents, variables and bodies
 * get a client error (never INTERNAL_SERVER_ERROR, a 5xx or a stack trace) and change nothing.
 */
let app: TestApp;
let parent: string;
beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production' });
  parent = await app.login('parent@demo.test');
});
afterAll(() => app.close());

const fingerprint = () => databaseFingerprint(app);

async function send(body: string, token?: string, contentType = 'application/json') {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** The properties every answer to hostile input has. */
function expectHarmless({ status, text }: { status: number; text: string }, what: string) {
  expect(status, what).toBeLessThan(500);
  expect(text, what).not.toMatch(/INTERNAL_SERVER_ERROR|\bat .+\.(ts|js):\d+|node_modules|stacktrace/i);
  expect(() => JSON.parse(text), what).not.toThrow();
}

const FIELDS = ['me', 'tickets', 'ticket', 'sessions', 'session', 'invoices', 'invoice', 'id', 'email', 'logs', 'edges', 'node',
  'totalCount', 'login', 'reportIssue', 'resolveTicket', 'logout', 'changePassword', 'createApiKey', '__typename', '__schema', 'x'];
const literal = fc.oneof(fc.integer(), fc.double({ noNaN: true }).map(String), fc.string().map((s) => JSON.stringify(s)), fc.constantFrom('true', 'null', 'OPEN', '[1, "a"]', '{ a: 1 }', '$v'));
const argument = fc.tuple(fc.constantFrom('id', 'first', 'after', 'filter', 'input', 'email', 'password', 'everywhere'), literal).map(([n, v]) => `${n}: ${v}`);
const selection: fc.Memo<string> = fc.memo((depth) =>
  fc.tuple(fc.constantFrom(...FIELDS), fc.array(argument, { maxLength: 2 }), depth > 1 ? fc.array(selection(depth - 1), { maxLength: 3 }) : fc.constant([]))
    .map(([name, args, children]) => `${name}${args.length ? `(${args.join(', ')})` : ''}${children.length ? ` { ${children.join(' ')} }` : ''}`));
const document = fc.tuple(fc.constantFrom('query', 'mutation', 'subscription', '', 'fragment F on Ticket'), fc.array(selection(4), { minLength: 1, maxLength: 3 }))
  .map(([op, fields]) => `${op} { ${fields.join(' ')} }`);

describe('fuzzing', () => {
  it('random GraphQL-shaped documents, anonymous and signed in', async () => {
    const before = await fingerprint();
    await fc.assert(fc.asyncProperty(document, fc.boolean(), async (query, signedIn) => {
      // A parent may run random queries; random mutations are sent anonymously (valid ones must not change anything then).
      const token = signedIn && query.startsWith('query') ? parent : undefined;
      expectHarmless(await send(JSON.stringify({ query, variables: { v: 1 } }), token), query);
    }), { numRuns: 150 });
    expect(await fingerprint()).toBe(before);
  });

  it('random text as a document, and the dashboard documents with random variables', async () => {
    const before = await fingerprint();
    const documents = Object.entries(dashboardDocuments).filter(([name]) => name.endsWith('Document') && !/Login|Logout|ChangePassword/.test(name)).map(([, d]) => String(d));
    const variables = fc.dictionary(fc.constantFrom('id', 'ticketId', 'first', 'after', 'filter', 'input', 'sessionIds', 'body', 'comment', 'name', 'scopes', 'internal'), fc.anything({ maxDepth: 2 }), { maxKeys: 4 });
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300 }), fc.constantFrom(...documents), variables, async (text, known, vars) => {
      expectHarmless(await send(JSON.stringify({ query: text })), text);
      // Queries with the parent's token; mutations anonymously (random variables never make a valid change, anonymous makes sure).
      const token = known.trimStart().startsWith('query') ? parent : undefined;
      expectHarmless(await send(JSON.stringify({ query: known, variables: vars }), token), `${known} ${JSON.stringify(vars)}`);
    }), { numRuns: 120 });
    expect(await fingerprint()).toBe(before);
  });

  it('malformed JSON bodies and odd content types', async () => {
    const before = await fingerprint();
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json().map((j) => j.slice(0, Math.max(1, j.length - 1))),
      fc.anything().map((a) => JSON.stringify(a) ?? 'undefined'),
      fc.constantFrom('{"query": null}', '{"query": 1}', '{"query": "{ me { id } }", "variables": "x"}', '{"query": "{ me { id } }", "operationName": 5}', '[]', 'null', '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}'),
    );
    await fc.assert(fc.asyncProperty(body, fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain', 'application/graphql'), async (raw, type) => {
      expectHarmless(await send(raw, undefined, type), `${type} ${raw}`);
    }), { numRuns: 150 });
    expect(await fingerprint()).toBe(before);
  });
});
