import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../auth/roles';
import type { Viewer } from '../auth/viewer';
import { type MoneyPlan, planDecision } from '../billing/adjustments';
import { badInput } from '../errors';
import { decisionFor } from './decision';
import { disputedParticipants } from './disputed-learners';
import { ResolutionOutcome, type TicketStatus } from './enums';
import { ResolutionAction } from './resolution-action.entity';
import { requiredText } from './text';
import { type AutomationRef, ticketFor } from './ticket-access';
import type { TicketConfig } from './ticket-deps';
import type { Ticket } from './ticket.entity';

/** resolveTicket's input with its ids already parsed. */
export interface ResolveRequest {
  ticketId: string;
  actionId?: string | null;
  comment: string;
  outcome?: ResolutionOutcome | null;
  creditAmountMinor?: number | null;
  grantRequestedEffect?: boolean | null;
  expectedVersion?: number | null;
}

export interface CheckedResolution {
  ticket: Ticket;
  to: TicketStatus;
  action: ResolutionAction | null;
  comment: string;
  /** The money the decision moves, not yet written. */
  plan: MoneyPlan;
}

/**
 * Every check of a resolution, in the order resolveTicket and previewResolution both report them:
 * NOT_FOUND, CONFLICT (version, status), FORBIDDEN, then BAD_USER_INPUT (the decision, the
 * money, the comment); and the money plan. `lock`: take the ticket's row lock (resolveTicket).
 */
export async function checkResolution(
  em: EntityManager, config: TicketConfig, viewer: Viewer | null, request: ResolveRequest, lock: boolean, automation?: AutomationRef | null,
): Promise<CheckedResolution> {
  const { ticket, to } = await ticketFor(em, config, viewer, request.ticketId, 'resolve', { expectedVersion: request.expectedVersion, lock, automation });
  const isTutor = viewer?.role === Role.TUTOR;
  if (isTutor && request.outcome) throw badInput('outcome', 'Tutors resolve with an action; outcomes are for coordinators and admins');
  const action = request.actionId ? await em.findOne(ResolutionAction, { id: request.actionId }) : null;
  if (request.actionId && (!action || !action.active)) throw badInput('actionId', 'No active resolution action with this id');
  if (isTutor && action && !action.forTutors) throw badInput('actionId', 'Only coordinators and admins resolve with this action');
  if (action?.category && ticket.category && action.category !== ticket.category) throw badInput('actionId', `This action is for ${action.category} tickets`);
  const granted = request.grantRequestedEffect ? ticket.requestedEffect : null;
  if (request.grantRequestedEffect && !granted) throw badInput('grantRequestedEffect', 'The reporter did not ask for a remedy');
  // Granting the reporter's remedy decides for them: with another outcome one of the two would be silently ignored.
  if (request.grantRequestedEffect && request.outcome && request.outcome !== ResolutionOutcome.IN_FAVOR_OF_PARENT) {
    throw badInput('grantRequestedEffect', 'Granting what the reporter asked for decides in their favour: choose "In favour of the parent", or untick "Grant what the reporter asked for"');
  }
  if (!action && !request.outcome && !granted) {
    throw badInput(isTutor ? 'actionId' : 'outcome', isTutor ? 'Choose an action' : 'Choose an outcome or an action');
  }
  const decision = decisionFor(request.outcome, granted ?? action?.effect, granted ? null : action?.creditPercent, request.creditAmountMinor);
  const plan = await planDecision(em, ticket.id, await disputedParticipants(em, ticket), decision);
  const comment = requiredText(request.comment, 'comment');
  return { ticket, to, action, comment, plan };
}
