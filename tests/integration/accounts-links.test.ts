import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pendingResets } from '../../server/src/accounts/password-resets';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { ACCEPT_INVITATION, INVITE, LOGIN, REQUEST_RESET, RESET, linkTokenIn } from '../support/accounts';
import { sql } from '../support/fixtures';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { connectWs, subscribe } from '../support/ws';

const PUBLIC_URL = 'https://tickets.example.test';
let app: TestApp;
let sink: SmtpSink;
let admin: string;
let coordinator: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  app = await startTestApp({ SMTP_URL: sink.url, PUBLIC_URL, NOTIFY_RETRY_BASE: '1s' });
  [admin, coordinator] = await Promise.all([app.login('admin@demo.test'), app.login('coordinator@demo.test')]);
});
afterAll(async () => {
  await app?.close();
  await sink?.stop();
});

const field = (result: { errors?: any[] }) => result.errors?.[0]?.extensions?.field;

describe('invitations', () => {
  it('e-mail a one-use link that sets the password and signs in; the second use says so in words', async () => {
    const invited = await app.gql(INVITE, { input: { email: 'Nora.New@Example.test', name: 'Nora New', role: 'TUTOR', locale: 'es-MX', timezone: 'Europe/Madrid' } }, coordinator);
    expect(invited.errors).toBeUndefined();
    expect(invited.data.inviteUser).toMatchObject({ email: 'nora.new@example.test', role: 'TUTOR', acceptedAt: null });
    const { token, mail } = await linkTokenIn(sink, 'nora.new@example.test', 'invite');
    expect(mail.mail.subject).toBe('You are invited to Tickets');
    expect(mail.mail.html).toContain(`href="${PUBLIC_URL}/invite/`);
    // Before accepting, the account cannot sign in (no password) and answers like a wrong password.
    expect((await app.gql(LOGIN, { e: 'nora.new@example.test', p: 'whatever-it-is' })).errors?.[0].message).toBe('Wrong email or password');

    const weak = await app.gql(ACCEPT_INVITATION, { t: token, p: 'short' });
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(weak.errors?.[0].message).toBe('The password must be 8 to 200 characters long');

    const accepted = await app.gql(ACCEPT_INVITATION, { t: token, p: 'nora-secret-1', n: 'Nora N.' });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptInvitation.user).toMatchObject({ email: 'nora.new@example.test', role: 'TUTOR', name: 'Nora N.' });
    const me = await app.gql('{ me { email locale timezone active lastSignInAt hasPassword } }', {}, accepted.data.acceptInvitation.token);
    expect(me.data.me).toMatchObject({ email: 'nora.new@example.test', locale: 'es', timezone: 'Europe/Madrid', active: true, hasPassword: true });
    expect(me.data.me.lastSignInAt).toBeTruthy();
    expect((await app.gql(LOGIN, { e: 'nora.new@example.test', p: 'nora-secret-1' })).data.login.token).toBeTruthy();

    const again = await app.gql(ACCEPT_INVITATION, { t: token, p: 'another-secret' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(again.errors?.[0].message).toMatch(/already used/);
    expect(errorCode(await app.gql(LOGIN, { e: 'nora.new@example.test', p: 'another-secret' }))).toBe('UNAUTHENTICATED');
    // The link is not kept in the outbox once sent.
    const rows = await sql(app, "select payload->>'linkUrl' as link from outbox_messages where event = 'account.invitation' and status = 'SENT'");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.link === null)).toBe(true);
  }, 120_000);

  it('expire (injected clock), and refuse forged tokens, taken addresses and roles beyond the inviter', async () => {
    await app.gql(INVITE, { input: { email: 'late@example.test', name: 'Late Larry', role: 'PARENT' } }, admin);
    const { token } = await linkTokenIn(sink, 'late@example.test', 'invite');
    const realNow = app.services.accounts.now;
    app.services.accounts.now = () => new Date(Date.now() + 8 * 24 * 3600_000);
    try {
      const expired = await app.gql(ACCEPT_INVITATION, { t: token, p: 'late-secret-1' });
      expect(expired.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(expired.errors?.[0].message).toMatch(/has expired/);
    } finally {
      app.services.accounts.now = realNow;
    }
    expect(field(await app.gql(ACCEPT_INVITATION, { t: 'forged-token', p: 'late-secret-1' }))).toBe('token');
    const taken = await app.gql(INVITE, { input: { email: 'parent@demo.test', name: 'P', role: 'PARENT' } }, admin);
    expect(errorCode(taken)).toBe('CONFLICT');
    expect(errorCode(await app.gql(INVITE, { input: { email: 'boss@example.test', name: 'Boss', role: 'ADMIN' } }, coordinator))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(INVITE, { input: { email: 'x@example.test', name: 'X', role: 'TUTOR' } }, await app.login('tutor@demo.test')))).toBe('FORBIDDEN');
    expect(field(await app.gql(INVITE, { input: { email: 'not-an-address', name: 'X', role: 'TUTOR' } }, admin))).toBe('email');
    expect(field(await app.gql(INVITE, { input: { email: 'tz@example.test', name: 'X', role: 'TUTOR', timezone: 'Mars/Olympus' } }, admin))).toBe('timezone');
    expect((await sql(app, "select count(*)::int as n from users where email in ('boss@example.test', 'x@example.test', 'not-an-address', 'tz@example.test')"))[0].n).toBe(0);
  });

  it('reach a synced person who never signed in (no password), one by one or all at once', async () => {
    await sql(app, `insert into users (id, name, email, role, password_hash) values
      (gen_random_uuid(), 'Sync One', 'sync1@example.test', 'TUTOR', null), (gen_random_uuid(), 'Sync Two', 'sync2@example.test', 'PARENT', null)`);
    const one = await app.gql(INVITE, { input: { email: 'sync1@example.test', name: 'ignored', role: 'LEARNER' } }, admin);
    expect(one.data.inviteUser.role).toBe('TUTOR');
    const all = await app.gql('mutation { inviteNeverSignedIn }', {}, admin);
    expect(all.data.inviteNeverSignedIn).toBe(1); // sync1 already has a pending invitation
    const { token } = await linkTokenIn(sink, 'sync2@example.test', 'invite');
    expect((await app.gql(ACCEPT_INVITATION, { t: token, p: 'sync-two-secret' })).data.acceptInvitation.user.role).toBe('PARENT');
  });
});

describe('password reset', () => {
  it('answers the same, in similar time, whether or not the address exists', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      const result = await app.gql(REQUEST_RESET, { e: email });
      return { result, ms: performance.now() - started };
    };
    await time('warm-up@example.test');
    const known = await time('tutor2@demo.test');
    const unknown = await time('nobody-here@example.test');
    expect(known.result).toEqual(unknown.result);
    expect(known.result.data.requestPasswordReset).toBe(true);
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(150);
    await Promise.all(pendingResets);
    await linkTokenIn(sink, 'tutor2@demo.test', 'reset');
    expect(sink.received.some((m) => m.to.includes('nobody-here@example.test'))).toBe(false);
  });

  it('sets a new password once, stopping every older token and open socket; an expired link says so', async () => {
    const email = 'learner@demo.test';
    const old = await app.login(email);
    const ws = connectWs(app.url, old);
    await subscribe(ws, 'subscription { ticketChanged { sequence } }');
    await app.gql(REQUEST_RESET, { e: email });
    await Promise.all(pendingResets);
    const { token, mail } = await linkTokenIn(sink, email, 'reset');
    expect(mail.mail.subject).toBe('Reset your Tickets password');
    expect(mail.mail.text).toContain(`${PUBLIC_URL}/reset/`);

    const reset = await app.gql(RESET, { t: token, p: 'learner-new-secret' });
    expect(reset.errors).toBeUndefined();
    expect(errorCode(await app.gql('{ me { id } }', {}, old))).toBe('UNAUTHENTICATED');
    await vi.waitFor(() => expect(ws.closeCodes).toEqual([4401]), { timeout: 2_000 });
    expect((await app.gql('{ me { id } }', {}, reset.data.resetPassword.token)).data.me).toBeTruthy();
    expect(errorCode(await app.gql(LOGIN, { e: email, p: 'demo1234' }))).toBe('UNAUTHENTICATED');
    const twice = await app.gql(RESET, { t: token, p: 'learner-third-secret' });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(twice.errors?.[0].message).toMatch(/already used/);

    await app.gql(REQUEST_RESET, { e: email });
    await Promise.all(pendingResets);
    const second = await linkTokenIn(sink, email, 'reset', 2);
    const realNow = app.services.accounts.now;
    app.services.accounts.now = () => new Date(Date.now() + 61 * 60_000);
    try {
      const expired = await app.gql(RESET, { t: second.token, p: 'learner-third-secret' });
      expect(expired.errors?.[0].message).toMatch(/has expired/);
    } finally {
      app.services.accounts.now = realNow;
    }
    expect(field(await app.gql(RESET, { t: second.token, p: 'short' }))).toBe('newPassword');
    await ws.close();
  });
});

describe('first admin', () => {
  it('the setup is closed while an admin exists', async () => {
    expect((await app.gql('{ setupNeeded }')).data.setupNeeded).toBe(false);
    const refused = await app.gql('mutation { createFirstAdmin(email: "me@example.test", name: "Me", password: "long-enough-1") { token } }');
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });
});
