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

/**
 * The dashboard's card fragment under PostGraphile 5's names for the three users (`reporter:
 * userByReporterId`, ...), without what only the Tickets server computes: `slaState` (tickets/sla.ts)
 * and `viewers` (live presence). The floor answers both.
 */
const postgraphileCard = BOARD_COLUMN.slice(BOARD_COLUMN.indexOf('fragment BoardTicketFields'))
  .replace(/\b(reporter|tutor|assignee) \{/g, (_, name: string) => `${name}: userBy${name[0].toUpperCase()}${name.slice(1)}Id {`)
  .replace(/\bslaState\b/, '')
  .replace(/\bviewers \{[^}]*\{[^}]*\}[^}]*\}/, '');

/** The same document shape for PostGraphile 5's generated schema (its names, the dashboard's selection). */
export const POSTGRAPHILE_BOARD_COLUMN = `query BoardColumn($status: TicketStatus!, $first: Int, $after: Cursor) {
  tickets: allTickets(condition: { status: $status }, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC], first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...BoardTicketFields } }
  }
}
${postgraphileCard}`;
