import type { Tx } from '../db/transaction';
import { TutorPayout } from '../billing/payout.entity';
import { netOf } from '../billing/payouts.service';
import type { Ticket } from '../tickets/ticket.entity';
import { announce } from './outbox';

const formatMoney = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

/** Tells the tutor (in the app and by email) that `ticket` closing ended the hold, and how much was released. */
export async function announceReleasedPayouts(tx: Tx, ticket: Ticket, payoutIds: string[]): Promise<void> {
  const payouts = await tx.em.find(TutorPayout, { id: { $in: payoutIds } }, { populate: ['tutor'], refresh: true });
  for (const tutor of new Set(payouts.map((p) => p.tutor))) {
    const own = payouts.filter((p) => p.tutor === tutor);
    const currency = own[0].currency;
    const net = own.reduce((sum, p) => sum + netOf(p), 0);
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
}
