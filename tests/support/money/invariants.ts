import { expect } from 'vitest';
import { pgArray, run } from '../../../server/src/db/raw-sql';
import { type Model, type Real, coveredSessions } from './model';

/**
 * Every money rule, read from the tables with plain SQL (not through the code under test), as
 * one statement returning the rows that break one: `rule` says which, `detail` where. The scope is
 * the sequence's fixture (its tutor, its billed users, its sessions).
 */
const VIOLATIONS = `
with fx_lines as (
  select l.*, i.status as invoice_status, s.status as session_status
    from invoice_lines l join invoices i on i.id = l.invoice_id left join tutoring_sessions s on s.id = l.session_id
   where i.billed_to_id = any(:billed::uuid[])),
note_sums as (select invoice_line_id, sum(amount_minor)::int as total from credit_note_lines group by invoice_line_id),
ledger_sums as (select invoice_line_id, sum(amount_minor)::int as total from ticket_adjustments where credit_note_id is null group by invoice_line_id),
fx_tickets as (select * from tickets where tutor_id = :tutor),
family as (
  with recursive up(id, root) as (select id, id from fx_tickets where merged_into_id is null
    union select t.id, up.root from fx_tickets t join up on t.merged_into_id = up.id)
  select * from up),
fx_payouts as (select * from tutor_payouts where tutor_id = :tutor),
credited as (
  select a.session_id, sum(a.amount_minor) + sum(a.package_credits) * max(s.price_minor) as value
    from ticket_adjustments a join tutoring_sessions s on s.id = a.session_id where s.tutor_id = :tutor group by a.session_id),
billed as (
  select s.id as session_id, s.price_minor * greatest(count(sp.learner_id), 1) as value
    from tutoring_sessions s left join session_participants sp on sp.session_id = s.id where s.tutor_id = :tutor group by s.id),
shares as (
  select p.id, least(p.amount_minor, greatest(0, round(coalesce(c.value, 0)::numeric * p.amount_minor / nullif(b.value, 0))))::int as share
    from fx_payouts p join billed b on b.session_id = p.session_id left join credited c on c.session_id = p.session_id),
lates as (select l.*, coalesce((select sum(c.amount_minor) from payout_carries c where c.late_credit_id = l.id), 0)::int as carried
            from payout_late_credits l where l.tutor_id = :tutor)
select 'line credited outside 0..amount' as rule, l.description || ': ' || l.credited_minor || ' of ' || l.amount_minor as detail
  from fx_lines l where l.credited_minor < 0 or l.credited_minor > l.amount_minor
union all
select 'issued or paid line: credited is not its credit notes', l.description || ': ' || l.credited_minor || ' vs notes ' || coalesce(n.total, 0)
  from fx_lines l left join note_sums n on n.invoice_line_id = l.id
 where l.invoice_status <> 'DRAFT' and l.credited_minor <> coalesce(n.total, 0)
union all
select 'draft line: credited is not its ledger reductions', l.description || ': ' || l.credited_minor || ' vs ledger ' || coalesce(g.total, 0)
  from fx_lines l left join ledger_sums g on g.invoice_line_id = l.id
 where l.invoice_status = 'DRAFT' and l.session_id is not null and l.session_status <> 'CANCELLED' and l.credited_minor <> coalesce(g.total, 0)
union all
select 'line of a cancelled session not fully credited', l.description || ': ' || l.credited_minor || ' of ' || l.amount_minor
  from fx_lines l where l.session_status = 'CANCELLED' and l.credited_minor <> l.amount_minor
union all
select 'charge line without exactly one matching charge', l.description || ': ' || l.amount_minor
  from fx_lines l where l.session_id is null and (l.credited_minor <> 0 or (select count(*) from ticket_adjustments a
    where a.invoice_line_id = l.id and a.kind = 'LINE_CHARGE' and a.amount_minor = -l.amount_minor) <> 1
    or exists (select 1 from ticket_adjustments a where a.invoice_line_id = l.id and a.kind <> 'LINE_CHARGE'))
union all
select 'credit note is not the sum of its lines', n.number from credit_notes n join invoices i on i.id = n.invoice_id
 where i.billed_to_id = any(:billed::uuid[]) and n.amount_minor <> (select coalesce(sum(amount_minor), 0) from credit_note_lines c where c.credit_note_id = n.id)
union all
select 'ticket credit note is not its ledger rows', n.number from credit_notes n join invoices i on i.id = n.invoice_id
 where i.billed_to_id = any(:billed::uuid[]) and n.ticket_id is not null
   and n.amount_minor <> (select coalesce(sum(amount_minor), 0) from ticket_adjustments a where a.credit_note_id = n.id)
union all
select 'a family charged more than it credited, or credited more than billed', f.root || ' ' || s.subject || ': ' || sum(a.amount_minor)
  from ticket_adjustments a join family f on f.id = a.ticket_id join tutoring_sessions s on s.id = a.session_id
 group by f.root, a.session_id, a.learner_id, s.subject
having sum(a.amount_minor) < 0 or sum(a.amount_minor) > coalesce((select max(l.amount_minor) from invoice_lines l where l.session_id = a.session_id and l.learner_id = a.learner_id), 0)
union all
select 'package credit restored other than 0 or 1 times', s.subject || ': ' || (sum(a.package_credits) + max(case when s.status = 'CANCELLED' then 1 else 0 end))
  from ticket_adjustments a join tutoring_sessions s on s.id = a.session_id where s.tutor_id = :tutor and a.package_id is not null
 group by a.session_id, a.learner_id, s.subject having sum(a.package_credits) + max(case when s.status = 'CANCELLED' then 1 else 0 end) not in (0, 1)
union all
select 'package credits used wrong', p.credits_used || ' used of ' || p.credits_total || ', expected ' || (:initialUsed::int
    - (select coalesce(sum(package_credits), 0) from ticket_adjustments a where a.package_id = p.id)
    - (select count(*) from session_participants sp join tutoring_sessions s on s.id = sp.session_id where sp.package_id = p.id and s.status = 'CANCELLED'))
  from packages p where p.id = :package and (p.credits_used < 0 or p.credits_used > p.credits_total or p.credits_used <> :initialUsed::int
    - (select coalesce(sum(package_credits), 0) from ticket_adjustments a where a.package_id = p.id)
    - (select count(*) from session_participants sp join tutoring_sessions s on s.id = sp.session_id where sp.package_id = p.id and s.status = 'CANCELLED'))
union all
select 'ticket credited is not its ledger', t.number || ': ' || t.credited_minor from fx_tickets t
 where t.credited_minor <> (select coalesce(sum(amount_minor), 0) from ticket_adjustments a where a.ticket_id = t.id)
union all
select 'session link open flag is not its ticket''s', t.number from ticket_sessions ts join fx_tickets t on t.id = ts.ticket_id
 where ts.open <> (t.status <> 'CLOSED') or ts.open_dispute <> (t.status <> 'CLOSED')
union all
select 'payout HELD is not "an open ticket covers the session"', s.subject || ' is ' || p.status from fx_payouts p join tutoring_sessions s on s.id = p.session_id
 where p.status <> 'PAID' and (p.status = 'HELD') <> exists (select 1 from ticket_sessions ts join tickets t on t.id = ts.ticket_id where ts.session_id = p.session_id and t.status <> 'CLOSED')
union all
select 'unpaid payout deduction is not the tutor''s share of the credits', s.subject || ': deducted ' || p.deducted_minor || ', share ' || sh.share
  from fx_payouts p join shares sh on sh.id = p.id join tutoring_sessions s on s.id = p.session_id where p.status <> 'PAID' and p.deducted_minor <> sh.share
union all
select 'paid payout: share less deduction is not its late credits', s.subject || ': share ' || sh.share || ', deducted ' || p.deducted_minor || ', late ' || (select coalesce(sum(amount_minor), 0) from payout_late_credits l where l.payout_id = p.id)
  from fx_payouts p join shares sh on sh.id = p.id join tutoring_sessions s on s.id = p.session_id
 where p.status = 'PAID' and sh.share - p.deducted_minor <> (select coalesce(sum(amount_minor), 0) from payout_late_credits l where l.payout_id = p.id)
union all
select 'payout net negative or carried is not its carries', s.subject || ': ' || p.amount_minor || ' - ' || p.deducted_minor || ' - ' || p.carried_minor
  from fx_payouts p join tutoring_sessions s on s.id = p.session_id
 where p.amount_minor - p.deducted_minor - p.carried_minor < 0 or p.carried_minor <> (select coalesce(sum(amount_minor), 0) from payout_carries c where c.payout_id = p.id)
union all
select 'late credit carried onto its own payout or another tutor''s', l.id::text from lates l join payout_carries c on c.late_credit_id = l.id join tutor_payouts p on p.id = c.payout_id
 where c.payout_id = l.payout_id or p.tutor_id <> l.tutor_id
union all
select 'late credit carried more than once (or against its sign)', l.amount_minor || ' carried ' || l.carried
  from lates l where (l.amount_minor >= 0 and (l.carried < 0 or l.carried > l.amount_minor)) or (l.amount_minor < 0 and (l.carried > 0 or l.carried < l.amount_minor))
union all
select 'late credits waiting while an unpaid payout could take them', (select sum(amount_minor - carried) from lates)::text
  where (select coalesce(sum(amount_minor - carried), 0) from lates) > 0
    and exists (select 1 from fx_payouts p where p.status <> 'PAID' and p.amount_minor - p.deducted_minor - p.carried_minor > 0)
union all
select 'status changes without exactly one log row each', t.number || ': ' || t.status || ' after ' || string_agg(coalesce(l.from_status::text, '-') || '>' || l.to_status, ' ' order by l.created_at)
  from fx_tickets t join issue_logs l on l.ticket_id = t.id and l.to_status is not null
 group by t.id, t.number, t.status
having (array_agg(l.to_status::text order by l.created_at desc))[1] <> t.status::text
    or bool_or(l.from_status is not null and l.from_status = l.to_status)`;

/** The tables against the model: statuses, sessions per ticket, payouts paid; then every rule. */
export async function checkInvariants(m: Model, real: Real): Promise<void> {
  const { em, fixture } = real;
  const named = (sql: string, params: Record<string, unknown>) => {
    const values: unknown[] = [];
    const text = sql.replace(/:(\w+)/g, (whole, name: string) => (name in params ? (values.push(params[name]), '?') : whole));
    return run(em, text, values);
  };
  const violations = await named(VIOLATIONS, {
    billed: pgArray(fixture.billedToIds), tutor: fixture.tutorId, package: fixture.packageId, initialUsed: fixture.packageInitialUsed,
  });
  expect(violations, 'money rules broken').toEqual([]);

  const tickets: Array<{ id: string; status: string; sessions: string[] | null; logs: number }> = await run(em,
    `select t.id, t.status, (select array_agg(session_id::text order by session_id) from ticket_sessions ts where ts.ticket_id = t.id) as sessions,
            (select count(*)::int from issue_logs l where l.ticket_id = t.id and l.to_status is not null) as logs
       from tickets t where t.tutor_id = ? order by t.created_at, t.number`, [fixture.tutorId]);
  const actual = Object.fromEntries(tickets.map((t) => [t.id, { status: t.status, sessions: t.sessions ?? [], statusLogs: t.logs }]));
  const expected = Object.fromEntries(m.tickets.map((t) => [t.id, { status: t.status, sessions: [...t.sessions].sort(), statusLogs: t.statusChanges }]));
  expect(actual, 'tickets as the model has them').toEqual(expected);

  const payouts: Array<{ id: string; status: string; row: string }> = await run(em,
    `select p.id, p.status, row(p.amount_minor, p.deducted_minor, p.carried_minor, p.reference, p.paid_at,
            (select string_agg(c.late_credit_id::text || ':' || c.amount_minor, ',' order by c.id) from payout_carries c where c.payout_id = p.id))::text as row
       from tutor_payouts p where p.tutor_id = ?`, [fixture.tutorId]);
  const covered = coveredSessions(m);
  const statusOf = (payoutId: string) => {
    const session = fixture.sessions.find((s) => s.payoutId === payoutId)!;
    return m.paid.has(payoutId) ? 'PAID' : covered.has(session.id) ? 'HELD' : 'RELEASED';
  };
  expect(Object.fromEntries(payouts.map((p) => [p.id, p.status])), 'payout statuses as the model has them')
    .toEqual(Object.fromEntries(fixture.payoutIds.map((id) => [id, statusOf(id)])));
  // Paid money never changes: a later credit is carried, never rewritten into a paid payout.
  for (const p of payouts.filter((row) => row.status === 'PAID')) {
    const before = real.paidSnapshot.get(p.id);
    if (before === undefined) real.paidSnapshot.set(p.id, p.row);
    else expect(p.row, 'a PAID payout changed').toBe(before);
  }
}
