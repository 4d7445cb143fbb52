import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id role email } } }';

describe('login', () => {
  it('returns a token and the user for good credentials, case-insensitive email', async () => {
    const result = await app.gql(LOGIN, { e: 'Parent@Demo.Test', p: 'demo1234' });
    expect(result.errors).toBeUndefined();
    expect(result.data.login.user).toMatchObject({ role: 'PARENT', email: 'parent@demo.test' });
    const me = await app.gql('{ me { email role } }', {}, result.data.login.token);
    expect(me.data.me).toEqual({ email: 'parent@demo.test', role: 'PARENT' });
  });

  it('gives the same UNAUTHENTICATED answer for a wrong password and an unknown email', async () => {
    const wrongPassword = await app.gql(LOGIN, { e: 'parent@demo.test', p: 'nope' });
    const unknownEmail = await app.gql(LOGIN, { e: 'nobody@demo.test', p: 'demo1234' });
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknownEmail)).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors![0].message).toBe(unknownEmail.errors![0].message);
    expect(wrongPassword.data).toBeNull();
  });

  it('rejects bad, tampered and unsigned tokens', async () => {
    const token = await app.login('tutor@demo.test');
    const [header, payload] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'ADMIN' })).toString('base64url');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    for (const bad of ['garbage', `${header}.${forged}.${token.split('.')[2]}`, unsigned]) {
      const result = await app.gql('{ me { id } }', {}, bad);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
    }
  });

  it('answers me with null when nobody is signed in, and protected queries with UNAUTHENTICATED', async () => {
    expect((await app.gql('{ me { id } }')).data.me).toBeNull();
    expect(errorCode(await app.gql('{ sessions { totalCount } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('API keys', () => {
  const CREATE = 'mutation($n: String!, $s: [String!]!) { createApiKey(name: $n, scopes: $s) { key apiKey { id prefix scopes } } }';

  it('lets an admin create a key that works as a bearer token, stored hashed, and revoke it', async () => {
    const admin = await app.login('admin@demo.test');
    const created = await app.gql(CREATE, { n: 'Partner CRM', s: ['read', 'write'] }, admin);
    const { key, apiKey } = created.data.createApiKey;
    expect(key).toMatch(/^pk_/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const stored = await app.orm.em.fork().getConnection().execute('select key_hash from api_keys where id = ?', [apiKey.id]);
    expect(stored[0].key_hash).not.toContain(key);

    const asPartner = await app.gql('{ sessions(first: 1) { totalCount } }', {}, key);
    expect(asPartner.data.sessions.totalCount).toBeGreaterThan(40);

    await app.gql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id }, admin);
    expect(errorCode(await app.gql('{ sessions(first: 1) { totalCount } }', {}, key))).toBe('UNAUTHENTICATED');
  });

  it('keeps read-only keys from mutating', async () => {
    const admin = await app.login('admin@demo.test');
    const { key } = (await app.gql(CREATE, { n: 'Read only', s: ['read'] }, admin)).data.createApiKey;
    const result = await app.gql(CREATE, { n: 'sneaky', s: ['read'] }, key);
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('refuses non-admins and bad scopes, creating nothing', async () => {
    const count = async () => Number((await app.orm.em.fork().getConnection().execute('select count(*) from api_keys'))[0].count);
    const before = await count();
    const coordinator = await app.login('coordinator@demo.test');
    expect(errorCode(await app.gql(CREATE, { n: 'x', s: ['read'] }, coordinator))).toBe('FORBIDDEN');
    const admin = await app.login('admin@demo.test');
    const bad = await app.gql(CREATE, { n: 'x', s: ['root'] }, admin);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('scopes');
    expect(await count()).toBe(before);
  });
});

describe('password guessing', () => {
  it('is refused with RATE_LIMITED after 10 failures for one email, and other emails are unaffected', async () => {
    for (let i = 0; i < 10; i += 1) expect(errorCode(await app.gql(LOGIN, { e: 'learner@demo.test', p: `guess-${i}` }))).toBe('UNAUTHENTICATED');
    const limited = await app.gql(LOGIN, { e: 'learner@demo.test', p: 'demo1234' });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].extensions!.retryAfter).toBeGreaterThan(0);
    expect((await app.gql(LOGIN, { e: 'tutor2@demo.test', p: 'demo1234' })).data.login.token).toBeTruthy();
  });
});
