import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { MoneyMoved } from '../billing/adjustments';
import { Invoice } from '../billing/invoice.entity';
import type { Tx } from '../db/transaction';
import type { Ticket } from '../tickets/ticket.entity';
import { type NotificationChannel, announce } from './outbox';

const formatMoney = (minor: number, currency: string | null | undefined) => `${(minor / 100).toFixed(2)} ${currency ?? ''}`.trim();

async function usersWithRole(em: EntityManager, role: Role) {
  return em.find(User, { role, active: true });
}

async function load(em: EntityManager, ref: { id: string } | null | undefined) {
  return ref ? em.findOne(User, { id: ref.id }) : null;
}

/** The reporters of the tickets merged into this one (desk/merge.ts): told what its reporter is told, but asked nothing. */
async function mergedReporters(em: EntityManager, ticket: Ticket) {
  return ticket.mergedReporterIds.length ? em.find(User, { id: { $in: ticket.mergedReporterIds } }) : [];
}

/** Who is told what about a ticket change (notifications/listeners.ts): written in the same transaction as the change. */
export const announcements = {
  async created(tx: Tx, ticket: Ticket) {
    // The tutor and the coordinators in one query.
    const tutorId = ticket.tutor?.id;
    const people = await tx.em.find(User, { $or: [{ role: Role.COORDINATOR, active: true }, ...(tutorId ? [{ id: tutorId }] : [])] });
    const tutor = people.find((user) => user.id === tutorId) ?? null;
    const coordinators = people.filter((user) => user.role === Role.COORDINATOR && user.active);
    await announce(tx, {
      event: 'ticket.created',
      ticket,
      title: `New ${ticket.type.toLowerCase()} ${ticket.number}: ${ticket.title}`,
      body: ticket.description,
      recipients: [
        ...(tutor ? [{ user: tutor, channels: ['EMAIL', 'IN_APP'] as NotificationChannel[] }] : []),
        ...coordinators.map((user) => ({ user, channels: ['TELEGRAM', 'IN_APP'] as NotificationChannel[] })),
      ],
      data: { category: ticket.category, type: ticket.type },
    });
  },

  async resolved(tx: Tx, ticket: Ticket, money: MoneyMoved) {
    const reporter = await load(tx.em, ticket.reporter);
    const credit = money.creditedDeltaMinor ? ` ${formatMoney(money.creditedDeltaMinor, money.currency)} credited.` : '';
    await announce(tx, {
      event: 'ticket.resolved',
      ticket,
      title: `${ticket.number} was resolved`,
      body: `${ticket.resolutionComment ?? ''}${credit} Accept the resolution, or escalate it if you disagree.`.trim(),
      recipients: reporter ? [{ user: reporter, channels: ['EMAIL', 'TELEGRAM', 'IN_APP'] }] : [],
      data: { creditedMinor: money.creditedDeltaMinor, currency: money.currency, creditNotes: money.creditNotes.map((n) => n.number) },
    });
    const others = await mergedReporters(tx.em, ticket);
    if (others.length) {
      await announce(tx, {
        event: 'ticket.resolved',
        ticket,
        title: `${ticket.number} was resolved`,
        body: `${ticket.resolutionComment ?? ''}${credit} Your report was merged into this ticket; its reporter accepts or escalates the resolution.`.trim(),
        recipients: others.map((user) => ({ user, channels: ['EMAIL', 'IN_APP'] })),
        data: { creditedMinor: money.creditedDeltaMinor, currency: money.currency, creditNotes: money.creditNotes.map((n) => n.number) },
      });
    }
    await this.invoiceUpdated(tx, ticket, money);
  },

  async invoiceUpdated(tx: Tx, ticket: Ticket, money: MoneyMoved) {
    if (!money.invoiceIds.length) return;
    const invoices = await tx.em.find(Invoice, { id: { $in: money.invoiceIds } }, { populate: ['billedTo'] });
    for (const invoice of invoices) {
      await announce(tx, {
        event: 'invoice.updated',
        ticket,
        title: `Invoice ${invoice.number} was updated`,
        body: `The decision on ${ticket.number} changed invoice ${invoice.number}.${money.creditNotes.length ? ` Credit notes: ${money.creditNotes.map((n) => n.number).join(', ')}.` : ''}`,
        recipients: [{ user: invoice.billedTo, channels: ['EMAIL', 'IN_APP'] }],
        data: { invoiceId: invoice.id, invoiceNumber: invoice.number },
      });
    }
  },

  async escalated(tx: Tx, ticket: Ticket, comment: string) {
    const admins = await usersWithRole(tx.em, Role.ADMIN);
    await announce(tx, {
      event: 'ticket.escalated',
      ticket,
      title: `${ticket.number} was escalated`,
      body: comment,
      recipients: admins.map((user) => ({ user, channels: ['EMAIL', 'TELEGRAM', 'IN_APP'] })),
    });
  },

  /** `payoutAnnounced`: the tutor already got `payout.released` for this close (one message, not two). */
  async closed(tx: Tx, ticket: Ticket, decision: { comment: string; money: MoneyMoved } | null, { payoutAnnounced }: { payoutAnnounced: boolean }) {
    const tutor = payoutAnnounced ? null : await load(tx.em, ticket.tutor);
    if (tutor) {
      await announce(tx, {
        event: 'ticket.closed',
        ticket,
        title: `${ticket.number} is closed`,
        body: 'The ticket is closed; no payout of yours was waiting on it alone.',
        recipients: [{ user: tutor, channels: ['EMAIL', 'IN_APP'] }],
      });
    }
    if (decision) {
      const reporter = await load(tx.em, ticket.reporter);
      const others = await mergedReporters(tx.em, ticket);
      await announce(tx, {
        event: 'ticket.decided',
        ticket,
        title: `Final decision on ${ticket.number}`,
        body: decision.comment,
        recipients: [
          ...(reporter ? [{ user: reporter, channels: ['EMAIL', 'TELEGRAM', 'IN_APP'] as NotificationChannel[] }] : []),
          ...others.map((user) => ({ user, channels: ['EMAIL', 'IN_APP'] as NotificationChannel[] })),
        ],
      });
      await this.invoiceUpdated(tx, ticket, decision.money);
    }
  },

  /** A duplicate closed into `target`: its reporter and tutor learn which ticket lives on. */
  async merged(tx: Tx, source: Ticket, target: Ticket) {
    const [reporter, tutor] = await Promise.all([load(tx.em, source.reporter), load(tx.em, source.tutor)]);
    await announce(tx, {
      event: 'ticket.merged',
      ticket: source,
      title: `${source.number} was merged into ${target.number}`,
      body: `${source.number} reported the same issue as ${target.number}; it is closed, and everything on it continues on ${target.number}: ${target.title}.`,
      recipients: [
        ...(reporter ? [{ user: reporter, channels: ['EMAIL', 'IN_APP'] as NotificationChannel[] }] : []),
        ...(tutor ? [{ user: tutor, channels: ['IN_APP'] as NotificationChannel[] }] : []),
      ],
      data: { mergedIntoId: target.id, mergedIntoNumber: target.number },
    });
  },

  /** Another reporter's duplicates (`numbers`) closed into `target`: its reporter learns who else follows it now. */
  async mergedInto(tx: Tx, target: Ticket, numbers: string[]) {
    const reporter = await load(tx.em, target.reporter);
    if (!reporter || !numbers.length) return;
    await announce(tx, {
      event: 'ticket.merged',
      ticket: target,
      title: `${numbers.join(', ')} merged into ${target.number}`,
      body: `Another report of the same issue (${numbers.join(', ')}) was merged into ${target.number}; it continues here, and its reporter follows it with you. The decision stays yours to accept or escalate.`,
      recipients: [{ user: reporter, channels: ['EMAIL', 'IN_APP'] }],
      data: { mergedFrom: numbers },
    });
  },

  async commented(tx: Tx, ticket: Ticket, authorId: string, body: string) {
    const people = [...await Promise.all([load(tx.em, ticket.reporter), load(tx.em, ticket.tutor)]), ...await mergedReporters(tx.em, ticket)]
      .filter((u): u is User => !!u && u.id !== authorId);
    await announce(tx, { event: 'ticket.commented', ticket, title: `New comment on ${ticket.number}`, body, recipients: people.map((user) => ({ user, channels: ['IN_APP'] })) });
  },

  async assigned(tx: Tx, ticket: Ticket, assignee: User | null, actorId: string) {
    if (!assignee || assignee.id === actorId) return;
    await announce(tx, { event: 'ticket.assigned', ticket, title: `${ticket.number} was assigned to you`, body: ticket.title, recipients: [{ user: assignee, channels: ['IN_APP'] }] });
  },
};
