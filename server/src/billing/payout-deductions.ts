import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, run } from '../db/raw-sql';
import { planCarries } from './payout-carries';


/**
 * Serialises payout changes per tutor (decisions, releases, payment runs), in a fixed order so
 * two transactions never wait on each other crosswise.
 */
export async function lockTutors(em: EntityManager, tutorIds: string[]): Promise<void> {
  for (const id of [...new Set(tutorIds)].sort()) {
    await run(em, `select pg_advisory_xact_lock(hashtext('payouts:' || ?))`, [id]);
  }
}

/** Locks the tutors of these sessions' payouts before any payout row is touched; returns their ids. */
export async function lockTutorsOfSessions(em: EntityManager, sessionIds: string[]): Promise<string[]> {
  const tutors: Array<{ tutor_id: string }> = await run(em, 'select distinct tutor_id from tutor_payouts where session_id = any(?::uuid[])', [pgArray(sessionIds)]);
  const ids = tutors.map((t) => t.tutor_id);
  await lockTutors(em, ids);
  return ids;
}

/**
 * The tutor's share of everything disputes credited on each session (invoice credits, and package
 * credits at the session's price): the payout's part of what the session billed, to the cent,
 * never more than the payout. `late` is what earlier late credits already moved for a paid payout.
 */
async function sharesOf(em: EntityManager, sessionIds: string[]) {
  const rows: Array<{ id: string; tutor_id: string; currency: string; status: string; deducted_minor: number; share: number; late: number }> = await run(em,
    `with credited as (
       select a.session_id, sum(a.amount_minor) + sum(a.package_credits) * max(s.price_minor) as value
         from ticket_adjustments a join tutoring_sessions s on s.id = a.session_id
        where a.session_id = any(?::uuid[]) group by a.session_id),
     billed as (
       select s.id as session_id, s.price_minor * greatest(count(sp.learner_id), 1) as value
         from tutoring_sessions s left join session_participants sp on sp.session_id = s.id
        where s.id = any(?::uuid[]) group by s.id)
     select p.id, p.tutor_id, p.currency, p.status, p.deducted_minor,
            least(p.amount_minor, greatest(0, round(coalesce(c.value, 0)::numeric * p.amount_minor / nullif(b.value, 0))))::int as share,
            (select coalesce(sum(l.amount_minor), 0) from payout_late_credits l where l.payout_id = p.id)::int as late
       from tutor_payouts p join billed b on b.session_id = p.session_id left join credited c on c.session_id = p.session_id`,
    [pgArray(sessionIds), pgArray(sessionIds)]);
  return rows;
}

/**
 * Brings the payouts of these sessions in line with what was credited on them: an unpaid payout's
 * deduction becomes the tutor's current share; for a PAID one the difference becomes a late credit
 * (a ledger row naming `ticketId`) carried onto the tutor's next payouts.
 */
export async function settlePayoutDeductions(em: EntityManager, sessionIds: string[], ticketId: string | null): Promise<void> {
  const ids = [...new Set(sessionIds)];
  if (!ids.length) return;
  const tutorIds = await lockTutorsOfSessions(em, ids);
  if (!tutorIds.length) return;
  const deductions = new Map<string, number>();
  for (const row of await sharesOf(em, ids)) {
    if (row.status !== 'PAID') {
      if (row.share !== row.deducted_minor) deductions.set(row.id, row.share);
      continue;
    }
    const delta = row.share - row.deducted_minor - row.late;
    if (delta !== 0) {
      await run(em, 'insert into payout_late_credits (id, payout_id, tutor_id, ticket_id, amount_minor, currency) values (?, ?, ?, ?, ?, ?)',
        [randomUUID(), row.id, row.tutor_id, ticketId, delta, row.currency]);
    }
  }
  for (const tutorId of tutorIds) await rebalanceCarries(em, tutorId, deductions);
}

/**
 * Re-plans where the tutor's late credits are carried: carries onto unpaid payouts are rewritten
 * (those on PAID payouts stay, they were paid that way). `deductions` are new own-session
 * deductions for unpaid payouts, applied once the old carries are gone so no net dips below zero.
 * The caller holds the tutor's lock.
 */
export async function rebalanceCarries(em: EntityManager, tutorId: string, deductions = new Map<string, number>()): Promise<void> {
  await run(em, `delete from payout_carries c using tutor_payouts p where c.payout_id = p.id and p.tutor_id = ? and p.status <> 'PAID'`, [tutorId]);
  await run(em, `update tutor_payouts set carried_minor = 0 where tutor_id = ? and status <> 'PAID' and carried_minor <> 0`, [tutorId]);
  if (deductions.size) {
    await run(em, `update tutor_payouts p set deducted_minor = v.share from unnest(?::uuid[], ?::int[]) as v(id, share) where p.id = v.id and p.tutor_id = ? and p.status <> 'PAID'`,
      [pgArray([...deductions.keys()]), `{${[...deductions.values()].join(',')}}`, tutorId]);
  }
  const lates: Array<{ id: string; payout_id: string; currency: string; remaining: number }> = await run(em,
    `select l.id, l.payout_id, l.currency, (l.amount_minor - coalesce((select sum(c.amount_minor) from payout_carries c where c.late_credit_id = l.id), 0))::int as remaining
       from payout_late_credits l where l.tutor_id = ? order by l.created_at, l.id`, [tutorId]);
  if (!lates.some((l) => l.remaining !== 0)) return;
  const unpaid: Array<{ id: string; currency: string; capacity: number }> = await run(em,
    `select p.id, p.currency, (p.amount_minor - p.deducted_minor)::int as capacity
       from tutor_payouts p join tutoring_sessions s on s.id = p.session_id
      where p.tutor_id = ? and p.status <> 'PAID'
      order by p.status = 'HELD', p.released_at nulls last, s.scheduled_start, p.id`, [tutorId]);
  for (const currency of new Set(lates.map((l) => l.currency))) {
    const carries = planCarries(
      lates.filter((l) => l.currency === currency).map((l) => ({ id: l.id, payoutId: l.payout_id, remainingMinor: l.remaining })),
      unpaid.filter((p) => p.currency === currency).map((p) => ({ id: p.id, capacityMinor: p.capacity })),
    );
    if (!carries.length) continue;
    await run(em, 'insert into payout_carries (id, late_credit_id, payout_id, amount_minor) select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::int[])',
      [pgArray(carries.map(() => randomUUID())), pgArray(carries.map((c) => c.lateCreditId)), pgArray(carries.map((c) => c.payoutId)), `{${carries.map((c) => c.amountMinor).join(',')}}`]);
    await run(em, `update tutor_payouts p set carried_minor = c.total from (select payout_id, sum(amount_minor)::int as total from payout_carries where payout_id = any(?::uuid[]) group by payout_id) c where p.id = c.payout_id`,
      [pgArray([...new Set(carries.map((c) => c.payoutId))])]);
  }
}
