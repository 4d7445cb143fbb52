/**
 * The sync scenario: a partner pushes 500 new sessions in one syncSessions call, then the same
 * 500 again (all UNCHANGED). Targets: >= 1,000 items/s new, >= 5,000 items/s unchanged.
 */
import { login } from './load';

const SESSIONS = 500;

async function call(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`sync bench call failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

export interface SyncBenchResult {
  newPerSecond: number;
  unchangedPerSecond: number;
  newMs: number;
  unchangedMs: number;
}

export async function measureSync(url: string, log: (line: string) => void): Promise<SyncBenchResult> {
  const admin = await login(url, 'admin@demo.test');
  const key = (await call(url, admin, 'mutation { createApiKey(name: "bench sync", scopes: ["sync:write"]) { key } }', {})).createApiKey.key as string;
  const p = `bench${Date.now().toString(36)}`;
  const at = new Date().toISOString();
  const users = [{ externalId: `${p}-tutor`, role: 'TUTOR', name: 'Bench Tutor', sourceUpdatedAt: at },
    ...Array.from({ length: 50 }, (_, i) => ({ externalId: `${p}-kid${i}`, role: 'LEARNER', name: `Bench Learner ${i}`, sourceUpdatedAt: at }))];
  await call(url, key, 'mutation($input: [UserSyncInput!]!) { syncUsers(input: $input) { outcome } }', { input: users });
  const sessions = Array.from({ length: SESSIONS }, (_, i) => {
    const start = new Date(Date.UTC(2026, 9, 1) + i * 3_600_000);
    return { externalId: `${p}-s${i}`, kind: 'ONE_ON_ONE', status: 'COMPLETED', subject: 'Maths', language: 'English',
      scheduledStart: start.toISOString(), scheduledEnd: new Date(start.getTime() + 3_600_000).toISOString(),
      price: { amountMinor: 3000, currency: 'EUR' }, tutorPay: { amountMinor: 1800, currency: 'EUR' },
      tutorExternalId: `${p}-tutor`, learnerExternalIds: [`${p}-kid${i % 50}`], meetingId: `${p}-m${i}`, sourceUpdatedAt: at };
  });
  const query = 'mutation($input: [SessionSyncInput!]!) { syncSessions(input: $input) { outcome } }';
  const timed = async (expected: string) => {
    const started = performance.now();
    const results = (await call(url, key, query, { input: sessions })).syncSessions as Array<{ outcome: string }>;
    const ms = performance.now() - started;
    const wrong = results.filter((r) => r.outcome !== expected).length;
    if (wrong) throw new Error(`${wrong} of ${SESSIONS} sessions were not ${expected}`);
    return ms;
  };
  const newMs = await timed('CREATED');
  const unchangedMs = await timed('UNCHANGED');
  const result = { newMs, unchangedMs, newPerSecond: (SESSIONS / newMs) * 1000, unchangedPerSecond: (SESSIONS / unchangedMs) * 1000 };
  log(`sync: ${SESSIONS} new sessions in ${newMs.toFixed(0)} ms = ${result.newPerSecond.toFixed(0)} items/s (target 1,000); `
    + `${SESSIONS} unchanged in ${unchangedMs.toFixed(0)} ms = ${result.unchangedPerSecond.toFixed(0)} items/s (target 5,000)`);
  return result;
}
