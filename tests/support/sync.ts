import type { TestApp } from './app';

/** The sync operations as a partner's app sends them. */
export const SYNC = {
  users: 'mutation($input: [UserSyncInput!]!) { syncUsers(input: $input) { externalId outcome id code field message } }',
  packages: 'mutation($input: [PackageSyncInput!]!) { syncPackages(input: $input) { externalId outcome id code field message } }',
  sessions: 'mutation($input: [SessionSyncInput!]!) { syncSessions(input: $input) { externalId outcome id code field message } }',
  invoices: 'mutation($input: [InvoiceSyncInput!]!) { syncInvoices(input: $input) { externalId outcome id code field message } }',
  attendance: 'mutation($input: [AttendanceEventInput!]!) { recordAttendance(input: $input) { externalId outcome id code field message } }',
};

/** An API key with these scopes, made by the demo admin. */
export async function apiKey(app: TestApp, scopes: string[]): Promise<string> {
  const admin = await app.login('admin@demo.test');
  const made = await app.gql('mutation($n: String!, $s: [String!]!) { createApiKey(name: $n, scopes: $s) { key } }', { n: `sync ${scopes.join(' ')}`, s: scopes }, admin);
  if (made.errors) throw new Error(JSON.stringify(made.errors));
  return made.data.createApiKey.key;
}

let unique = 0;
/** A prefix no other test of this run uses, for external ids and numbers. */
export const runPrefix = () => `t${process.pid}-${(unique += 1)}-${Math.random().toString(36).slice(2, 6)}`;

/** A session as a booking platform would send it (one-on-one, 1 hour, 30.00 EUR). */
export function sessionItem(p: string, n: number, overrides: Record<string, unknown> = {}) {
  const start = new Date(Date.UTC(2026, 10, 1, 9) + n * 3_600_000);
  return {
    externalId: `${p}-s${n}`, kind: 'ONE_ON_ONE', status: 'COMPLETED', subject: 'Maths', language: 'English',
    scheduledStart: start.toISOString(), scheduledEnd: new Date(start.getTime() + 3_600_000).toISOString(),
    price: { amountMinor: 3000, currency: 'EUR' }, tutorPay: { amountMinor: 1800, currency: 'EUR' },
    tutorExternalId: `${p}-tutor`, learnerExternalIds: [`${p}-kid`], meetingId: `${p}-m${n}`,
    sourceUpdatedAt: '2026-11-01T08:00:00.000Z', ...overrides,
  };
}

/** A family (the demo parent adopted by e-mail, so it can sign in), a synced child without e-mail and a tutor. */
export const familyItems = (p: string, at = '2026-11-01T08:00:00.000Z') => [
  { externalId: `${p}-parent`, role: 'PARENT', name: 'Paula Novak', email: 'parent@demo.test', sourceUpdatedAt: at },
  { externalId: `${p}-kid`, role: 'LEARNER', name: 'Sam Novak', parentExternalId: `${p}-parent`, sourceUpdatedAt: at },
  { externalId: `${p}-tutor`, role: 'TUTOR', name: 'Tomas Tutor', email: 'tutor@demo.test', sourceUpdatedAt: at },
];
