import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { DomainError, notFound } from '../errors';
import { staleVersionConflict } from './changes-since';
import type { TicketStatus } from './enums';
import { type Actor, type RuleOptions, type TicketAction, type Verdict, decide } from './rules';
import { Ticket } from './ticket.entity';
import { canSeeTicket } from './visibility';

/** Whether a viewer may see a ticket at all (everyone else gets NOT_FOUND); defined in ./visibility. */
export { canSeeTicket };

import type { AutomationRef } from './ticket-changes';

export type { AutomationRef };

export function actorFor(viewer: Viewer | null, ticket: Ticket, automation?: AutomationRef | null): Actor {
  if (!viewer) return { role: 'SYSTEM', isAutomation: !!automation, isReporter: false, isMergedReporter: false, isTutor: false };
  return {
    role: viewer.role,
    isReporter: ticket.reporter.id === viewer.id,
    isMergedReporter: ticket.mergedReporterIds.includes(viewer.id),
    isTutor: ticket.tutor?.id === viewer.id,
  };
}

/**
 * The lifecycle verdict for this viewer (null: the timers) on a ticket they can see. The one
 * check behind both the mutations (ticketFor) and Ticket.viewerCan.
 */
export function verdictFor(config: RuleOptions, viewer: Viewer | null, ticket: Ticket, action: TicketAction, automation?: AutomationRef | null, now = new Date()): Verdict {
  const verdict = decide(ticket.status, action, actorFor(viewer, ticket, automation), config);
  // Only a resolution an automation made can be contested, and only until contestDueAt.
  if (verdict.ok && action === 'contest' && !(ticket.resolvedByAutomationId && ticket.contestDueAt && ticket.contestDueAt > now)) {
    return { ok: false, code: 'CONFLICT', message: 'Only a resolution made automatically can be contested, within its window' };
  }
  return verdict;
}

/**
 * Loads the ticket for `action` and checks, in this order: visible (NOT_FOUND), version
 * (CONFLICT), and the lifecycle table (FORBIDDEN or CONFLICT). With `lock`, the row is locked for
 * this transaction first, so concurrent changes queue up and exactly one of them wins; previews
 * read without it. Returns the ticket and the status it moves to.
 */
export async function ticketFor(
  em: EntityManager,
  config: RuleOptions,
  viewer: Viewer | null,
  ticketId: string,
  action: TicketAction,
  options: { expectedVersion?: number | null; lock: boolean; automation?: AutomationRef | null },
): Promise<{ ticket: Ticket; to: TicketStatus }> {
  const ticket = await em.findOne(Ticket, { id: ticketId }, options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!ticket || (viewer && !(await canSeeTicket(em, viewer, ticket)))) throw notFound('Ticket');
  const { expectedVersion } = options;
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== ticket.version) {
    throw await staleVersionConflict(em, viewer, ticket, expectedVersion);
  }
  const verdict = verdictFor(config, viewer, ticket, action, options.automation);
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.message);
  return { ticket, to: verdict.to };
}

/** ticketFor with the row lock: the start of every change to a ticket. */
export const lockTicketFor = (
  em: EntityManager, config: RuleOptions, viewer: Viewer | null, ticketId: string, action: TicketAction, expectedVersion?: number | null,
  automation?: AutomationRef | null,
) => ticketFor(em, config, viewer, ticketId, action, { expectedVersion, lock: true, automation });
