import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CREDENTIAL_CACHE_MS } from '../../server/src/auth/credential-state';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { LOGIN, gqlFrom } from '../support/accounts';
import { userId } from '../support/fixtures';
import { connectWs, subscribe } from '../support/ws';

let a: TestApp;
let b: TestApp;
let admin: string;

beforeAll(async () => {
  a = await startTestApp({ TRUST_PROXY: 'true' });
  // A second instance on the same database, without its own worker.
  b = await startTestApp({ DATABASE_URL: a.databaseUrl, TRUST_PROXY: 'true', RUN_WORKER: 'false' });
  admin = await a.login('admin@demo.test');
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) { id active } }';
const REACTIVATE = 'mutation($id: ID!) { reactivateUser(id: $id) { id active } }';

describe('deactivation', () => {
  it('stops tokens, API keys and sockets on both instances; sign-in says what a wrong password says; reactivation lets them in again', async () => {
    const email = 'coordinator@demo.test';
    const id = await userId(a, email);
    const token = await a.login(email);
    // An API key made by this person (promoted to admin for it, then back).
    await a.gql('mutation($id: ID!) { setUserRole(userId: $id, role: ADMIN) { id } }', { id }, admin);
    const keyed = await a.gql('mutation { createApiKey(name: "coordinator key", scopes: ["read"]) { key } }', {}, await a.login(email));
    const key = keyed.data.createApiKey.key as string;
    await a.gql('mutation($id: ID!) { setUserRole(userId: $id, role: COORDINATOR) { id } }', { id }, admin);
    const fresh = await a.login(email);
    for (const app of [a, b]) expect((await app.gql('{ me { id } }', {}, fresh)).data.me.id).toBe(id);
    expect((await b.gql('{ me { id } }', {}, key)).data.me.id).toBe(id);
    const socketA = connectWs(a.url, fresh);
    const socketB = connectWs(b.url, fresh);
    await subscribe(socketA, 'subscription { ticketChanged { sequence } }');
    await subscribe(socketB, 'subscription { ticketChanged { sequence } }');

    const done = await a.gql(DEACTIVATE, { id }, admin);
    expect(done.data.deactivateUser).toEqual({ id, active: false });
    // This instance: at once.
    expect(errorCode(await a.gql('{ me { id } }', {}, fresh))).toBe('UNAUTHENTICATED');
    expect(errorCode(await a.gql('{ me { id } }', {}, key))).toBe('UNAUTHENTICATED');
    await vi.waitFor(() => expect(socketA.closeCodes).toEqual([4401]), { timeout: 2_000 });
    // The other instance: within the credential cache bound (its recheck closes the socket).
    await vi.waitFor(async () => {
      expect(errorCode(await b.gql('{ me { id } }', {}, fresh))).toBe('UNAUTHENTICATED');
      expect(errorCode(await b.gql('{ me { id } }', {}, key))).toBe('UNAUTHENTICATED');
      expect(socketB.closeCodes).toEqual([4401]);
    }, { timeout: CREDENTIAL_CACHE_MS * 2 + 2_000, interval: 250 });
    const refused = await a.gql(LOGIN, { e: email, p: 'demo1234' });
    const wrong = await a.gql(LOGIN, { e: email, p: 'not-the-password' });
    expect(refused.errors?.[0]).toMatchObject({ message: 'Wrong email or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect(refused.errors?.[0].message).toBe(wrong.errors?.[0].message);
    expect(errorCode(await a.gql(LOGIN, { e: 'admin@demo.test', p: 'nope' }))).toBe('UNAUTHENTICATED');

    expect((await a.gql(REACTIVATE, { id }, admin)).data.reactivateUser.active).toBe(true);
    expect(errorCode(await a.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    expect((await a.gql('{ me { id } }', {}, await a.login(email))).data.me.id).toBe(id);
    await Promise.all([socketA.close(), socketB.close()]);
  }, 30_000);

  it('is for admins only, and not of oneself', async () => {
    const tutor = await userId(a, 'tutor@demo.test');
    expect(errorCode(await a.gql(DEACTIVATE, { id: tutor }, await a.login('coordinator@demo.test')))).toBe('FORBIDDEN');
    const self = await a.gql(DEACTIVATE, { id: await userId(a, 'admin@demo.test') }, admin);
    expect(self.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(errorCode(await a.gql(DEACTIVATE, { id: '00000000-0000-4000-8000-000000000000' }, admin))).toBe('NOT_FOUND');
  });
});

describe('sign-in limits', () => {
  it("a stranger's wrong passwords from one address never lock the owner out from theirs", async () => {
    const email = 'tutor2@demo.test';
    for (let i = 0; i < 10; i += 1) {
      expect(errorCode(await gqlFrom(a, '203.0.113.9', LOGIN, { e: email, p: `guess-${i}` }))).toBe('UNAUTHENTICATED');
    }
    const limited = await gqlFrom(b, '203.0.113.9', LOGIN, { e: email, p: 'demo1234' });
    expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const retryAfter = limited.errors?.[0].extensions?.retryAfter as number;
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(limited.errors?.[0].message).toContain(`try again in ${retryAfter} s`);
    const owner = await gqlFrom(a, '198.51.100.7', LOGIN, { e: email, p: 'demo1234' });
    expect(owner.data?.login?.token).toBeTruthy();
  });

  it('one address trying many accounts is limited whatever the e-mail', async () => {
    for (let i = 0; i < 50; i += 1) await gqlFrom(a, '203.0.113.50', LOGIN, { e: `someone-${i}@example.test`, p: 'x' });
    expect(errorCode(await gqlFrom(a, '203.0.113.50', LOGIN, { e: 'parent@demo.test', p: 'demo1234' }))).toBe('RATE_LIMITED');
    expect((await gqlFrom(a, '198.51.100.8', LOGIN, { e: 'parent@demo.test', p: 'demo1234' })).data.login.token).toBeTruthy();
  }, 60_000);
});

describe('people and profiles', () => {
  it('staff list people by name with role, active and search filters, page by page', async () => {
    const coordinator = await a.login('coordinator@demo.test');
    const USERS = 'query($f: UserFilter, $first: Int, $after: String) { users(filter: $f, first: $first, after: $after) { totalCount edges { node { name email role active } } pageInfo { hasNextPage endCursor } } }';
    const tutors = await a.gql(USERS, { f: { role: 'TUTOR' } }, coordinator);
    expect(tutors.data.users.edges.length).toBeGreaterThan(0);
    expect(tutors.data.users.edges.every((e: any) => e.node.role === 'TUTOR')).toBe(true);
    const searched = await a.gql(USERS, { f: { search: 'PARENT2@' } }, coordinator);
    expect(searched.data.users.edges.map((e: any) => e.node.email)).toEqual(['parent2@demo.test']);
    const first = await a.gql(USERS, { first: 2 }, coordinator);
    const next = await a.gql(USERS, { first: 2, after: first.data.users.pageInfo.endCursor }, coordinator);
    const names = [...first.data.users.edges, ...next.data.users.edges].map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(4);
    expect(next.data.users.totalCount).toBe(first.data.users.totalCount);
    expect(errorCode(await a.gql(USERS, {}, await a.login('parent@demo.test')))).toBe('FORBIDDEN');
    expect(errorCode(await a.gql(USERS, { after: 'garbage' }, coordinator))).toBe('BAD_USER_INPUT');
  });

  it('updateProfile sets name, language and time zone; an unknown language is en, a bad zone names the field', async () => {
    const parent = await a.login('parent2@demo.test');
    const UPDATE = 'mutation($i: ProfileInput!) { updateProfile(input: $i) { name locale timezone } }';
    expect((await a.gql(UPDATE, { i: { name: 'Pat Two', locale: 'es-ES', timezone: 'America/Bogota' } }, parent)).data.updateProfile)
      .toEqual({ name: 'Pat Two', locale: 'es', timezone: 'America/Bogota' });
    expect((await a.gql(UPDATE, { i: { locale: 'xx-unknown' } }, parent)).data.updateProfile.locale).toBe('en');
    const bad = await a.gql(UPDATE, { i: { timezone: 'Nowhere/Land', name: 'Changed' } }, parent);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timezone' });
    expect(bad.errors?.[0].message).toContain('is not a time zone');
    expect((await a.gql('{ me { name timezone } }', {}, parent)).data.me).toEqual({ name: 'Pat Two', timezone: 'America/Bogota' });
  });
});
