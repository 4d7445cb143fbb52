import { writeFileSync } from 'node:fs';
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

/** What `npm run audit` prints for this part (written to AUDIT_FIGURES). */
const figures = { requests: 0, codes: {} as Record<string, number>, serverErrors: [] as string[], audits: 0, notMet: {} as Record<string, string[]> };

// GET needs Apollo's CSRF preflight header (a browser form cannot send it); the audits' client sends it like ours do.
const fetchWithPreflight: typeof fetch = async (input, init = {}) => {
  const response = await fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers).entries()), 'apollo-require-preflight': 'true' } });
  figures.requests += 1;
  figures.codes[`HTTP ${response.status}`] = (figures.codes[`HTTP ${response.status}`] ?? 0) + 1;
  if (response.status >= 500) figures.serverErrors.push(`${response.status} for ${init.method ?? 'GET'} ${String(input).slice(0, 200)}`);
  return response;
};

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
    Object.assign(figures, { audits: audits.length, notMet: failed });
    if (process.env.AUDIT_FIGURES) writeFileSync(process.env.AUDIT_FIGURES, JSON.stringify(figures, null, 2));
    expect(audits.length).toBeGreaterThan(30);
    expect(failed.MUST).toEqual([]);
  });
});
