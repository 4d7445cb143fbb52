import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import { inTransaction } from '../db/transaction';
import { announce } from '../notifications/outbox';
import { TicketStatus } from '../tickets/enums';
import { Ticket } from '../tickets/ticket.entity';
import { SlaState, slaStateSql } from '../tickets/sla';
import { run } from '../db/raw-sql';

/**
 * Tells the assignee (or every coordinator when nobody is assigned) once that an open ticket
 * breached its SLA. Run every minute (SLA_BREACH_TASK); `sla_breach_notified_at` marks the ticket
 * in the same transaction as the notification, so a rerun or a second worker sends nothing twice.
 */
export async function notifySlaBreaches(rootEm: EntityManager, now: Date = new Date()): Promise<number> {
  const em = rootEm.fork();
  const state = slaStateSql('t', now);
  const due: Array<{ id: string }> = await em.getConnection().execute(
    `select t.id from tickets t where t.sla_breach_notified_at is null and t.status <> ? and ${state.sql} = ?`,
    [TicketStatus.CLOSED, ...state.params, SlaState.BREACHED],
  );
  let notified = 0;
  for (const { id } of due) if (await notifyOne(rootEm, id, now)) notified += 1;
  return notified;
}

async function notifyOne(rootEm: EntityManager, ticketId: string, now: Date): Promise<boolean> {
  return inTransaction(rootEm, async (tx) => {
    const claimed = await run(tx.em, 'update tickets set sla_breach_notified_at = ? where id = ? and sla_breach_notified_at is null returning id', [now, ticketId]);
    if (!claimed.length) return false;
    const ticket = await tx.em.findOneOrFail(Ticket, { id: ticketId });
    const recipients = ticket.assignee
      ? await tx.em.find(User, { id: ticket.assignee.id, active: true })
      : await tx.em.find(User, { role: Role.COORDINATOR, active: true });
    await announce(tx, {
      event: 'ticket.sla_breached',
      ticket,
      title: `${ticket.number} breached its SLA`,
      body: `"${ticket.title}" is past its ${ticket.firstRespondedAt ? 'resolution' : 'first-response'} due time.`,
      recipients: recipients.map((user) => ({ user, channels: ['IN_APP', 'EMAIL'] })),
    });
    return true;
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
