import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer';
import { byId, groupedBy } from '../db/batch';
import { visibleTickets } from '../tickets/visibility';
import type { Ticket } from '../tickets/ticket.entity';
import { pgArray, run } from '../db/raw-sql';
import { TutorPayout } from './payout.entity';
import { payoutVisibilitySql } from './payouts.service';

export enum DeductionKind {
  /** The tutor's share of credits on this payout's own session. */
  SESSION_CREDIT = 'SESSION_CREDIT',
  /** A late credit on an earlier, paid session, taken off this payout. */
  CARRIED_FROM_EARLIER = 'CARRIED_FROM_EARLIER',
  /** A credit decided after this payout was paid, taken off a later payout (none yet: waiting). */
  CARRIED_TO_LATER = 'CARRIED_TO_LATER',
}

export interface DeductionLine {
  kind: DeductionKind;
  amountMinor: number;
  currency: string;
  ticketId: string | null;
  /** The payout on the other side of a carried late credit. */
  otherPayoutId: string | null;
}

async function visiblePayouts(em: EntityManager, viewer: Viewer | null, where: string, params: unknown[]): Promise<TutorPayout[]> {
  if (!viewer) return [];
  const qb = em.createQueryBuilder(TutorPayout, 'p').where(where, params);
  const visible = payoutVisibilitySql(viewer, 'p');
  if (visible) qb.andWhere(visible.sql, visible.params);
  return qb.orderBy({ id: 'asc' }).getResultList();
}

/** Carried late credits touching these payouts, from either side, and what of each is still waiting. */
async function deductionLines(em: EntityManager, payouts: readonly TutorPayout[]): Promise<DeductionLine[][]> {
  const ids = pgArray(payouts.map((p) => p.id));
  const carries: Array<{ to_id: string; from_id: string; ticket_id: string | null; amount: number; currency: string }> = await run(em,
    `select c.payout_id as to_id, l.payout_id as from_id, l.ticket_id, c.amount_minor as amount, l.currency
       from payout_carries c join payout_late_credits l on l.id = c.late_credit_id
      where c.payout_id = any(?::uuid[]) or l.payout_id = any(?::uuid[]) order by l.created_at, l.id, c.id`, [ids, ids]);
  const waiting: Array<{ from_id: string; ticket_id: string | null; amount: number; currency: string }> = await run(em,
    `select l.payout_id as from_id, l.ticket_id, (l.amount_minor - coalesce((select sum(c.amount_minor) from payout_carries c where c.late_credit_id = l.id), 0))::int as amount, l.currency
       from payout_late_credits l where l.payout_id = any(?::uuid[]) order by l.created_at, l.id`, [ids]);
  return payouts.map((p) => [
    ...(p.deductedMinor ? [{ kind: DeductionKind.SESSION_CREDIT, amountMinor: p.deductedMinor, currency: p.currency, ticketId: null, otherPayoutId: null }] : []),
    ...carries.filter((c) => c.to_id === p.id)
      .map((c) => ({ kind: DeductionKind.CARRIED_FROM_EARLIER, amountMinor: c.amount, currency: c.currency, ticketId: c.ticket_id, otherPayoutId: c.from_id })),
    ...carries.filter((c) => c.from_id === p.id)
      .map((c) => ({ kind: DeductionKind.CARRIED_TO_LATER, amountMinor: c.amount, currency: c.currency, ticketId: c.ticket_id, otherPayoutId: c.to_id })),
    ...waiting.filter((w) => w.from_id === p.id && w.amount !== 0)
      .map((w) => ({ kind: DeductionKind.CARRIED_TO_LATER, amountMinor: w.amount, currency: w.currency, ticketId: w.ticket_id, otherPayoutId: null })),
  ]);
}

/** Batched payout lookups for one request: one query per kind, whatever the page size. */
export function createPayoutLoaders(em: EntityManager, viewer: Viewer | null) {
  return {
    /** Payouts by id, only those the viewer may see. */
    visible: byId((ids) => visiblePayouts(em, viewer, 'p.id = any(?::uuid[])', [pgArray(ids)])),
    /** The payouts of each ticket's sessions that the viewer may see. */
    byTicket: groupedBy(async (ticketIds) => {
      const payouts = await visiblePayouts(em, viewer, 'p.session_id in (select session_id from ticket_sessions where ticket_id = any(?::uuid[]))', [pgArray(ticketIds)]);
      const links: Array<{ ticket_id: string; session_id: string }> = await run(em,
        'select ticket_id, session_id from ticket_sessions where ticket_id = any(?::uuid[])', [pgArray(ticketIds)]);
      return links.flatMap((l) => payouts.filter((p) => p.session.id === l.session_id).map((payout) => ({ ticketId: l.ticket_id, payout })));
    }, (row) => row.ticketId),
    /** The open tickets on each session that the viewer may see. */
    openTicketsBySession: groupedBy(async (sessionIds) => {
      const links: Array<{ ticket_id: string; session_id: string }> = await run(em,
        'select ticket_id, session_id from ticket_sessions where open and session_id = any(?::uuid[]) order by ticket_id', [pgArray(sessionIds)]);
      const tickets = await visibleTickets(em, viewer, { id: { $in: links.map((l) => l.ticket_id) } });
      return links.flatMap((l) => tickets.filter((t) => t.id === l.ticket_id).map((ticket) => ({ sessionId: l.session_id, ticket })));
    }, (row: { sessionId: string; ticket: Ticket }) => row.sessionId),
    deductionLines: new DataLoader<TutorPayout, DeductionLine[], string>((payouts) => deductionLines(em, payouts), { cacheKeyFn: (p) => p.id }),
  };
}
