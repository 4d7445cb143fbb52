import type { TestApp } from './app';
import { REPORT, createDisputableSessions, sql } from './fixtures';

export const MERGE = `mutation($t: ID!, $s: [ID!]!, $c: String) {
  mergeTickets(targetId: $t, sourceIds: $s, comment: $c) { id number status sessions { id } mergedFrom { id number } attachments { filename }
    logs { action comment internal toStatus } } }`;

/** A NO_SHOW dispute by `reporter` on `count` new invoiced sessions (3000 EUR cents each, payouts of 1800). */
export async function dispute(app: TestApp, token: string, options: { count?: number; learner?: string; billedTo?: string; title?: string } = {}) {
  const { sessionIds } = await createDisputableSessions(app, {
    tutor: 'tutor@demo.test', learner: options.learner ?? 'mia@demo.test', billedTo: options.billedTo ?? 'parent@demo.test', invoiced: options.count ?? 1,
  });
  const result = await app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: options.title ?? 'Missed lesson', description: 'The tutor did not come' } }, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { id: result.data.reportIssue.id as string, number: result.data.reportIssue.number as string, sessionIds };
}

/** Per invoice line of these sessions: what it was credited, and what every ledger row for it adds up to. */
export async function creditsOf(app: TestApp, sessionIds: string[]) {
  const rows = await sql(app,
    `select l.session_id, l.amount_minor, l.credited_minor,
            (select coalesce(sum(a.amount_minor), 0)::int from ticket_adjustments a where a.invoice_line_id = l.id) as ledger
       from invoice_lines l where l.session_id = any(?::uuid[]) order by l.session_id`, [`{${sessionIds.join(',')}}`]);
  return new Map(rows.map((r) => [r.session_id as string, { amount: r.amount_minor as number, credited: r.credited_minor as number, ledger: r.ledger as number }]));
}

/** The tutor payouts of these sessions: status and deduction, by session. */
export async function payoutsOf(app: TestApp, sessionIds: string[]) {
  const rows = await sql(app, 'select session_id, status::text as status, deducted_minor from tutor_payouts where session_id = any(?::uuid[])', [`{${sessionIds.join(',')}}`]);
  return new Map(rows.map((r) => [r.session_id as string, { status: r.status as string, deducted: r.deducted_minor as number }]));
}
