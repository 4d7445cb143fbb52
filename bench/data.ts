/**
 * The bench's data, built with bulk SQL (generate_series) on a database the server has already
 * migrated and seeded with the demo accounts: users, families, tutoring sessions with their
 * learners, tickets linked to sessions and a long issue log per ticket. Ids are derived from
 * numbers, so the bench can name any row without asking for it.
 */
import { Client } from 'pg';

export interface Scale {
  users: number;
  sessions: number;
  tickets: number;
  logsPerTicket: number;
}

export const FULL_SCALE: Scale = { users: 10_000, sessions: 50_000, tickets: 100_000, logsPerTicket: 10 };
export const QUICK_SCALE: Scale = { users: 2_000, sessions: 5_000, tickets: 10_000, logsPerTicket: 10 };

/** The share of sessions that carry a ticket; the rest are free for reportIssue. */
const LINKED_SHARE = 0.8;
/** The free sessions belong to the children of this many parents (few logins for the bench). */
export const REPORTING_FAMILIES = 100;

/** A deterministic uuid: kind 1 tutor, 2 parent, 3 learner, 4 coordinator, 5 session, 6 ticket. */
export const benchId = (kind: number, n: number) => `${kind}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const idSql = (kind: number, n: string) => `('${kind}0000000-0000-4000-8000-' || lpad((${n})::text, 12, '0'))::uuid`;

export function populations(scale: Scale) {
  const staff = Math.max(10, Math.round(scale.users * 0.005));
  const tutors = Math.round(scale.users * 0.034);
  const parents = Math.round(scale.users * 0.32);
  // Seven demo accounts are already there.
  const learners = scale.users - 7 - staff - tutors - parents;
  const linkedSessions = Math.round(scale.sessions * LINKED_SHARE);
  return { staff, tutors, parents, learners, linkedSessions };
}

/** The learner of session `n`: any learner for sessions with a ticket, one of a few families' children for the free ones. */
const learnerOfSql = (n: string, linked: number, learners: number) => `(case when ${n} <= ${linked} then ((${n} - 1) % ${learners}) + 1 else ((${n} - 1) % ${REPORTING_FAMILIES}) + 1 end)`;

/** The free sessions (no ticket yet) and who may report each (the parent of its learner): reportIssue's calls. */
export function freeSessions(scale: Scale): Array<{ parent: number; session: string }> {
  const { parents, linkedSessions } = populations(scale);
  const free = [];
  for (let n = linkedSessions + 1; n <= scale.sessions; n += 1) {
    const learner = ((n - 1) % REPORTING_FAMILIES) + 1;
    free.push({ parent: ((learner - 1) % parents) + 1, session: benchId(5, n) });
  }
  return free;
}

/** ONGOING support and feedback tickets (no session, so resolveTicket never touches them): the mixed load's comments. */
export function openSupportTickets(scale: Scale): string[] {
  const { linkedSessions } = populations(scale);
  const ids = [];
  for (let g = linkedSessions + 1; g <= scale.tickets; g += 1) if (Math.floor(g / 3) % 4 === 0) ids.push(benchId(6, g));
  return ids;
}

/** ONGOING tickets disputing a session: resolveTicket's calls. */
export function ongoingDisputes(scale: Scale): string[] {
  const { linkedSessions } = populations(scale);
  const ids = [];
  for (let g = 1; g <= linkedSessions; g += 1) if (Math.floor(g / 3) % 4 === 0) ids.push(benchId(6, g));
  return ids;
}

export async function buildData(databaseUrl: string, scale: Scale, log: (line: string) => void): Promise<void> {
  const { staff, tutors, parents, learners, linkedSessions } = populations(scale);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const step = async (label: string, sql: string) => {
    const started = Date.now();
    const result = await db.query(sql);
    log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  try {
    await db.query('set synchronous_commit = off');
    const hash = (await db.query(`select password_hash from users where email = 'coordinator@demo.test'`)).rows[0]?.password_hash;
    if (!hash) throw new Error('the demo accounts are missing: start the server once on the empty database first');
    const users = (kind: number, count: number, role: string, label: string) =>
      step(
        `${count} ${label}`,
        `insert into users (id, name, email, role, password_hash, created_at)
         select ${idSql(kind, 'g')}, '${label} ' || g, '${label}-' || g || '@bench.test', '${role}', '${hash}', now() - interval '2 years'
         from generate_series(1, ${count}) g`,
      );
    await users(4, staff, 'COORDINATOR', 'coordinator');
    await users(1, tutors, 'TUTOR', 'tutor');
    await users(2, parents, 'PARENT', 'parent');
    await users(3, learners, 'LEARNER', 'learner');
    await step('parent links', `insert into parent_links (parent_id, child_id) select ${idSql(2, `((g - 1) % ${parents}) + 1`)}, ${idSql(3, 'g')} from generate_series(1, ${learners}) g`);
    await step(
      `${scale.sessions} sessions`,
      `insert into tutoring_sessions (id, kind, status, language, subject, scheduled_start, scheduled_end, price_minor, currency, tutor_id, tutor_joined_at, tutor_left_at)
       select ${idSql(5, 'g')}, 'ONE_ON_ONE', 'COMPLETED', 'en', 'Mathematics',
              now() - interval '1 day' - g * interval '17 minutes', now() - interval '1 day' - g * interval '17 minutes' + interval '50 minutes',
              2500, 'EUR', ${idSql(1, `((g - 1) % ${tutors}) + 1`)},
              now() - interval '1 day' - g * interval '17 minutes', now() - interval '1 day' - g * interval '17 minutes' + interval '50 minutes'
       from generate_series(1, ${scale.sessions}) g`,
    );
    await step(
      'session learners',
      `insert into session_participants (session_id, learner_id, joined_at, left_at)
       select ${idSql(5, 'g')}, ${idSql(3, learnerOfSql('g', linkedSessions, learners))}, now() - interval '1 day' - g * interval '17 minutes', now() - interval '1 day' - g * interval '17 minutes' + interval '45 minutes'
       from generate_series(1, ${scale.sessions}) g`,
    );
    // Ticket n <= linkedSessions disputes session n, reported by its learner's parent; the others are support and feedback tickets.
    const learnerOf = learnerOfSql('g', linkedSessions, learners);
    await step(
      `${scale.tickets} tickets`,
      `insert into tickets (id, number, type, category, status, title, description, reporter_id, tutor_id, assignee_id, requested_effect, version, created_at, updated_at, first_response_due_at, resolution_due_at, currency)
       select ${idSql(6, 'g')}, 'B-' || lpad(g::text, 7, '0'),
              (case when g <= ${linkedSessions} then 'DISPUTE' else (array['SUPPORT','FEEDBACK'])[1 + g % 2] end)::ticket_type,
              (array['NO_SHOW','DURATION','QUALITY','BILLING','SCHEDULING'])[1 + g % 5]::dispute_category,
              (array['ONGOING','RESOLVED','ESCALATED','CLOSED'])[1 + (g / 3) % 4]::ticket_status,
              'Bench ticket ' || g, 'Generated by the bench: the lesson ' || g || ' did not go as planned.',
              case when g <= ${linkedSessions} then ${idSql(2, `((${learnerOf} - 1) % ${parents}) + 1`)} else ${idSql(2, `((g - 1) % ${parents}) + 1`)} end,
              ${idSql(1, `((g - 1) % ${tutors}) + 1`)},
              case when g % 3 = 0 then ${idSql(4, `((g - 1) % ${staff}) + 1`)} end,
              case when g % 4 = 0 then 'PARTIAL_CREDIT'::resolution_effect end,
              1 + g % 7, now() - g * interval '5 minutes' - (g * 7919 % 300) * interval '1 second', now() - g * interval '4 minutes',
              now() + interval '1 day', now() + interval '7 days', 'EUR'
       from generate_series(1, ${scale.tickets}) g`,
    );
    await step(
      'ticket sessions',
      `insert into ticket_sessions (ticket_id, session_id, open_dispute, open)
       select t.id, ${idSql(5, 'g')}, t.status <> 'CLOSED', t.status <> 'CLOSED'
       from generate_series(1, ${linkedSessions}) g join tickets t on t.id = ${idSql(6, 'g')}`,
    );
    await step(
      `${scale.tickets * scale.logsPerTicket} issue-log rows`,
      `insert into issue_logs (id, ticket_id, actor_id, action, comment, internal, from_status, to_status, created_at)
       select gen_random_uuid(), t.id, case when k % 2 = 0 then t.reporter_id else coalesce(t.assignee_id, t.tutor_id) end,
              case when k = 1 then 'REPORTED' else 'COMMENTED' end, 'Log entry ' || k || ' of ' || t.number, k % 4 = 0,
              case when k = 1 then null else t.status end, t.status, t.created_at + k * interval '1 minute'
       from tickets t cross join generate_series(1, ${scale.logsPerTicket}) k where t.number like 'B-%'`,
    );
    await step('vacuum analyze', 'vacuum analyze');
  } finally {
    await db.end();
  }
}
