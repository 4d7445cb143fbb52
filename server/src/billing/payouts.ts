import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, run } from '../db/raw-sql';
import { lockTutorsOfSessions, rebalanceCarries, settlePayoutDeductions } from './payout-deductions';

/** Holds the tutor payouts of these sessions while a ticket on them is open (paid ones are gone). */
export async function holdPayouts(em: EntityManager, sessionIds: string[]): Promise<void> {
  if (!sessionIds.length) return;
  await lockTutorsOfSessions(em, sessionIds);
  const held: Array<{ tutor_id: string }> = await run(em,
    `update tutor_payouts set status = 'HELD', released_at = null where session_id = any(?::uuid[]) and status = 'RELEASED' returning tutor_id`,
    [pgArray(sessionIds)]);
  // Late credits go on the next payout to be paid, which a hold may have changed.
  for (const tutorId of new Set(held.map((h) => h.tutor_id))) await rebalanceCarries(em, tutorId);
}

/**
 * Releases the held payouts of sessions that no longer have an open ticket (`closing` just
 * closed), net of the tutor's share of what disputes credited (kept current by
 * settlePayoutDeductions). Returns the released payouts' ids (the close announces them).
 */
export async function releasePayoutsWithoutOpenTickets(em: EntityManager, sessionIds: string[]): Promise<string[]> {
  if (!sessionIds.length) return [];
  await lockTutorsOfSessions(em, sessionIds);
  const released: Array<{ id: string; session_id: string }> = await run(em,
    `update tutor_payouts p set status = 'RELEASED', released_at = now()
      where p.session_id = any(?::uuid[]) and p.status = 'HELD'
        and not exists (select 1 from ticket_sessions ts where ts.session_id = p.session_id and ts.open)
      returning p.id, p.session_id`,
    [pgArray(sessionIds)]);
  if (!released.length) return [];
  await settlePayoutDeductions(em, released.map((r) => r.session_id), null);
  return released.map((r) => r.id);
}
