import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import { inTransaction } from '../db/transaction';
import { announce } from '../notifications/outbox';
import type { Services } from '../services';
import { TicketStatus } from '../tickets/enums';
import { Ticket } from '../tickets/ticket.entity';
import { SlaState, slaStateSql } from './sla';

/**
 * Tells the assignee (or every coordinator when nobody is assigned) once that an open ticket
 * breached its SLA. Run by the per-minute timer sweep; `sla_breach_notified_at` marks the ticket
 * in the same transaction as the notification, so a rerun or a second worker sends nothing twice.
 */
export async function notifySlaBreaches(services: Services, now: Date = new Date()): Promise<number> {
  const em = services.orm.em.fork() as EntityManager;
  const state = slaStateSql('t', now);
  const due: Array<{ id: string }> = await em.getConnection().execute(
    `select t.id from tickets t where t.sla_breach_notified_at is null and t.status <> ? and ${state.sql} = ?`,
    [TicketStatus.CLOSED, ...state.params, SlaState.BREACHED],
  );
  let notified = 0;
  for (const { id } of due) if (await notifyOne(services, id, now)) notified += 1;
  return notified;
}

async function notifyOne(services: Services, ticketId: string, now: Date): Promise<boolean> {
  return inTransaction(services.orm.em as EntityManager, async (tx) => {
    const claimed = await tx.em.getConnection().execute(
      'update tickets set sla_breach_notified_at = ? where id = ? and sla_breach_notified_at is null returning id',
      [now, ticketId], 'all', tx.em.getTransactionContext(),
    );
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
