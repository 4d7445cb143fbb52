import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { lockTutors, rebalanceCarries, settlePayoutDeductions } from '../billing/payout-deductions';
import { run } from '../db/raw-sql';
import type { Tx } from '../db/transaction';
import { SessionStatus } from '../sessions/session.entity';
import type { SessionFacts } from './session-facts';
import { conflictOn } from './validate';

const usesCredit = (s: SessionFacts | null) => !!s && !!s.packageId && s.status !== SessionStatus.CANCELLED;

/** A package session that takes place uses one credit of its package; cancelled or moved off, it gives it back. */
export async function applyPackageUse(em: EntityManager, before: SessionFacts | null, after: SessionFacts): Promise<void> {
  const delta = new Map<string, number>();
  if (usesCredit(before)) delta.set(before!.packageId!, -1);
  if (usesCredit(after)) delta.set(after.packageId!, (delta.get(after.packageId!) ?? 0) + 1);
  for (const [packageId, change] of delta) {
    if (!change) continue;
    const done = await run(em, 'update packages set credits_used = credits_used + ? where id = ? and credits_used + ? between 0 and credits_total returning id', [change, packageId, change]);
    if (!done.length) throw conflictOn('packageExternalId', 'The package has no credits left for this session');
  }
}

/**
 * A COMPLETED session with the tutor's pay has its payout: HELD while a ticket on it is open,
 * RELEASED otherwise. A PAID payout is history and cannot change; an unpaid one follows the source.
 */
export async function syncPayout(tx: Tx, sessionId: string, s: SessionFacts, hasOpenTicket: boolean): Promise<void> {
  const [payout] = await run(tx.em, 'select id, tutor_id, amount_minor, deducted_minor, carried_minor, currency, status from tutor_payouts where session_id = ? for update', [sessionId]);
  const wanted = s.status === SessionStatus.COMPLETED && s.tutorPayMinor !== null;
  if (!payout) {
    if (!wanted) return;
    await lockTutors(tx.em, [s.tutorId]);
    await run(tx.em,
      `insert into tutor_payouts (id, session_id, tutor_id, amount_minor, currency, status, released_at) values (?, ?, ?, ?, ?, ?, case when ? then null else now() end)`,
      [randomUUID(), sessionId, s.tutorId, s.tutorPayMinor, s.currency, hasOpenTicket ? 'HELD' : 'RELEASED', hasOpenTicket]);
    await carryLateCredits(tx.em, s.tutorId);
    return;
  }
  const same = wanted && payout.tutor_id === s.tutorId && payout.amount_minor === s.tutorPayMinor && payout.currency === s.currency;
  if (same) return;
  if (payout.status === 'PAID') throw conflictOn(wanted ? 'tutorPay' : 'status', "The tutor's payout for this session was already paid; it cannot change");
  await lockTutors(tx.em, [payout.tutor_id, s.tutorId]);
  if (!wanted) {
    if (hasOpenTicket) throw conflictOn('status', 'A ticket on this session is open; its payout stays until the ticket is closed');
    await run(tx.em, 'delete from payout_carries where payout_id = ?', [payout.id]);
    await run(tx.em, 'delete from tutor_payouts where id = ?', [payout.id]);
  } else {
    await run(tx.em, 'update tutor_payouts set tutor_id = ?, amount_minor = ?, currency = ?, deducted_minor = least(deducted_minor, ?), carried_minor = 0 where id = ?',
      [s.tutorId, s.tutorPayMinor, s.currency, s.tutorPayMinor, payout.id]);
    await settlePayoutDeductions(tx.em, [sessionId], null);
  }
  await carryLateCredits(tx.em, payout.tutor_id);
  if (payout.tutor_id !== s.tutorId) await carryLateCredits(tx.em, s.tutorId);
}

/** Late credits go on the tutor's next unpaid payout, which a new or changed payout may be. */
async function carryLateCredits(em: EntityManager, tutorId: string): Promise<void> {
  const [late] = await run(em, 'select 1 from payout_late_credits where tutor_id = ? limit 1', [tutorId]);
  if (late) await rebalanceCarries(em, tutorId);
}
