import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { sql } from '../support/fixtures';
import { SYNC, apiKey, familyItems, runPrefix, sessionItem } from '../support/sync';

let app: TestApp;
let key: string;
const p = runPrefix();
const outcomes = (result: any, op: string) => result.data[op].map((r: any) => r.outcome);

beforeAll(async () => {
  app = await startTestApp();
  key = await apiKey(app, ['sync:write', 'sessions:read']);
  const users = await app.gql(SYNC.users, { input: familyItems(p) }, key);
  expect(outcomes(users, 'syncUsers')).toEqual(['CREATED', 'CREATED', 'CREATED']);
});
afterAll(async () => {
  await app?.close();
});

describe('sync: who may', () => {
  it('refuses keys without sync:write and people who are not admins, with FORBIDDEN; admins may', async () => {
    const readOnly = await apiKey(app, ['sessions:read']);
    expect(errorCode(await app.gql(SYNC.sessions, { input: [] }, readOnly))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(SYNC.sessions, { input: [] }, await app.login('coordinator@demo.test')))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(SYNC.sessions, { input: [] }))).toBe('UNAUTHENTICATED');
    const admin = await app.gql(SYNC.users, { input: [{ externalId: `${p}-adm`, role: 'TUTOR', name: 'By admin', sourceUpdatedAt: '2026-11-01T00:00:00Z' }] }, await app.login('admin@demo.test'));
    expect(admin.data.syncUsers[0].outcome).toBe('CREATED');
  });
});

describe('sync: sessions', () => {
  it('creates, then the same batch again is UNCHANGED, writing nothing; a payout for the completed one; the learner linked to the parent', async () => {
    const batch = [sessionItem(p, 1), sessionItem(p, 2, { status: 'SCHEDULED', tutorPay: null })];
    const first = await app.gql(SYNC.sessions, { input: batch }, key);
    expect(first.errors).toBeUndefined();
    expect(outcomes(first, 'syncSessions')).toEqual(['CREATED', 'CREATED']);
    const again = await app.gql(SYNC.sessions, { input: batch }, key);
    expect(again.data.syncSessions).toEqual(first.data.syncSessions.map((r: any) => ({ ...r, outcome: 'UNCHANGED' })));
    const [{ count }] = await sql(app, `select count(*)::int as count from tutoring_sessions where meeting_id like ?`, [`${p}-m%`]);
    expect(count).toBe(2);
    const payouts = await sql(app, 'select status, amount_minor from tutor_payouts where session_id = any(?::uuid[]) ', [`{${first.data.syncSessions.map((r: any) => r.id).join(',')}}`]);
    expect(payouts).toEqual([{ status: 'RELEASED', amount_minor: 1800 }]);
    const parentSees = await app.gql('query($id: ID!) { session(id: $id) { id externalId learners { name } } }', { id: first.data.syncSessions[0].id }, await app.login('parent@demo.test'));
    expect(parentSees.data.session).toEqual({ id: first.data.syncSessions[0].id, externalId: null, learners: [{ name: 'Sam Novak' }] });
    const keySees = await app.gql('query($id: ID!) { session(id: $id) { externalId } }', { id: first.data.syncSessions[0].id }, key);
    expect(keySees.data.session.externalId).toBe(`${p}-s1`);
  });

  it('an older delivery is STALE and changes nothing; a newer one is UPDATED', async () => {
    await app.gql(SYNC.sessions, { input: [sessionItem(p, 3, { sourceUpdatedAt: '2026-11-02T00:00:00Z' })] }, key);
    const stale = await app.gql(SYNC.sessions, { input: [sessionItem(p, 3, { subject: 'Old subject', sourceUpdatedAt: '2026-11-01T00:00:00Z' })] }, key);
    expect(stale.data.syncSessions[0]).toMatchObject({ outcome: 'STALE', code: null });
    const [row] = await sql(app, 'select subject from tutoring_sessions where meeting_id = ?', [`${p}-m3`]);
    expect(row.subject).toBe('Maths');
    const newer = await app.gql(SYNC.sessions, { input: [sessionItem(p, 3, { subject: 'Physics', sourceUpdatedAt: '2026-11-03T00:00:00Z' })] }, key);
    expect(newer.data.syncSessions[0].outcome).toBe('UPDATED');
    const [after] = await sql(app, 'select subject from tutoring_sessions where meeting_id = ?', [`${p}-m3`]);
    expect(after.subject).toBe('Physics');
  });

  it('bad items fail on their own, naming the field, and the good ones around them are written', async () => {
    const batch = [
      sessionItem(p, 10),
      sessionItem(p, 11, { learnerExternalIds: ['nobody-we-know'] }),
      sessionItem(p, 12, { price: { amountMinor: 3000, currency: 'euro' } }),
      sessionItem(p, 13, { scheduledEnd: '2026-10-01T00:00:00Z' }),
      sessionItem(p, 15, { language: 'x'.repeat(100_000) }),
      sessionItem(p, 16, { tutorPay: { amountMinor: 100, currency: 'USD' } }),
      sessionItem(p, 17, { tutorExternalId: `${p}-kid` }),
      sessionItem(p, 18),
    ];
    const result = await app.gql(SYNC.sessions, { input: batch }, key);
    expect(result.errors).toBeUndefined();
    const rows = result.data.syncSessions;
    expect(rows.map((r: any) => [r.outcome, r.field])).toEqual([
      ['CREATED', null], ['FAILED', 'learnerExternalIds.0'], ['FAILED', 'price.currency'], ['FAILED', 'scheduledEnd'],
      ['FAILED', 'language'], ['FAILED', 'tutorPay.currency'], ['FAILED', 'tutorExternalId'], ['CREATED', null],
    ]);
    for (const failed of rows.filter((r: any) => r.outcome === 'FAILED')) {
      expect(failed.code).toBe('BAD_USER_INPUT');
      expect(failed.message).toMatch(/^[A-Z"]/);
      expect(failed.message).not.toMatch(/Externalid|undefined|null/);
    }
    const written = await sql(app, `select meeting_id from tutoring_sessions where meeting_id like ? order by meeting_id`, [`${p}-m1_`]);
    expect(written.map((r: any) => r.meeting_id)).toEqual([`${p}-m10`, `${p}-m18`]);
    // A NUL character is refused for the whole call by the one input guard, naming the field; nothing is written.
    const nul = await app.gql(SYNC.sessions, { input: [sessionItem(p, 19), sessionItem(p, 14, { subject: 'Ma\u0000ths' })] }, key);
    expect(nul.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subject' });
    expect(await sql(app, 'select 1 from tutoring_sessions where meeting_id in (?, ?)', [`${p}-m19`, `${p}-m14`])).toEqual([]);
  });

  it('501 items are BAD_USER_INPUT for the call, and nothing is written', async () => {
    const batch = Array.from({ length: 501 }, (_, i) => sessionItem(p, 1000 + i));
    const result = await app.gql(SYNC.sessions, { input: batch }, key);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.field).toBe('input');
    const [{ count }] = await sql(app, `select count(*)::int as count from tutoring_sessions where meeting_id like ?`, [`${p}-m1___`]);
    expect(count).toBe(0);
  });

  it('500 sessions (about 200 KB) fit the body limit of the sync calls; other operations keep the small one', async () => {
    const batch = Array.from({ length: 500 }, (_, i) => sessionItem(p, 2000 + i, { subject: `Maths, week ${i} ${'·'.repeat(120)}` }));
    const body = JSON.stringify({ query: SYNC.sessions, variables: { input: batch } });
    expect(body.length).toBeGreaterThan(200_000);
    const result = await app.gql(SYNC.sessions, { input: batch }, key);
    expect(result.status).toBe(200);
    expect(new Set(outcomes(result, 'syncSessions'))).toEqual(new Set(['CREATED']));
    const other = await app.gql('query($pad: String) { me { id } }', { pad: 'x'.repeat(200_000) }, key);
    expect(other.status).toBe(413);
    expect(errorCode(other)).toBe('BAD_USER_INPUT');
    // 500 transactions: minutes on a machine shared by many test runs (the bench measures the speed).
  }, 240_000);

  it('package sessions use a credit of the package; a cancelled one gives it back; an empty package is CONFLICT', async () => {
    const pkg = await app.gql(SYNC.packages, { input: [{ externalId: `${p}-pk`, name: '2 lessons', billedToExternalId: `${p}-parent`, learnerExternalId: `${p}-kid`, creditsTotal: 2, sourceUpdatedAt: '2026-11-01T00:00:00Z' }] }, key);
    expect(pkg.data.syncPackages[0].outcome).toBe('CREATED');
    const used = await app.gql(SYNC.sessions, { input: [30, 31, 32].map((n) => sessionItem(p, n, { packageExternalId: `${p}-pk` })) }, key);
    expect(used.data.syncSessions.map((r: any) => [r.outcome, r.code, r.field])).toEqual([['CREATED', null, null], ['CREATED', null, null], ['FAILED', 'CONFLICT', 'packageExternalId']]);
    const credits = async () => (await sql(app, 'select credits_used from packages where id = ?', [pkg.data.syncPackages[0].id]))[0].credits_used;
    expect(await credits()).toBe(2);
    await app.gql(SYNC.sessions, { input: [sessionItem(p, 31, { packageExternalId: `${p}-pk`, status: 'CANCELLED', tutorPay: null, sourceUpdatedAt: '2026-11-05T00:00:00Z' })] }, key);
    expect(await credits()).toBe(1);
    const lower = await app.gql(SYNC.packages, { input: [{ externalId: `${p}-pk`, name: '2 lessons', billedToExternalId: `${p}-parent`, learnerExternalId: `${p}-kid`, creditsTotal: 0, sourceUpdatedAt: '2026-11-06T00:00:00Z' }] }, key);
    expect(lower.data.syncPackages[0]).toMatchObject({ outcome: 'FAILED', code: 'CONFLICT' });
  });
});
