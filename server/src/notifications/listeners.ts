import type { Tx } from '../db/transaction';
import { TicketStatus } from '../tickets/enums';
import type { TicketChange } from '../tickets/ticket-changes';
import { announceReleasedPayouts } from './payout-announcements';
import { announcements } from './ticket-announcements';

type Change<T extends TicketChange['type']> = Extract<TicketChange, { type: T }>;

/** Who is told of a ticket change (ticket-announcements.ts); registered in app/listeners.ts. */
export const notificationListeners = {
  created: (tx: Tx, { ticket }: Change<'ticket.created'>) => announcements.created(tx, ticket),

  async statusChanged(tx: Tx, { ticket, to, change, money }: Change<'ticket.statusChanged'>) {
    if (to === TicketStatus.RESOLVED && money) await announcements.resolved(tx, ticket, money);
    else if (to === TicketStatus.ESCALATED) await announcements.escalated(tx, ticket, change.comment ?? '');
    // A close is told once it has run (closed, below).
  },

  assigned: (tx: Tx, { ticket, change }: Change<'ticket.assigned'>) => announcements.assigned(tx, ticket, ticket.assignee ?? null, change.actor?.id ?? ''),

  async commented(tx: Tx, { ticket, change }: Change<'ticket.commented'>) {
    if (!change.internal && change.actor) await announcements.commented(tx, ticket, change.actor.id, change.comment ?? '');
  },

  /** The tutor hears of released payouts (one message), else of the close; a duplicate's merge is told by `merged`. */
  async closed(tx: Tx, { ticket, decision, releasedPayoutIds }: Change<'ticket.closed'>) {
    if (releasedPayoutIds.length) await announceReleasedPayouts(tx, ticket, releasedPayoutIds);
    if (!ticket.mergedInto) await announcements.closed(tx, ticket, decision, { payoutAnnounced: releasedPayoutIds.length > 0 });
  },

  async merged(tx: Tx, { target, sources }: Change<'ticket.merged'>) {
    for (const source of sources) await announcements.merged(tx, source, target);
    await announcements.mergedInto(tx, target, sources.filter((source) => source.reporter.id !== target.reporter.id).map((source) => source.number));
  },
};
