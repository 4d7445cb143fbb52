import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../../server/src/app/schema';
import { type TestApp, startTestApp } from '../support/app';
import { sql } from '../support/fixtures';
import { databaseFingerprint } from '../support/fingerprint';
import { type FuzzFigures, newFigures, runCall } from '../support/fuzz-runner';
import { type FuzzPools, schemaCalls } from '../support/schema-fuzz';

/**
 * Every operation of the schema, fuzzed from the schema itself (tests/support/schema-fuzz.ts):
 * random and hostile arguments, selections and credentials never give a 5xx, an
 * INTERNAL_SERVER_ERROR or a stack, and a refused call changes nothing. `npm run audit` runs it
 * longer (FUZZ_RUNS_PER_FIELD) and prints the figures it writes to AUDIT_FIGURES.
 */
const RUNS_PER_FIELD = Number(process.env.FUZZ_RUNS_PER_FIELD ?? 3);
const SECRET = 'test-secret-that-is-long-enough-for-hs256';

let app: TestApp;
let pools: FuzzPools;
const figures: FuzzFigures = newFigures();

beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production', WS_CONNECTIONS_PER_MINUTE: '1000000' });
  const admin = await app.login('admin@demo.test');
  const loggedOut = await app.login('learner@demo.test');
  await app.gql('mutation { logout }', {}, loggedOut);
  const expired = await new SignJWT({ role: 'ADMIN', gen: 0 }).setProtectedHeader({ alg: 'HS256' }).setSubject((await sql(app, "select id from users where email = 'admin@demo.test'"))[0].id)
    .setIssuer('tickets').setJti('expired').setIssuedAt(1_600_000_000).setExpirationTime(1_600_000_100).sign(new TextEncoder().encode(SECRET));
  const createKey = async (name: string, scopes: string[]) => (await app.gql('mutation($n: String!, $s: [String!]!) { createApiKey(name: $n, scopes: $s) { key apiKey { id } } }', { n: name, s: scopes }, admin)).data.createApiKey;
  const revoked = await createKey('Revoked', ['read']);
  await app.gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: revoked.apiKey.id }, admin);
  const key = await createKey('Partner', ['write', 'webhooks:manage']);
  const ids = (await sql(app, `(select id::text from tickets limit 6) union all (select id::text from tutoring_sessions limit 4)
    union all (select id::text from invoices limit 3) union all (select id::text from users) union all (select id::text from notifications limit 3)
    union all (select id::text from tutor_payouts limit 3) union all (select id::text from resolution_actions limit 2)`)).map((row) => row.id);
  pools = {
    ids,
    credentials: {
      none: null, admin: `Bearer ${admin}`, parent: `Bearer ${await app.login('parent@demo.test')}`, tutor: `Bearer ${await app.login('tutor@demo.test')}`,
      coordinator: `Bearer ${await app.login('coordinator@demo.test')}`, key: `Bearer ${key.key}`,
      garbage: 'Bearer garbage', expired: `Bearer ${expired}`, loggedOut: `Bearer ${loggedOut}`, revokedKey: `Bearer ${revoked.key}`,
      forgedKey: 'Bearer pk_forged0000000000000000', basic: 'Basic YWRtaW46ZGVtbzEyMzQ=',
    },
  };
});
afterAll(async () => {
  if (process.env.AUDIT_FIGURES) writeFileSync(process.env.AUDIT_FIGURES, JSON.stringify(figures, null, 2));
  await app.close();
});

/** Signing out a working token would leave the rest of the run without it. */
const SPENDS_THE_CREDENTIAL = new Set(['logout']);

describe('schema-driven fuzz', () => {
  it('covers every query, mutation and subscription of the schema', async () => {
    const schema = await getSchema();
    const fields = schemaCalls(schema, pools).map((f) => f.name);
    const rootCount = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].reduce((n, t) => n + Object.keys(t?.getFields() ?? {}).length, 0);
    expect(fields.length).toBe(rootCount);
    expect(fields).toEqual(expect.arrayContaining(['query.tickets', 'mutation.reportIssue', 'subscription.ticketChanged']));
  });

  it('no answer is a server fault, and a refused call changes nothing', async () => {
    const schema = await getSchema();
    const fields = schemaCalls(schema, pools);
    for (const { calls } of fields) {
      await fc.assert(fc.asyncProperty(calls, async (call) => {
        if (SPENDS_THE_CREDENTIAL.has(call.field) && ['admin', 'parent', 'tutor', 'coordinator'].includes(call.credential)) call.credential = 'none';
        const before = await databaseFingerprint(app);
        const outcome = await runCall(app.url, call, pools, figures);
        expect(figures.serverErrors, call.query).toEqual([]);
        if (outcome.refused) expect(await databaseFingerprint(app), `${call.query} ${JSON.stringify(call.variables).slice(0, 300)} -> ${outcome.text.slice(0, 300)}`).toBe(before);
      }), { numRuns: RUNS_PER_FIELD });
    }
    expect(figures.requests).toBeGreaterThanOrEqual(fields.length * RUNS_PER_FIELD);
  }, Math.max(60_000, RUNS_PER_FIELD * 20_000));
});
