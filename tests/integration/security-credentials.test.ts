import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../server/src/auth/passwords';
import { CREDENTIAL_CACHE_MS } from '../../server/src/auth/credential-state';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { sql } from '../support/fixtures';
import { connectWs, queryOnce, subscribe } from '../support/ws';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const TICKET_CHANGED = 'subscription { ticketChanged { sequence } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

async function liveSocket(token: string) {
  const ws = connectWs(app.url, token);
  await subscribe(ws, TICKET_CHANGED);
  return ws;
}

describe('passwords', () => {
  it('are stored as argon2id at OWASP parameters (19 MiB, 2 passes, 1 lane)', async () => {
    expect(await hashPassword('x')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const [row] = await sql(app, "select password_hash from users where email = 'parent@demo.test'");
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('logout', () => {
  it('stops this token at once, on HTTP and on its open WebSocket, and leaves other tokens working', async () => {
    const token = await app.login('parent2@demo.test');
    const other = await app.login('parent2@demo.test');
    const ws = await liveSocket(token);
    expect((await app.gql('{ me { id } }', {}, token)).data.me).toBeTruthy();
    expect((await app.gql('mutation { logout }', {}, token)).data.logout).toBe(true);
    expect(errorCode(await app.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    await vi.waitFor(() => expect(ws.closeCodes).toEqual([4401]), { timeout: 2_000 });
    expect((await app.gql('{ me { id } }', {}, other)).data.me).toBeTruthy();
  });

  it('everywhere: stops every token of the caller', async () => {
    const first = await app.login('learner@demo.test');
    const second = await app.login('learner@demo.test');
    const ws = await liveSocket(second);
    expect((await app.gql('mutation { logout(everywhere: true) }', {}, first)).data.logout).toBe(true);
    for (const token of [first, second]) expect(errorCode(await app.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    await vi.waitFor(() => expect(ws.closeCodes).toEqual([4401]), { timeout: 2_000 });
    expect((await app.gql('{ me { id } }', {}, await app.login('learner@demo.test'))).data.me).toBeTruthy();
  });

  it('is UNAUTHENTICATED without a token', async () => {
    expect(errorCode(await app.gql('mutation { logout }'))).toBe('UNAUTHENTICATED');
  });
});

describe('changePassword', () => {
  const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token user { email } } }';

  it('needs the current password and a sound new one, changing nothing otherwise', async () => {
    const token = await app.login('tutor2@demo.test');
    const wrong = await app.gql(CHANGE, { c: 'nope', n: 'a-new-password' }, token);
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const short = await app.gql(CHANGE, { c: 'demo1234', n: 'short' }, token);
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await app.gql('{ me { id } }', {}, token)).data.me).toBeTruthy();
  });

  it('stops every older token (sockets too) and answers with a working one', async () => {
    const email = 'coordinator@demo.test';
    const old = await app.login(email);
    const ws = await liveSocket(old);
    const changed = await app.gql(CHANGE, { c: 'demo1234', n: 'a-brand-new-secret' }, old);
    expect(changed.errors).toBeUndefined();
    expect(changed.data.changePassword.user.email).toBe(email);
    expect(errorCode(await app.gql('{ me { id } }', {}, old))).toBe('UNAUTHENTICATED');
    await vi.waitFor(() => expect(ws.closeCodes).toEqual([4401]), { timeout: 2_000 });
    expect((await app.gql('{ me { id } }', {}, changed.data.changePassword.token)).data.me).toBeTruthy();
    expect(errorCode(await app.gql(LOGIN, { e: email, p: 'demo1234' }))).toBe('UNAUTHENTICATED');
    expect((await app.gql(LOGIN, { e: email, p: 'a-brand-new-secret' })).data.login.token).toBeTruthy();
    const [entry] = await sql(app, "select action, address from audit_log where action = 'auth.password_changed'");
    expect(entry.address).toMatch(/127\.0\.0\.1/);
  });
});

describe('accounts closed elsewhere', () => {
  it('stop working within the cache bound, without a query per request meanwhile', async () => {
    const token = await app.login('parent@demo.test');
    expect((await app.gql('{ me { id } }', {}, token)).data.me).toBeTruthy();
    const before = app.queries.length;
    for (let i = 0; i < 5; i += 1) await app.gql('{ __typename }', {}, token);
    expect(app.queries.slice(before).filter((q) => /from "?users"? u left join revoked_tokens/.test(q))).toHaveLength(0);
    await sql(app, "update users set active = false where email = 'parent@demo.test'");
    try {
      await vi.waitFor(async () => expect(errorCode(await app.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED'), { timeout: CREDENTIAL_CACHE_MS * 3, interval: 200 });
    } finally {
      await sql(app, "update users set active = true where email = 'parent@demo.test'");
    }
  });
});

describe('API keys', () => {
  const CREATE = 'mutation($s: [String!]!) { createApiKey(name: "Partner", scopes: $s) { key apiKey { id } } }';

  it('a revoked key is refused at once and its open socket closed', async () => {
    const admin = await app.login('admin@demo.test');
    const { key, apiKey } = (await app.gql(CREATE, { s: ['tickets:read'] }, admin)).data.createApiKey;
    const ws = await liveSocket(key);
    expect((await app.gql('{ tickets(first: 1) { totalCount } }', {}, key)).data.tickets.totalCount).toBeGreaterThan(0);
    await app.gql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id }, admin);
    expect(errorCode(await app.gql('{ tickets(first: 1) { totalCount } }', {}, key))).toBe('UNAUTHENTICATED');
    await vi.waitFor(() => expect(ws.closeCodes).toEqual([4401]), { timeout: 2_000 });
    const actions = (await sql(app, 'select action from audit_log where target_id = ? order by id', [apiKey.id])).map((r) => r.action);
    expect(actions).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('a key may not sign out, change a password, or use operations outside its scopes, also over a socket', async () => {
    const admin = await app.login('admin@demo.test');
    const { key } = (await app.gql(CREATE, { s: ['sessions:read'] }, admin)).data.createApiKey;
    expect(errorCode(await app.gql('mutation { logout }', {}, key))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql('{ tickets(first: 1) { totalCount } }', {}, key))).toBe('FORBIDDEN');
    expect((await app.gql('{ sessions(first: 1) { totalCount } }', {}, key)).data.sessions.totalCount).toBeGreaterThan(0);
    const ws = connectWs(app.url, key);
    const overSocket = await queryOnce(ws, '{ tickets(first: 1) { totalCount } }');
    expect(overSocket.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await ws.close();
  });
});
