import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import { inTransaction } from '../db/transaction';
import { announce } from '../notifications/outbox';
import { TicketStatus } from '../tickets/enums';
import { Ticket } from '../tickets/ticket.entity';
import { SlaState, type SlaTimes, slaStateSql } from '../tickets/sla';
import { run } from '../db/raw-sql';

/** A breach found later than this after it happened (the worker was down, the demo was seeded) is no news. */
export const STALE_BREACH_MS = 60 * 60_000;

/**
 * Tells the assignee (or every coordinator when nobody is assigned) once that an open ticket
 * breached its SLA. Run every minute (SLA_BREACH_TASK); `sla_breach_notified_at` marks the ticket
 * in the same transaction as the notification, so a rerun or a second worker sends nothing twice.
 * Breaches older than STALE_BREACH_MS (found at start-up) are marked too and summed up in one
 * notice per coordinator instead of a burst of single ones.
 */
export async function notifySlaBreaches(rootEm: EntityManager, now: Date = new Date()): Promise<number> {
  const em = rootEm.fork();
  const state = slaStateSql('t', now);
  const due: Array<{ id: string }> = await em.getConnection().execute(
    `select t.id from tickets t where t.sla_breach_notified_at is null and t.status <> ? and ${state.sql} = ?`,
    [TicketStatus.CLOSED, ...state.params, SlaState.BREACHED],
  );
  let notified = 0;
  const stale: string[] = [];
  for (const { id } of due) {
    const result = await notifyOne(rootEm, id, now);
    if (result === 'notified') notified += 1;
    if (result === 'stale') stale.push(id);
  }
  if (stale.length) await notifyStale(rootEm, stale, now);
  return notified;
}

/** The due time a breached ticket passed first (null: none passed). */
export function breachedAt(ticket: SlaTimes, now: Date): Date | null {
  const at = ticket.slaPausedAt ?? now;
  const stop = ticket.resolutionMetAt ?? ticket.closedAt ?? null;
  const passed = [
    [ticket.firstResponseDueAt, ticket.firstRespondedAt ?? stop ?? at],
    [ticket.resolutionDueAt, stop ?? at],
    [ticket.escalationDueAt, ticket.closedAt ?? at],
  ].filter(([dueAt, end]) => dueAt && end! > dueAt).map(([dueAt]) => dueAt!.getTime());
  return passed.length ? new Date(Math.min(...passed)) : null;
}

const clockName = (ticket: Ticket) => {
  if (ticket.escalationDueAt && ticket.status === TicketStatus.ESCALATED) return 'final-decision';
  return ticket.firstRespondedAt ? 'resolution' : 'first-response';
};

async function notifyOne(rootEm: EntityManager, ticketId: string, now: Date): Promise<'notified' | 'stale' | 'none'> {
  return inTransaction(rootEm, async (tx) => {
    const claimed = await run(tx.em, 'update tickets set sla_breach_notified_at = ? where id = ? and sla_breach_notified_at is null returning id', [now, ticketId]);
    if (!claimed.length) return 'none';
    const ticket = await tx.em.findOneOrFail(Ticket, { id: ticketId });
    const since = breachedAt(ticket, now);
    if (since && now.getTime() - since.getTime() > STALE_BREACH_MS) return 'stale';
    const recipients = ticket.assignee
      ? await tx.em.find(User, { id: ticket.assignee.id, active: true })
      : await tx.em.find(User, { role: Role.COORDINATOR, active: true });
    await announce(tx, {
      event: 'ticket.sla_breached',
      ticket,
      title: `${ticket.number} breached its SLA`,
      body: `"${ticket.title}" is past its ${clockName(ticket)} due time.`,
      recipients: recipients.map((user) => ({ user, channels: ['IN_APP', 'EMAIL'] })),
    });
    return 'notified';
  });
}

/** One in-app notice per coordinator for the breaches nobody heard of in time. */
async function notifyStale(rootEm: EntityManager, ticketIds: string[], now: Date): Promise<void> {
  await inTransaction(rootEm, async (tx) => {
    const tickets = await tx.em.find(Ticket, { id: { $in: ticketIds } }, { orderBy: { number: 'asc' } });
    const coordinators = await tx.em.find(User, { role: Role.COORDINATOR, active: true });
    const numbers = tickets.map((t) => t.number);
    const shown = numbers.slice(0, 10).join(', ') + (numbers.length > 10 ? ` and ${numbers.length - 10} more` : '');
    await announce(tx, {
      event: 'ticket.sla_breached',
      ticket: null,
      key: `sla-breaches:${now.toISOString()}`,
      title: `${numbers.length} ${numbers.length === 1 ? 'ticket is' : 'tickets are'} past an SLA due time`,
      body: `Found past due when the desk started: ${shown}. The board's SLA filter "Breached" lists them.`,
      recipients: coordinators.map((user) => ({ user, channels: ['IN_APP'] })),
    });
  });
}

export const SLA_BREACH_TASK = 'desk:slaBreaches';
export const SLA_BREACH_CRONTAB = `* * * * * ${SLA_BREACH_TASK}`;

export function slaBreachTasks(em: EntityManager): TaskList {
  return {
    [SLA_BREACH_TASK]: async () => {
      await notifySlaBreaches(em);
    },
  };
}
