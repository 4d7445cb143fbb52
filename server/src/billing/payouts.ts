import type { EntityManager } from '@mikro-orm/postgresql';

/** A uuid[] literal: knex would expand a JS array into a list. */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/** Holds the tutor payouts of these sessions while a ticket on them is open (paid ones are gone). */
export async function holdPayouts(em: EntityManager, sessionIds: string[]): Promise<void> {
  if (!sessionIds.length) return;
  await em.getConnection().execute(
    `update tutor_payouts set status = 'HELD', released_at = null where session_id = any(?::uuid[]) and status = 'RELEASED'`,
    [uuidArray(sessionIds)], 'run', em.getTransactionContext(),
  );
}

/**
 * Releases the held payouts of sessions that no longer have an open ticket, reduced by the tutor's
 * share of everything disputes credited on the session (invoice credits, and package credits at
 * the session's price). The share is the payout's part of what the session billed.
 */
export async function releasePayoutsWithoutOpenTickets(em: EntityManager, sessionIds: string[]): Promise<number> {
  if (!sessionIds.length) return 0;
  const released = await em.getConnection().execute(
    `with credited as (
       select a.session_id, sum(a.amount_minor) + sum(a.package_credits) * max(s.price_minor) as value
         from ticket_adjustments a join tutoring_sessions s on s.id = a.session_id
        where a.session_id = any(?::uuid[]) group by a.session_id),
     billed as (
       select s.id as session_id, s.price_minor * greatest(count(sp.learner_id), 1) as value
         from tutoring_sessions s left join session_participants sp on sp.session_id = s.id
        where s.id = any(?::uuid[]) group by s.id)
     update tutor_payouts p
        set status = 'RELEASED', released_at = now(),
            deducted_minor = least(p.amount_minor, greatest(0, round(coalesce(c.value, 0)::numeric * p.amount_minor / nullif(b.value, 0))))::int
       from billed b left join credited c on c.session_id = b.session_id
      where p.session_id = b.session_id and p.status = 'HELD'
        and not exists (select 1 from ticket_sessions ts where ts.session_id = p.session_id and ts.open)
     returning p.id`,
    [uuidArray(sessionIds), uuidArray(sessionIds)], 'all', em.getTransactionContext(),
  );
  return released.length;
}
