import { registerEnumType } from 'type-graphql';
import type { Viewer } from '../auth/viewer';
import { badInput, errorCodeOf } from '../errors';
import type { Ticket } from '../tickets/ticket.entity';
import type { TicketService } from '../tickets/tickets.service';
import { loggerFor } from '../observability/logger';

const log = loggerFor('desk');

export enum BulkAction {
  ASSIGN = 'ASSIGN',
  COMMENT = 'COMMENT',
  ESCALATE = 'ESCALATE',
}
registerEnumType(BulkAction, { name: 'BulkAction' });

export const MAX_BULK_TICKETS = 200;
const DEFAULT_ESCALATION_COMMENT = 'Escalated from the board';

export interface BulkInput {
  ticketIds: string[];
  action: BulkAction;
  assigneeId?: string | null;
  comment?: string | null;
  internal?: boolean | null;
}

export interface BulkOutcome {
  ticketId: string;
  ok: boolean;
  /** The error code when not ok: CONFLICT (it moved on), NOT_FOUND, FORBIDDEN ... */
  code: string | null;
  ticket: Ticket | null;
}

/**
 * One action on many tickets, each through the ticket service in its own transaction: a ticket
 * that has moved on (or that the caller may not touch) is reported, and the others still change.
 * Input that is wrong for every ticket (no assignee, no comment) is refused before any change.
 */
export async function bulkTicketAction(services: { tickets: TicketService }, viewer: Viewer, input: BulkInput): Promise<BulkOutcome[]> {
  const ticketIds = [...new Set(input.ticketIds)];
  if (!ticketIds.length) throw badInput('ticketIds', 'Choose at least one ticket');
  if (ticketIds.length > MAX_BULK_TICKETS) throw badInput('ticketIds', `At most ${MAX_BULK_TICKETS} tickets at once`);
  const comment = input.comment?.trim() || null;
  if (input.action === BulkAction.ASSIGN && input.assigneeId === undefined) throw badInput('assigneeId', 'Choose whom to assign the tickets to (null to unassign)');
  if (input.action === BulkAction.COMMENT && !comment) throw badInput('comment', 'comment must not be empty');

  const act = (ticketId: string): Promise<Ticket> => {
    switch (input.action) {
      case BulkAction.ASSIGN:
        return services.tickets.assign(viewer, { ticketId, assigneeId: input.assigneeId ?? null });
      case BulkAction.COMMENT:
        return services.tickets.comment(viewer, { ticketId, body: comment!, internal: input.internal ?? false });
      case BulkAction.ESCALATE:
        return services.tickets.escalate(viewer, { ticketId, comment: comment ?? DEFAULT_ESCALATION_COMMENT });
    }
  };

  const outcomes: BulkOutcome[] = [];
  for (const ticketId of ticketIds) {
    try {
      outcomes.push({ ticketId, ok: true, code: null, ticket: await act(ticketId) });
    } catch (error) {
      const code = errorCodeOf(error);
      if (!code) log.error({ err: error, action: input.action, ticketId }, 'bulk action failed on a ticket');
      outcomes.push({ ticketId, ok: false, code: code ?? 'INTERNAL_SERVER_ERROR', ticket: null });
    }
  }
  return outcomes;
}
