import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { Tx } from '../db/transaction';
import { announce } from '../notifications/outbox';
import type { Ticket } from '../tickets/ticket.entity';
import type { Acting, TicketService } from '../tickets/tickets.service';
import { POLICY_ACTOR, pickAssignee, tellStaffNobodyFree } from './assignment';
import type { AutomationAction } from './automation.entity';
import { AutomationActionKind as K } from './enums';
import { openRiskTicket } from './risk';

/** Who is acting, in words, for default comments. */
const byWhom = (as: Acting) => (as.automation ? `the automation "${as.automation.name}"` : 'a macro');

/**
 * One step of an automation (as SYSTEM) or a macro (as the person), inside the caller's
 * transaction, through the ticket service and its lifecycle checks: a refusal throws and the
 * caller's transaction rolls back every step.
 */
export async function perform(tx: Tx, tickets: TicketService, as: Acting, ticket: Ticket, action: AutomationAction): Promise<void> {
  const ticketId = ticket.id;
  switch (action.kind) {
    case K.ASSIGN:
      await tickets.within.assign(tx, as, { ticketId, assigneeId: action.assigneeId });
      return;
    case K.AUTO_ASSIGN: {
      const { assigneeId, reason } = await pickAssignee(tx);
      if (assigneeId) await tickets.within.assign(tx, as.viewer ? as : { viewer: null, automation: as.automation ?? POLICY_ACTOR }, { ticketId, assigneeId });
      else if (reason === 'full') await tellStaffNobodyFree(tx, ticket);
      return;
    }
    case K.COMMENT:
    case K.INTERNAL_NOTE:
      await tickets.within.comment(tx, as, { ticketId, body: action.text ?? '', internal: action.kind === K.INTERNAL_NOTE });
      return;
    case K.ESCALATE:
      await tickets.within.escalate(tx, as, { ticketId, comment: action.text ?? `Escalated by ${byWhom(as)}` });
      return;
    case K.RESOLVE:
      await tickets.within.resolve(tx, as, { ticketId, actionId: action.actionId, comment: action.text ?? `Resolved by ${byWhom(as)}` });
      return;
    case K.OPEN_RISK_TICKET:
      await openRiskTicket(tx, tickets, as, ticket, action.text === 'TUTOR' ? 'TUTOR' : 'REPORTER');
      return;
    case K.NOTIFY_STAFF: {
      const coordinators = await tx.em.find(User, { role: Role.COORDINATOR, active: true });
      await announce(tx, {
        event: 'automation.notify',
        ticket,
        title: `${ticket.number}: ${as.automation?.name ?? 'a macro'}`,
        body: action.text ?? '',
        recipients: coordinators.map((user) => ({ user, channels: ['IN_APP'] })),
      });
    }
  }
}
