import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import { inTransaction } from '../db/transaction';
import { announce } from '../notifications/outbox';
import type { Services } from '../services';
import { Ticket } from '../tickets/ticket.entity';
import { TutorPayout } from './payout.entity';
import { PAYOUT_RELEASED_TASK } from './payouts';

const formatMoney = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

/** Tells each tutor (in the app and by email) that a hold ended and how much was released. */
export async function announceReleasedPayouts(services: Services, ticketId: string, payoutIds: string[]): Promise<void> {
  await inTransaction(services.orm.em as EntityManager, async (tx) => {
    const ticket = await tx.em.findOne(Ticket, { id: ticketId });
    const payouts = await tx.em.find(TutorPayout, { id: { $in: payoutIds } }, { populate: ['tutor'] });
    if (!ticket || !payouts.length) return;
    for (const tutor of new Set(payouts.map((p) => p.tutor))) {
      const own = payouts.filter((p) => p.tutor === tutor);
      const currency = own[0].currency;
      const net = own.reduce((sum, p) => sum + p.amountMinor - p.deductedMinor - p.carriedMinor, 0);
      const sessions = own.length === 1 ? 'one session' : `${own.length} sessions`;
      await announce(tx, {
        event: 'payout.released',
        ticket,
        title: `Payout released: ${formatMoney(net, currency)}`,
        body: `${ticket.number} is closed, so the hold on your payout for ${sessions} ended: ${formatMoney(net, currency)} is released for the next payment run.`,
        recipients: [{ user: tutor, channels: ['EMAIL', 'IN_APP'] }],
        data: { amountMinor: net, currency, payoutIds: own.map((p) => p.id) },
      });
    }
  });
}

/** The background tasks of payouts (see jobs/tasks.ts). */
export function payoutTasks(services: Services): TaskList {
  return {
    [PAYOUT_RELEASED_TASK]: async (payload) => {
      const { ticketId, payoutIds } = payload as { ticketId?: unknown; payoutIds?: unknown };
      if (typeof ticketId !== 'string' || !Array.isArray(payoutIds)) throw new Error(`${PAYOUT_RELEASED_TASK}: bad payload`);
      await announceReleasedPayouts(services, ticketId, payoutIds.map(String));
    },
  };
}
