import type { EntityManager } from '@mikro-orm/postgresql';
import { type Role, isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import { SessionParticipant } from '../sessions/session.entity';
import { TicketSession } from './ticket.entity';
import { pgArray, run } from '../db/raw-sql';

/** A ticket's reporters: its own, then those of the tickets merged into it (desk/merge.ts). */
export const reporterIdsOf = (ticket: { reporter: { id: string }; mergedReporterIds: readonly string[] }): string[] =>
  [...new Set([ticket.reporter.id, ...ticket.mergedReporterIds])];

/**
 * The disputed learners of a ticket, among its sessions' learners: every one of them when staff
 * reported it (or a ticket merged into it), otherwise its reporters and their children (two
 * parents of a group class whose tickets were merged: both children). The one definition of who
 * a decision's money is about (the resolution) and who the ticket shows as disputed (Ticket.learners).
 */
export function isDisputedLearner(reporters: ReadonlyArray<{ id: string; role: Role }>, reporterChildIds: readonly string[]): (learnerId: string) => boolean {
  if (reporters.some((reporter) => isStaff(reporter.role))) return () => true;
  const represented = new Set([...reporters.map((reporter) => reporter.id), ...reporterChildIds]);
  return (learnerId) => represented.has(learnerId);
}

/** The participations of the disputed learners in the ticket's sessions (with session and package). */
export async function disputedParticipants(
  em: EntityManager, ticket: { id: string; reporter: { id: string }; mergedReporterIds: readonly string[] },
): Promise<SessionParticipant[]> {
  const links = await em.find(TicketSession, { ticket: ticket.id }, { fields: ['session'] });
  if (!links.length) return [];
  const reporters = await em.find(User, { id: { $in: reporterIdsOf(ticket) } });
  const all = await em.find(SessionParticipant, { session: { $in: links.map((l) => l.session.id) } }, { populate: ['session', 'package'] });
  const children: Array<{ child_id: string }> = await run(em, 'select child_id from parent_links where parent_id = any(?::uuid[])', [pgArray(reporters.map((r) => r.id))]);
  const disputed = isDisputedLearner(reporters, children.map((c) => c.child_id));
  return all.filter((p) => disputed(p.learner.id));
}
