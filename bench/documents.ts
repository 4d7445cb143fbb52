/**
 * The GraphQL documents the bench sends: the dashboard's own (imported, never copied), as the text
 * the dashboard puts on the wire (tests/unit/bench-documents.test.ts checks that against urql).
 */
import { BoardColumnQuery, ReportIssueMutation, ResolveTicketMutation, TicketChangedSubscription, TicketDetailQuery } from '../dashboard/src/graphql/tickets';

export const BOARD_COLUMN = BoardColumnQuery.toString();
export const TICKET_DETAIL = TicketDetailQuery.toString();
export const TICKET_CHANGED = TicketChangedSubscription.toString();
export const REPORT_ISSUE = ReportIssueMutation.toString();
export const RESOLVE_TICKET = ResolveTicketMutation.toString();

/** The board's four columns, in board order; the dashboard loads each with `first: 50`. */
export const BOARD_COLUMNS = ['ONGOING', 'RESOLVED', 'ESCALATED', 'CLOSED'] as const;
export const BOARD_PAGE = 50;

/** The dashboard's variables for one column of an unfiltered board (boardStore.fetchPage). */
export const boardVariables = (status: (typeof BOARD_COLUMNS)[number]) => ({ filter: { status: [status] }, first: BOARD_PAGE, after: null });

/** The same document shape for PostGraphile 5's generated schema (its names, our selection). */
export const POSTGRAPHILE_BOARD_COLUMN = `query BoardColumn($status: TicketStatus!, $first: Int, $after: Cursor) {
  tickets: allTickets(condition: { status: $status }, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC], first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...BoardTicketFields } }
  }
}
fragment BoardTicketFields on Ticket {
  id
  number
  type
  category
  status
  title
  description
  requestedEffect
  createdAt
  updatedAt
  version
  reporter: userByReporterId { id name }
  tutor: userByTutorId { id name }
  assignee: userByAssigneeId { id name }
}`;
