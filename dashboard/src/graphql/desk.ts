import { graphql } from './generated';

/** The coordinator desk's documents: saved views, presence, bulk actions, reports. */
export const SavedViewFields = graphql(`
  fragment SavedViewFields on SavedView {
    id
    name
    shared
    count
    owner { id name }
    filter { type category tutorId assigneeId reporterId search sla }
  }
`);

export const SavedViewsQuery = graphql(`
  query SavedViews {
    savedViews { ...SavedViewFields }
  }
`);

export const SaveViewMutation = graphql(`
  mutation SaveView($input: SavedViewInput!) {
    saveView(input: $input) { ...SavedViewFields }
  }
`);

export const DeleteViewMutation = graphql(`
  mutation DeleteView($id: ID!) {
    deleteView(id: $id)
  }
`);

/** Any change on any ticket: the sidebar's counts are refreshed. */
export const AnyTicketChangedSubscription = graphql(`
  subscription AnyTicketChanged {
    ticketChanged { sequence }
  }
`);

export const TicketStatsQuery = graphql(`
  query TicketStats($from: DateTime!, $to: DateTime!) {
    ticketStats(from: $from, to: $to) {
      opened
      closed
      medianHoursToResolution
      slaMetPercent
      satisfactionAverage
      satisfactionResponses
      credited { amountMinor currency }
      byCategory { category count }
      byTutor { tutor { id name } tickets sessions disputeRatePercent credited { amountMinor currency } }
      weekly { weekStart opened closed satisfactionAverage satisfactionResponses }
    }
  }
`);

export const SetPresenceMutation = graphql(`
  mutation SetPresence($ticketId: ID!, $state: PresenceState!) {
    setPresence(ticketId: $ticketId, state: $state)
  }
`);

export const PresenceChangedSubscription = graphql(`
  subscription PresenceChanged($ticketId: ID) {
    presenceChanged(ticketId: $ticketId) { ticketId state at user { id name } }
  }
`);

export const TicketViewersQuery = graphql(`
  query TicketViewers($id: ID!) {
    ticket(id: $id) { id viewers { state since user { id name } } }
  }
`);

export const BulkTicketActionMutation = graphql(`
  mutation BulkTicketAction($input: BulkTicketActionInput!) {
    bulkTicketAction(input: $input) { ticketId ok code ticket { id status version assignee { id name } } }
  }
`);

/** The ids of every ticket matching the board's filter ("select all matching"). */
export const MatchingTicketIdsQuery = graphql(`
  query MatchingTicketIds($filter: TicketFilter, $first: Int, $after: String) {
    tickets(filter: $filter, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
  }
`);

/** Tickets whose number (or title) matches what the coordinator typed: the targets to merge into. */
export const MergeCandidatesQuery = graphql(`
  query MergeCandidates($search: String!) {
    tickets(filter: { search: $search }, first: 6) {
      edges { node { id number title status reporter { id name } } }
    }
  }
`);

export const MergeTicketsMutation = graphql(`
  mutation MergeTickets($targetId: ID!, $sourceIds: [ID!]!, $comment: String) {
    mergeTickets(targetId: $targetId, sourceIds: $sourceIds, comment: $comment) { id number status version }
  }
`);

export const SplitTicketMutation = graphql(`
  mutation SplitTicket($ticketId: ID!, $sessionIds: [ID!]!, $title: String!, $comment: String) {
    splitTicket(ticketId: $ticketId, sessionIds: $sessionIds, title: $title, comment: $comment) { id number }
  }
`);
