import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';

/**
 * The GraphQL over HTTP spec's audits (graphql-http), against the production build. Two MUST
 * audits probe with `__type` queries, so introspection is switched on here (GRAPHQL_INTROSPECTION);
 * with it off they fail on the introspection rule, not on the transport.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
});
afterAll(() => app.close());

// GET needs Apollo's CSRF preflight header (a browser form cannot send it); the audits' client sends it like ours do.
const fetchWithPreflight: typeof fetch = (input, init = {}) =>
  fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers).entries()), 'apollo-require-preflight': 'true' } });

describe('graphql-http server audits', () => {
  it('passes every MUST; SHOULDs and MAYs are listed', async () => {
    const audits = serverAudits({ url: () => `${app.url}/graphql`, fetchFn: fetchWithPreflight });
    const failed: Record<'MUST' | 'SHOULD' | 'MAY', string[]> = { MUST: [], SHOULD: [], MAY: [] };
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'ok') continue;
      const level = audit.name.split(' ')[0] as keyof typeof failed;
      failed[level].push(`${audit.name}: ${result.reason}`);
    }
    console.log(`graphql-http audits: ${audits.length} run; not met:\n${JSON.stringify(failed, null, 2)}`);
    expect(audits.length).toBeGreaterThan(30);
    expect(failed.MUST).toEqual([]);
  });
});
