import type { EntityManager } from '@mikro-orm/postgresql';
import { type Role, isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import { SessionParticipant } from '../sessions/session.entity';
import { TicketSession } from './ticket.entity';

/**
 * The disputed learners of a ticket, among its sessions' learners: every one of them when staff
 * reported it, otherwise the reporter and the reporter's children. The one definition of who a
 * decision's money is about (the resolution) and who the ticket shows as disputed (Ticket.learners).
 */
export function isDisputedLearner(reporter: { id: string; role: Role }, reporterChildIds: readonly string[]): (learnerId: string) => boolean {
  if (isStaff(reporter.role)) return () => true;
  const represented = new Set([reporter.id, ...reporterChildIds]);
  return (learnerId) => represented.has(learnerId);
}

/** The participations of the disputed learners in the ticket's sessions (with session and package). */
export async function disputedParticipants(em: EntityManager, ticket: { id: string; reporter: { id: string } }): Promise<SessionParticipant[]> {
  const links = await em.find(TicketSession, { ticket: ticket.id }, { fields: ['session'] });
  if (!links.length) return [];
  const reporter = await em.findOneOrFail(User, { id: ticket.reporter.id });
  const all = await em.find(SessionParticipant, { session: { $in: links.map((l) => l.session.id) } }, { populate: ['session', 'package'] });
  const children: Array<{ child_id: string }> = await em.getConnection().execute(
    'select child_id from parent_links where parent_id = ?', [reporter.id], 'all', em.getTransactionContext());
  const disputed = isDisputedLearner(reporter, children.map((c) => c.child_id));
  return all.filter((p) => disputed(p.learner.id));
}
