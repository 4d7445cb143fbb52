import { graphql } from './generated';

/** What a board card and a live event carry. */
export const BoardTicketFields = graphql(`
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
    reporter { id name }
    tutor { id name }
    assignee { id name }
    slaState firstResponseDueAt firstRespondedAt resolutionDueAt
    viewers { state user { id name } }
  }
`);

export const BoardColumnQuery = graphql(`
  query BoardColumn($filter: TicketFilter, $first: Int, $after: String) {
    tickets(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...BoardTicketFields } }
    }
  }
`);

/** Every change to a ticket the viewer may see (pages refetch what they show). */
export const TicketChangedSubscription = graphql(`
  subscription TicketChanged($filter: TicketFilter) {
    ticketChanged(filter: $filter) {
      kind
      sequence
      previousStatus
      ticket { ...BoardTicketFields }
    }
  }
`);

/** A filtered live feed (the board, the escalated queue): matchesFilter says whether the ticket matches the filter now. */
export const FilteredTicketChangedSubscription = graphql(`
  subscription FilteredTicketChanged($filter: TicketFilter) {
    ticketChanged(filter: $filter) {
      kind
      sequence
      previousStatus
      matchesFilter
      ticket { ...BoardTicketFields }
    }
  }
`);

/** What the caller may do with a ticket now: the server decides, pages only show it. */
export const ViewerCanFields = graphql(`
  fragment ViewerCanFields on Ticket {
    viewerCan { resolve accept escalate assign comment commentInternal merge split }
  }
`);

/** Reported Issues / My tickets / Escalated rows. */
export const TicketRowFields = graphql(`
  fragment TicketRowFields on Ticket {
    ...BoardTicketFields
    ...ViewerCanFields
    learners { id name }
    sessions { id language status scheduledStart scheduledEnd learners { id name } }
  }
`);

export const TicketListQuery = graphql(`
  query TicketList($filter: TicketFilter, $first: Int, $after: String) {
    tickets(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...TicketRowFields } }
    }
  }
`);

/** One row again after a live event: its status and what the viewer may now do have changed. */
export const TicketRowQuery = graphql(`
  query TicketRow($id: ID!) {
    ticket(id: $id) { ...TicketRowFields }
  }
`);

/** Everything the ticket page shows. */
export const TicketDetailFields = graphql(`
  fragment TicketDetailFields on Ticket {
    ...BoardTicketFields
    firstResponseDueAt
    resolutionDueAt
    autoCloseAt
    overdue
    reporter { id name email role }
    learners { id name }
    evidence {
      sessionId
      scheduledMinutes
      actualMinutes
      tutorLateMinutes
      learnerLateMinutes
      missingMinutes
      endedByName
      suggestedCredit { amountMinor currency }
    }
    tutor { id name email }
    assignee { id name }
    sessions {
      ...SessionFields
      lessonId
      orderId
      teacherSessionId
      invoiceLines { id description voided amount { amountMinor currency } credited { amountMinor currency } invoice { id number status } }
      endedBy { id name role }
      attendance { user { id name role } joinedAt leftAt }
    }
    logs { id action comment internal actor { id name role } fromStatus toStatus createdAt }
    resolution {
      outcome
      comment
      resolvedAt
      resolvedBy { id name }
      credited { amountMinor currency }
      action { id label effect creditPercent }
    }
    creditNotes {
      id
      number
      createdAt
      amount { amountMinor currency }
      invoice {
        id
        number
        status
        lines { id description voided amount { amountMinor currency } credited { amountMinor currency } session { id } }
      }
    }
    mergedInto { id number title }
    mergedFrom { id number title }
    ...ViewerCanFields
  }
`);

export const TicketDetailQuery = graphql(`
  query TicketDetail($id: ID!) {
    ticket(id: $id) { ...TicketDetailFields }
  }
`);

export const ResolutionActionsQuery = graphql(`
  query ResolutionActions($category: DisputeCategory) {
    resolutionActions(category: $category) { id category label effect creditPercent active }
  }
`);

export const ResolveTicketMutation = graphql(`
  mutation ResolveTicket($input: ResolveTicketInput!) {
    resolveTicket(input: $input) { id status version }
  }
`);

/** What resolveTicket with this input would move; errors exactly as resolveTicket gives them. */
export const PreviewResolutionQuery = graphql(`
  query PreviewResolution($input: ResolveTicketInput!) {
    previewResolution(input: $input) {
      credit { amountMinor currency }
      charge { amountMinor currency }
      packageCreditsRestored
      creditNotes
      lines { credit { amountMinor currency } line { id description invoice { id number status } } }
    }
  }
`);

export const AcceptResolutionMutation = graphql(`
  mutation AcceptResolution($ticketId: ID!, $comment: String) {
    acceptResolution(ticketId: $ticketId, comment: $comment) { id status version }
  }
`);

export const EscalateTicketMutation = graphql(`
  mutation EscalateTicket($ticketId: ID!, $comment: String!) {
    escalateTicket(ticketId: $ticketId, comment: $comment) { id status version }
  }
`);

export const AssignTicketMutation = graphql(`
  mutation AssignTicket($ticketId: ID!, $assigneeId: ID) {
    assignTicket(ticketId: $ticketId, assigneeId: $assigneeId) { id version assignee { id name } }
  }
`);

export const AddCommentMutation = graphql(`
  mutation AddTicketComment($ticketId: ID!, $body: String!, $internal: Boolean) {
    addTicketComment(ticketId: $ticketId, body: $body, internal: $internal) { id version }
  }
`);

export const ContactTutorMutation = graphql(`
  mutation ContactTutor($ticketId: ID!, $message: String!) {
    contactTutor(ticketId: $ticketId, message: $message) { id status channel }
  }
`);

export const ReportIssueMutation = graphql(`
  mutation ReportIssue($input: ReportIssueInput!) {
    reportIssue(input: $input) { id number status }
  }
`);
