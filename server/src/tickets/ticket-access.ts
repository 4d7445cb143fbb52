import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config';
import { DomainError, conflict, notFound } from '../errors';
import type { TicketStatus } from './enums';
import { type Actor, type TicketAction, decide } from './rules';
import { Ticket } from './ticket.entity';
import { canSeeTicket } from './visibility';

/** Whether a viewer may see a ticket at all (everyone else gets NOT_FOUND); defined in ./visibility. */
export { canSeeTicket };

export function actorFor(viewer: Viewer | null, ticket: Ticket): Actor {
  if (!viewer) return { role: 'SYSTEM', isReporter: false, isTutor: false };
  return { role: viewer.role, isReporter: ticket.reporter.id === viewer.id, isTutor: ticket.tutor?.id === viewer.id };
}

/**
 * Locks the ticket row for this transaction (so concurrent changes queue up and exactly one of
 * them wins), then checks, in this order: visible (NOT_FOUND), version (CONFLICT), and the
 * lifecycle table (FORBIDDEN or CONFLICT). Returns the ticket and the status it moves to.
 */
export async function lockTicketFor(
  em: EntityManager,
  config: Config,
  viewer: Viewer | null,
  ticketId: string,
  action: TicketAction,
  expectedVersion?: number | null,
): Promise<{ ticket: Ticket; to: TicketStatus }> {
  const ticket = await em.findOne(Ticket, { id: ticketId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!ticket || (viewer && !(await canSeeTicket(em, viewer, ticket)))) throw notFound('Ticket');
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== ticket.version) {
    throw conflict(`The ticket changed (version ${ticket.version}, you had ${expectedVersion}); reload and try again`);
  }
  const verdict = decide(ticket.status, action, actorFor(viewer, ticket), { coordinatorsDecideEscalations: config.coordinatorsDecideEscalations });
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.message);
  return { ticket, to: verdict.to };
}
