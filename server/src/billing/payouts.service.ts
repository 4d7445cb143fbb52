import { type EntityManager, raw } from '@mikro-orm/postgresql';
import { Role, isStaff } from '../auth/roles';
import type { Viewer } from '../auth/viewer';
import { inTransaction } from '../db/transaction';
import { badInput, conflict, forbidden } from '../errors';
import { type Page, decodeCursor, pageSize, toPage } from '../db/paging';
import { pgArray, run } from '../db/raw-sql';
import { lockTutors } from './payout-deductions';
import { PayoutStatus, TutorPayout } from './payout.entity';

export interface PayoutListFilter {
  status?: PayoutStatus | null;
  tutorId?: string | null;
  /** Sessions scheduled at or after. */
  from?: Date | null;
  /** Sessions scheduled before. */
  to?: Date | null;
}

export interface StatusTotals {
  status: PayoutStatus;
  count: number;
  net: Array<{ amountMinor: number; currency: string }>;
}

/**
 * Payouts (aliased `alias`) the viewer may see: a tutor their own, staff all, parents and
 * learners none (an empty list, like any list that holds nothing of theirs). Null means no limit.
 */
export function payoutVisibilitySql(viewer: Viewer, alias: string): { sql: string; params: unknown[] } | null {
  if (viewer.role === Role.TUTOR) return { sql: `${alias}.tutor_id = ?`, params: [viewer.id] };
  return isStaff(viewer.role) ? null : { sql: 'false', params: [] };
}

/** The net of a payout row: what the tutor is (or was) paid. */
export const netOf = (p: Pick<TutorPayout, 'amountMinor' | 'deductedMinor' | 'carriedMinor'>) => p.amountMinor - p.deductedMinor - p.carriedMinor;

function filteredPayouts(em: EntityManager, viewer: Viewer, filter: PayoutListFilter, withSession = false) {
  const qb = em.createQueryBuilder(TutorPayout, 'p');
  if (withSession) qb.joinAndSelect('p.session', 's');
  else qb.join('p.session', 's');
  const visible = payoutVisibilitySql(viewer, 'p');
  if (visible) qb.andWhere(visible.sql, visible.params);
  if (filter.status) qb.andWhere({ status: filter.status });
  if (filter.tutorId) qb.andWhere({ tutor: filter.tutorId });
  if (filter.from) qb.andWhere('s.scheduled_start >= ?', [filter.from]);
  if (filter.to) qb.andWhere('s.scheduled_start < ?', [filter.to]);
  return qb;
}

/** Payouts the viewer may see, newest session first, keyset-paginated on (session start, id). */
export async function listPayouts(
  em: EntityManager,
  viewer: Viewer,
  filter: PayoutListFilter,
  first?: number | null,
  after?: string | null,
): Promise<Page<TutorPayout> & { filter: PayoutListFilter }> {
  const size = pageSize(first);
  const cursor = decodeCursor(after, ['timestamp', 'uuid']);
  const qb = filteredPayouts(em, viewer, filter, true);
  const totalCount = await qb.clone().getCount();
  if (cursor) qb.andWhere('(s.scheduled_start, p.id) < (?::timestamptz, ?::uuid)', cursor);
  const rows = await qb.orderBy({ 's.scheduledStart': 'desc', 'p.id': 'desc' }).limit(size + 1).getResultList();
  const page = toPage(rows, size, (p) => [p.session.scheduledStart.toISOString(), p.id], totalCount, cursor);
  return { ...page, filter };
}

/** Count and net per status (and currency) of every payout the filter matches, one row per status. */
export async function payoutTotals(em: EntityManager, viewer: Viewer, filter: PayoutListFilter): Promise<StatusTotals[]> {
  const rows: Array<{ status: PayoutStatus; currency: string; count: string; net: string }> = await filteredPayouts(em, viewer, filter)
    .select(['p.status', 'p.currency', raw('count(*) as count'), raw('sum(p.amount_minor - p.deducted_minor - p.carried_minor) as net')])
    .groupBy(['p.status', 'p.currency'])
    .orderBy({ currency: 'asc' })
    .execute('all', false);
  return Object.values(PayoutStatus).map((status) => {
    const own = rows.filter((r) => r.status === status);
    return {
      status,
      count: own.reduce((sum, r) => sum + Number(r.count), 0),
      net: own.map((r) => ({ amountMinor: Number(r.net), currency: r.currency })),
    };
  });
}

const MAX_BATCH = 500;

/**
 * Admins record a payment run: RELEASED payouts become PAID with `reference`. Idempotent: a payout
 * already PAID with this reference is returned unchanged. A HELD payout, or one paid under another
 * reference, refuses the whole batch (CONFLICT); unknown ids are BAD_USER_INPUT. Each payout
 * paid gets an immutable payout_events row. Returns the ids in the order given.
 */
export async function markPayoutsPaid(em: EntityManager, viewer: Viewer, ids: string[], reference: string): Promise<string[]> {
  if (viewer.role !== Role.ADMIN) throw forbidden('Only admins record payment runs');
  const ref = reference.trim();
  if (!ref) throw badInput('reference', 'reference must not be empty');
  if (ref.length > 200) throw badInput('reference', 'reference must be at most 200 characters');
  const unique = [...new Set(ids)];
  if (!unique.length) throw badInput('ids', 'Give at least one payout id');
  if (unique.length > MAX_BATCH) throw badInput('ids', `At most ${MAX_BATCH} payouts at a time`);
  return inTransaction(em, async ({ em: txEm }) => {
    const tutors: Array<{ tutor_id: string }> = await run(txEm, 'select distinct tutor_id from tutor_payouts where id = any(?::uuid[])', [pgArray(unique)]);
    await lockTutors(txEm, tutors.map((t) => t.tutor_id));
    const rows: Array<{ id: string; status: PayoutStatus; reference: string | null }> = await run(txEm,
      'select id, status, reference from tutor_payouts where id = any(?::uuid[]) for update', [pgArray(unique)]);
    const missing = unique.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw badInput('ids', `No payout with id ${missing.join(', ')}`);
    const held = rows.filter((r) => r.status === PayoutStatus.HELD);
    if (held.length) throw conflict(`${held.length} of these payouts ${held.length === 1 ? 'is' : 'are'} still held by an open ticket`);
    const otherRun = rows.filter((r) => r.status === PayoutStatus.PAID && r.reference !== ref);
    if (otherRun.length) throw conflict(`${otherRun.length} of these payouts ${otherRun.length === 1 ? 'was' : 'were'} already paid under another reference`);
    const toPay = rows.filter((r) => r.status === PayoutStatus.RELEASED).map((r) => r.id);
    if (toPay.length) {
      await run(txEm, `update tutor_payouts set status = 'PAID', paid_at = now(), reference = ? where id = any(?::uuid[])`, [ref, pgArray(toPay)]);
      await run(txEm, `insert into payout_events (id, payout_id, action, reference, actor_id) select gen_random_uuid(), id, 'PAID', ?, ? from unnest(?::uuid[]) as id`,
        [ref, viewer.id, pgArray(toPay)]);
    }
    return unique;
  });
}
