import type { EntityManager } from '@mikro-orm/postgresql';
import { seedDemoAutomations } from '../../server/src/automations/demo';
import type { TestApp } from './app';
import { sql } from './fixtures';

/** The demo's "Verified no-show" automation and its lesson ready to report (the test template leaves them out). */
export const seedNoShowAutomation = (app: TestApp) => seedDemoAutomations(app.orm.em.fork() as EntityManager);

/** The tutor never joined these sessions (the video room's records). */
export const tutorNeverJoined = (app: TestApp, sessionIds: string[]) =>
  sql(app, 'update tutoring_sessions set tutor_joined_at = null, tutor_left_at = null, ended_by_id = null where id = any(?::uuid[])', [`{${sessionIds.join(',')}}`]);

export const AUTOMATION_FIELDS = `id name active trigger afterHours runCount lastRunAt filter { category status }
  facts { fact op value } actions { kind text action { id label } assignee { id } }`;
export const SAVE_AUTOMATION = `mutation($input: AutomationInput!) { saveAutomation(input: $input) { ${AUTOMATION_FIELDS} } }`;
export const TEST_AUTOMATION = `mutation($input: AutomationInput!, $days: Int) { testAutomation(input: $input, days: $days) { matched tickets { id } credited { amountMinor currency } } }`;
export const RUNS = `query($a: ID, $t: ID) { automationRuns(automationId: $a, ticketId: $t, first: 50) { totalCount edges { node { id ok code at automation { name } ticket { id } } } } }`;

/** Polls `check` every 50 ms until it returns a value, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, ms = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every table's rows, hashed: equal fingerprints mean nothing was written. */
export async function databaseFingerprint(app: TestApp): Promise<Record<string, string>> {
  const tables: Array<{ schema: string; name: string }> = await sql(app, `select table_schema as schema, table_name as name from information_schema.tables
    where table_schema in ('public', 'graphile_worker') and table_type = 'BASE TABLE' order by 1, 2`);
  const out: Record<string, string> = {};
  for (const { schema, name } of tables) {
    const [row] = await sql(app, `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${schema}"."${name}" t`);
    out[`${schema}.${name}`] = `${row.n}:${row.h}`;
  }
  return out;
}
