/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { user { id name email role } }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout { logout }\n": typeof types.LogoutDocument,
    "\n  query Me { me { id name email role } }\n": typeof types.MeDocument,
    "\n  query UnreadNotificationCount { unreadNotificationCount }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query Notifications($first: Int, $unreadOnly: Boolean) {\n    notifications(first: $first, unreadOnly: $unreadOnly) {\n      edges { node { id title body readAt createdAt ticket { id number } } }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { id title body readAt createdAt ticket { id number } }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query AllResolutionActions {\n    resolutionActions { id category label effect creditPercent active }\n  }\n": typeof types.AllResolutionActionsDocument,
    "\n  mutation CreateResolutionAction($input: ResolutionActionInput!) {\n    createResolutionAction(input: $input) { id category label effect creditPercent active }\n  }\n": typeof types.CreateResolutionActionDocument,
    "\n  mutation UpdateResolutionAction($id: ID!, $input: ResolutionActionInput!) {\n    updateResolutionAction(id: $id, input: $input) { id category label effect creditPercent active }\n  }\n": typeof types.UpdateResolutionActionDocument,
    "\n  query ApiKeys { apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt } }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) { key apiKey { id name prefix scopes createdAt lastUsedAt revokedAt } }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n": typeof types.RevokeApiKeyDocument,
    "\n  fragment SavedViewFields on SavedView {\n    id\n    name\n    shared\n    count\n    owner { id name }\n    filter { type category tutorId assigneeId reporterId search sla }\n  }\n": typeof types.SavedViewFieldsFragmentDoc,
    "\n  query SavedViews {\n    savedViews { ...SavedViewFields }\n  }\n": typeof types.SavedViewsDocument,
    "\n  mutation SaveView($input: SavedViewInput!) {\n    saveView(input: $input) { ...SavedViewFields }\n  }\n": typeof types.SaveViewDocument,
    "\n  mutation DeleteView($id: ID!) {\n    deleteView(id: $id)\n  }\n": typeof types.DeleteViewDocument,
    "\n  subscription AnyTicketChanged {\n    ticketChanged { sequence }\n  }\n": typeof types.AnyTicketChangedDocument,
    "\n  query TicketStats($from: DateTime!, $to: DateTime!) {\n    ticketStats(from: $from, to: $to) {\n      opened\n      closed\n      medianHoursToResolution\n      slaMetPercent\n      satisfactionAverage\n      satisfactionResponses\n      credited { amountMinor currency }\n      byCategory { category count }\n      byTutor { tutor { id name } tickets sessions disputeRatePercent credited { amountMinor currency } }\n      weekly { weekStart opened closed satisfactionAverage satisfactionResponses }\n    }\n  }\n": typeof types.TicketStatsDocument,
    "\n  mutation SetPresence($ticketId: ID!, $state: PresenceState!) {\n    setPresence(ticketId: $ticketId, state: $state)\n  }\n": typeof types.SetPresenceDocument,
    "\n  subscription PresenceChanged($ticketId: ID) {\n    presenceChanged(ticketId: $ticketId) { ticketId state at user { id name } }\n  }\n": typeof types.PresenceChangedDocument,
    "\n  query TicketViewers($id: ID!) {\n    ticket(id: $id) { id viewers { state since user { id name } } }\n  }\n": typeof types.TicketViewersDocument,
    "\n  mutation BulkTicketAction($input: BulkTicketActionInput!) {\n    bulkTicketAction(input: $input) { ticketId ok code ticket { id status version assignee { id name } } }\n  }\n": typeof types.BulkTicketActionDocument,
    "\n  query MatchingTicketIds($filter: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id } }\n    }\n  }\n": typeof types.MatchingTicketIdsDocument,
    "\n  query MergeCandidates($search: String!) {\n    tickets(filter: { search: $search }, first: 6) {\n      edges { node { id number title status reporter { id name } } }\n    }\n  }\n": typeof types.MergeCandidatesDocument,
    "\n  mutation MergeTickets($targetId: ID!, $sourceIds: [ID!]!, $comment: String) {\n    mergeTickets(targetId: $targetId, sourceIds: $sourceIds, comment: $comment) { id number status version }\n  }\n": typeof types.MergeTicketsDocument,
    "\n  mutation SplitTicket($ticketId: ID!, $sessionIds: [ID!]!, $title: String!, $comment: String) {\n    splitTicket(ticketId: $ticketId, sessionIds: $sessionIds, title: $title, comment: $comment) { id number }\n  }\n": typeof types.SplitTicketDocument,
    "\n  query TicketEvidence($id: ID!) {\n    ticket(id: $id) {\n      id\n      evidenceDueAt\n      viewerCan { attachEvidence }\n      attachments { id filename contentType size url side createdAt uploadedBy { id name } }\n    }\n  }\n": typeof types.TicketEvidenceDocument,
    "\n  mutation AttachEvidence($ticketId: ID!, $uploadIds: [ID!]!, $comment: String) {\n    attachEvidence(ticketId: $ticketId, uploadIds: $uploadIds, comment: $comment) { id version }\n  }\n": typeof types.AttachEvidenceDocument,
    "\n  query FamilySessions($filter: SessionFilter, $first: Int, $after: String) {\n    sessions(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          ...SessionFields\n          openTicket { id number status }\n        }\n      }\n    }\n  }\n": typeof types.FamilySessionsDocument,
    "\n  query Invoices($first: Int, $after: String) {\n    invoices(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          number\n          status\n          createdAt\n          total { amountMinor currency }\n          credited { amountMinor currency }\n          balance { amountMinor currency }\n        }\n      }\n    }\n  }\n": typeof types.InvoicesDocument,
    "\n  query Invoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      status\n      createdAt\n      issuedAt\n      billedTo { id name }\n      total { amountMinor currency }\n      credited { amountMinor currency }\n      balance { amountMinor currency }\n      lines {\n        id\n        description\n        voided\n        amount { amountMinor currency }\n        credited { amountMinor currency }\n        session {\n          id\n          status\n          subject\n          language\n          scheduledStart\n          tutor { id name }\n          openTicket { id number status }\n        }\n      }\n      creditNotes { id number createdAt reason amount { amountMinor currency } ticket { id number } }\n    }\n  }\n": typeof types.InvoiceDocument,
    "\n  query Payouts($filter: PayoutFilter, $first: Int, $after: String) {\n    payouts(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      summary { status count net { amountMinor currency } }\n      edges {\n        node {\n          id\n          status\n          releasedAt\n          paidAt\n          reference\n          amount { amountMinor currency }\n          deductions { amountMinor currency }\n          net { amountMinor currency }\n          session { id subject language kind scheduledStart }\n          tutor { id name email }\n          heldBy { id number title status }\n          deductionLines {\n            kind\n            amount { amountMinor currency }\n            ticket { id number }\n            otherPayout { id session { subject scheduledStart } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.PayoutsDocument,
    "\n  query TicketPayouts($id: ID!) {\n    ticket(id: $id) {\n      id\n      payouts {\n        id\n        status\n        amount { amountMinor currency }\n        deductions { amountMinor currency }\n        net { amountMinor currency }\n        session { id subject scheduledStart }\n        heldBy { id number }\n      }\n    }\n  }\n": typeof types.TicketPayoutsDocument,
    "\n  mutation MarkPayoutsPaid($ids: [ID!]!, $reference: String!) {\n    markPayoutsPaid(ids: $ids, reference: $reference) { id status paidAt reference }\n  }\n": typeof types.MarkPayoutsPaidDocument,
    "\n  query TicketSatisfaction($id: ID!) {\n    ticket(id: $id) { id viewerCan { rate } satisfaction { score comment ratedAt } }\n  }\n": typeof types.TicketSatisfactionDocument,
    "\n  mutation RateTicket($ticketId: ID!, $score: Int!, $comment: String) {\n    rateTicket(ticketId: $ticketId, score: $score, comment: $comment) { id version }\n  }\n": typeof types.RateTicketDocument,
    "\n  fragment SessionFields on Session {\n    id\n    kind\n    status\n    language\n    subject\n    scheduledStart\n    scheduledEnd\n    price { amountMinor currency }\n    tutor { id name }\n    learners { id name }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  fragment BoardTicketFields on Ticket {\n    id\n    number\n    type\n    category\n    status\n    title\n    description\n    requestedEffect\n    createdAt\n    updatedAt\n    version\n    reporter { id name }\n    tutor { id name }\n    assignee { id name }\n    slaState firstResponseDueAt firstRespondedAt resolutionDueAt\n    viewers { state user { id name } }\n  }\n": typeof types.BoardTicketFieldsFragmentDoc,
    "\n  query BoardColumn($filter: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...BoardTicketFields } }\n    }\n  }\n": typeof types.BoardColumnDocument,
    "\n  subscription TicketChanged($filter: TicketFilter) {\n    ticketChanged(filter: $filter) {\n      kind\n      sequence\n      previousStatus\n      ticket { ...BoardTicketFields }\n    }\n  }\n": typeof types.TicketChangedDocument,
    "\n  subscription FilteredTicketChanged($filter: TicketFilter) {\n    ticketChanged(filter: $filter) {\n      kind\n      sequence\n      previousStatus\n      matchesFilter\n      ticket { ...BoardTicketFields }\n    }\n  }\n": typeof types.FilteredTicketChangedDocument,
    "\n  fragment ViewerCanFields on Ticket {\n    viewerCan { resolve accept escalate assign comment commentInternal merge split }\n  }\n": typeof types.ViewerCanFieldsFragmentDoc,
    "\n  fragment TicketRowFields on Ticket {\n    ...BoardTicketFields\n    ...ViewerCanFields\n    learners { id name }\n    sessions { id language status scheduledStart scheduledEnd learners { id name } }\n  }\n": typeof types.TicketRowFieldsFragmentDoc,
    "\n  query TicketList($filter: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...TicketRowFields } }\n    }\n  }\n": typeof types.TicketListDocument,
    "\n  query TicketRow($id: ID!) {\n    ticket(id: $id) { ...TicketRowFields }\n  }\n": typeof types.TicketRowDocument,
    "\n  fragment TicketDetailFields on Ticket {\n    ...BoardTicketFields\n    firstResponseDueAt\n    resolutionDueAt\n    autoCloseAt\n    overdue\n    reporter { id name email role }\n    learners { id name }\n    evidence {\n      sessionId\n      scheduledMinutes\n      actualMinutes\n      tutorLateMinutes\n      learnerLateMinutes\n      missingMinutes\n      endedByName\n      suggestedCredit { amountMinor currency }\n    }\n    tutor { id name email }\n    assignee { id name }\n    sessions {\n      ...SessionFields\n      lessonId\n      orderId\n      teacherSessionId\n      invoiceLines { id description voided amount { amountMinor currency } credited { amountMinor currency } invoice { id number status } }\n      endedBy { id name role }\n      attendance { user { id name role } joinedAt leftAt }\n    }\n    logs { id action comment internal actor { id name role } fromStatus toStatus createdAt }\n    resolution {\n      outcome\n      comment\n      resolvedAt\n      resolvedBy { id name }\n      credited { amountMinor currency }\n      action { id label effect creditPercent }\n    }\n    creditNotes {\n      id\n      number\n      createdAt\n      amount { amountMinor currency }\n      invoice {\n        id\n        number\n        status\n        lines { id description voided amount { amountMinor currency } credited { amountMinor currency } session { id } }\n      }\n    }\n    mergedInto { id number title }\n    mergedFrom { id number title }\n    ...ViewerCanFields\n  }\n": typeof types.TicketDetailFieldsFragmentDoc,
    "\n  query TicketDetail($id: ID!) {\n    ticket(id: $id) { ...TicketDetailFields }\n  }\n": typeof types.TicketDetailDocument,
    "\n  query ResolutionActions($category: DisputeCategory) {\n    resolutionActions(category: $category) { id category label effect creditPercent active }\n  }\n": typeof types.ResolutionActionsDocument,
    "\n  mutation ResolveTicket($input: ResolveTicketInput!) {\n    resolveTicket(input: $input) { id status version }\n  }\n": typeof types.ResolveTicketDocument,
    "\n  query PreviewResolution($input: ResolveTicketInput!) {\n    previewResolution(input: $input) {\n      credit { amountMinor currency }\n      charge { amountMinor currency }\n      packageCreditsRestored\n      creditNotes\n      lines { credit { amountMinor currency } line { id description invoice { id number status } } }\n    }\n  }\n": typeof types.PreviewResolutionDocument,
    "\n  mutation AcceptResolution($ticketId: ID!, $comment: String) {\n    acceptResolution(ticketId: $ticketId, comment: $comment) { id status version }\n  }\n": typeof types.AcceptResolutionDocument,
    "\n  mutation EscalateTicket($ticketId: ID!, $comment: String!) {\n    escalateTicket(ticketId: $ticketId, comment: $comment) { id status version }\n  }\n": typeof types.EscalateTicketDocument,
    "\n  mutation AssignTicket($ticketId: ID!, $assigneeId: ID) {\n    assignTicket(ticketId: $ticketId, assigneeId: $assigneeId) { id version assignee { id name } }\n  }\n": typeof types.AssignTicketDocument,
    "\n  mutation AddTicketComment($ticketId: ID!, $body: String!, $internal: Boolean) {\n    addTicketComment(ticketId: $ticketId, body: $body, internal: $internal) { id version }\n  }\n": typeof types.AddTicketCommentDocument,
    "\n  mutation ContactTutor($ticketId: ID!, $message: String!) {\n    contactTutor(ticketId: $ticketId, message: $message) { id status channel }\n  }\n": typeof types.ContactTutorDocument,
    "\n  mutation ReportIssue($input: ReportIssueInput!) {\n    reportIssue(input: $input) { id number status }\n  }\n": typeof types.ReportIssueDocument,
};
const documents: Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { user { id name email role } }\n  }\n": types.LoginDocument,
    "\n  mutation Logout { logout }\n": types.LogoutDocument,
    "\n  query Me { me { id name email role } }\n": types.MeDocument,
    "\n  query UnreadNotificationCount { unreadNotificationCount }\n": types.UnreadNotificationCountDocument,
    "\n  query Notifications($first: Int, $unreadOnly: Boolean) {\n    notifications(first: $first, unreadOnly: $unreadOnly) {\n      edges { node { id title body readAt createdAt ticket { id number } } }\n    }\n  }\n": types.NotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { id title body readAt createdAt ticket { id number } }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }\n": types.MarkNotificationsReadDocument,
    "\n  query AllResolutionActions {\n    resolutionActions { id category label effect creditPercent active }\n  }\n": types.AllResolutionActionsDocument,
    "\n  mutation CreateResolutionAction($input: ResolutionActionInput!) {\n    createResolutionAction(input: $input) { id category label effect creditPercent active }\n  }\n": types.CreateResolutionActionDocument,
    "\n  mutation UpdateResolutionAction($id: ID!, $input: ResolutionActionInput!) {\n    updateResolutionAction(id: $id, input: $input) { id category label effect creditPercent active }\n  }\n": types.UpdateResolutionActionDocument,
    "\n  query ApiKeys { apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt } }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) { key apiKey { id name prefix scopes createdAt lastUsedAt revokedAt } }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n": types.RevokeApiKeyDocument,
    "\n  fragment SavedViewFields on SavedView {\n    id\n    name\n    shared\n    count\n    owner { id name }\n    filter { type category tutorId assigneeId reporterId search sla }\n  }\n": types.SavedViewFieldsFragmentDoc,
    "\n  query SavedViews {\n    savedViews { ...SavedViewFields }\n  }\n": types.SavedViewsDocument,
    "\n  mutation SaveView($input: SavedViewInput!) {\n    saveView(input: $input) { ...SavedViewFields }\n  }\n": types.SaveViewDocument,
    "\n  mutation DeleteView($id: ID!) {\n    deleteView(id: $id)\n  }\n": types.DeleteViewDocument,
    "\n  subscription AnyTicketChanged {\n    ticketChanged { sequence }\n  }\n": types.AnyTicketChangedDocument,
    "\n  query TicketStats($from: DateTime!, $to: DateTime!) {\n    ticketStats(from: $from, to: $to) {\n      opened\n      closed\n      medianHoursToResolution\n      slaMetPercent\n      satisfactionAverage\n      satisfactionResponses\n      credited { amountMinor currency }\n      byCategory { category count }\n      byTutor { tutor { id name } tickets sessions disputeRatePercent credited { amountMinor currency } }\n      weekly { weekStart opened closed satisfactionAverage satisfactionResponses }\n    }\n  }\n": types.TicketStatsDocument,
    "\n  mutation SetPresence($ticketId: ID!, $state: PresenceState!) {\n    setPresence(ticketId: $ticketId, state: $state)\n  }\n": types.SetPresenceDocument,
    "\n  subscription PresenceChanged($ticketId: ID) {\n    presenceChanged(ticketId: $ticketId) { ticketId state at user { id name } }\n  }\n": types.PresenceChangedDocument,
    "\n  query TicketViewers($id: ID!) {\n    ticket(id: $id) { id viewers { state since user { id name } } }\n  }\n": types.TicketViewersDocument,
    "\n  mutation BulkTicketAction($input: BulkTicketActionInput!) {\n    bulkTicketAction(input: $input) { ticketId ok code ticket { id status version assignee { id name } } }\n  }\n": types.BulkTicketActionDocument,
    "\n  query MatchingTicketIds($filter: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id } }\n    }\n  }\n": types.MatchingTicketIdsDocument,
    "\n  query MergeCandidates($search: String!) {\n    tickets(filter: { search: $search }, first: 6) {\n      edges { node { id number title status reporter { id name } } }\n    }\n  }\n": types.MergeCandidatesDocument,
    "\n  mutation MergeTickets($targetId: ID!, $sourceIds: [ID!]!, $comment: String) {\n    mergeTickets(targetId: $targetId, sourceIds: $sourceIds, comment: $comment) { id number status version }\n  }\n": types.MergeTicketsDocument,
    "\n  mutation SplitTicket($ticketId: ID!, $sessionIds: [ID!]!, $title: String!, $comment: String) {\n    splitTicket(ticketId: $ticketId, sessionIds: $sessionIds, title: $title, comment: $comment) { id number }\n  }\n": types.SplitTicketDocument,
    "\n  query TicketEvidence($id: ID!) {\n    ticket(id: $id) {\n      id\n      evidenceDueAt\n      viewerCan { attachEvidence }\n      attachments { id filename contentType size url side createdAt uploadedBy { id name } }\n    }\n  }\n": types.TicketEvidenceDocument,
    "\n  mutation AttachEvidence($ticketId: ID!, $uploadIds: [ID!]!, $comment: String) {\n    attachEvidence(ticketId: $ticketId, uploadIds: $uploadIds, comment: $comment) { id version }\n  }\n": types.AttachEvidenceDocument,
    "\n  query FamilySessions($filter: SessionFilter, $first: Int, $after: String) {\n    sessions(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          ...SessionFields\n          openTicket { id number status }\n        }\n      }\n    }\n  }\n": types.FamilySessionsDocument,
    "\n  query Invoices($first: Int, $after: String) {\n    invoices(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          number\n          status\n          createdAt\n          total { amountMinor currency }\n          credited { amountMinor currency }\n          balance { amountMinor currency }\n        }\n      }\n    }\n  }\n": types.InvoicesDocument,
    "\n  query Invoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      status\n      createdAt\n      issuedAt\n      billedTo { id name }\n      total { amountMinor currency }\n      credited { amountMinor currency }\n      balance { amountMinor currency }\n      lines {\n        id\n        description\n        voided\n        amount { amountMinor currency }\n        credited { amountMinor currency }\n        session {\n          id\n          status\n          subject\n          language\n          scheduledStart\n          tutor { id name }\n          openTicket { id number status }\n        }\n      }\n      creditNotes { id number createdAt reason amount { amountMinor currency } ticket { id number } }\n    }\n  }\n": types.InvoiceDocument,
    "\n  query Payouts($filter: PayoutFilter, $first: Int, $after: String) {\n    payouts(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      summary { status count net { amountMinor currency } }\n      edges {\n        node {\n          id\n          status\n          releasedAt\n          paidAt\n          reference\n          amount { amountMinor currency }\n          deductions { amountMinor currency }\n          net { amountMinor currency }\n          session { id subject language kind scheduledStart }\n          tutor { id name email }\n          heldBy { id number title status }\n          deductionLines {\n            kind\n            amount { amountMinor currency }\n            ticket { id number }\n            otherPayout { id session { subject scheduledStart } }\n          }\n        }\n      }\n    }\n  }\n": types.PayoutsDocument,
    "\n  query TicketPayouts($id: ID!) {\n    ticket(id: $id) {\n      id\n      payouts {\n        id\n        status\n        amount { amountMinor currency }\n        deductions { amountMinor currency }\n        net { amountMinor currency }\n        session { id subject scheduledStart }\n        heldBy { id number }\n      }\n    }\n  }\n": types.TicketPayoutsDocument,
    "\n  mutation MarkPayoutsPaid($ids: [ID!]!, $reference: String!) {\n    markPayoutsPaid(ids: $ids, reference: $reference) { id status paidAt reference }\n  }\n": types.MarkPayoutsPaidDocument,
    "\n  query TicketSatisfaction($id: ID!) {\n    ticket(id: $id) { id viewerCan { rate } satisfaction { score comment ratedAt } }\n  }\n": types.TicketSatisfactionDocument,
    "\n  mutation RateTicket($ticketId: ID!, $score: Int!, $comment: String) {\n    rateTicket(ticketId: $ticketId, score: $score, comment: $comment) { id version }\n  }\n": types.RateTicketDocument,
    "\n  fragment SessionFields on Session {\n    id\n    kind\n    status\n    language\n    subject\n    scheduledStart\n    scheduledEnd\n    price { amountMinor currency }\n    tutor { id name }\n    learners { id name }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  fragment BoardTicketFields on Ticket {\n    id\n    number\n    type\n    category\n    status\n    title\n    description\n    requestedEffect\n    createdAt\n    updatedAt\n    version\n    reporter { id name }\n    tutor { id name }\n    assignee { id name }\n    slaState firstResponseDueAt firstRespondedAt resolutionDueAt\n    viewers { state user { id name } }\n  }\n": types.BoardTicketFieldsFragmentDoc,
    "\n  query BoardColumn($filter: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...BoardTicketFields } }\n    }\n  }\n": types.BoardColumnDocument,
    "\n  subscription TicketChanged($filter: TicketFilter) {\n    ticketChanged(filter: $filter) {\n      kind\n      sequence\n      previousStatus\n      ticket { ...BoardTicketFields }\n    }\n  }\n": types.TicketChangedDocument,
    "\n  subscription FilteredTicketChanged($filter: TicketFilter) {\n    ticketChanged(filter: $filter) {\n      kind\n      sequence\n      previousStatus\n      matchesFilter\n      ticket { ...BoardTicketFields }\n    }\n  }\n": types.FilteredTicketChangedDocument,
    "\n  fragment ViewerCanFields on Ticket {\n    viewerCan { resolve accept escalate assign comment commentInternal merge split }\n  }\n": types.ViewerCanFieldsFragmentDoc,
    "\n  fragment TicketRowFields on Ticket {\n    ...BoardTicketFields\n    ...ViewerCanFields\n    learners { id name }\n    sessions { id language status scheduledStart scheduledEnd learners { id name } }\n  }\n": types.TicketRowFieldsFragmentDoc,
    "\n  query TicketList($filter: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...TicketRowFields } }\n    }\n  }\n": types.TicketListDocument,
    "\n  query TicketRow($id: ID!) {\n    ticket(id: $id) { ...TicketRowFields }\n  }\n": types.TicketRowDocument,
    "\n  fragment TicketDetailFields on Ticket {\n    ...BoardTicketFields\n    firstResponseDueAt\n    resolutionDueAt\n    autoCloseAt\n    overdue\n    reporter { id name email role }\n    learners { id name }\n    evidence {\n      sessionId\n      scheduledMinutes\n      actualMinutes\n      tutorLateMinutes\n      learnerLateMinutes\n      missingMinutes\n      endedByName\n      suggestedCredit { amountMinor currency }\n    }\n    tutor { id name email }\n    assignee { id name }\n    sessions {\n      ...SessionFields\n      lessonId\n      orderId\n      teacherSessionId\n      invoiceLines { id description voided amount { amountMinor currency } credited { amountMinor currency } invoice { id number status } }\n      endedBy { id name role }\n      attendance { user { id name role } joinedAt leftAt }\n    }\n    logs { id action comment internal actor { id name role } fromStatus toStatus createdAt }\n    resolution {\n      outcome\n      comment\n      resolvedAt\n      resolvedBy { id name }\n      credited { amountMinor currency }\n      action { id label effect creditPercent }\n    }\n    creditNotes {\n      id\n      number\n      createdAt\n      amount { amountMinor currency }\n      invoice {\n        id\n        number\n        status\n        lines { id description voided amount { amountMinor currency } credited { amountMinor currency } session { id } }\n      }\n    }\n    mergedInto { id number title }\n    mergedFrom { id number title }\n    ...ViewerCanFields\n  }\n": types.TicketDetailFieldsFragmentDoc,
    "\n  query TicketDetail($id: ID!) {\n    ticket(id: $id) { ...TicketDetailFields }\n  }\n": types.TicketDetailDocument,
    "\n  query ResolutionActions($category: DisputeCategory) {\n    resolutionActions(category: $category) { id category label effect creditPercent active }\n  }\n": types.ResolutionActionsDocument,
    "\n  mutation ResolveTicket($input: ResolveTicketInput!) {\n    resolveTicket(input: $input) { id status version }\n  }\n": types.ResolveTicketDocument,
    "\n  query PreviewResolution($input: ResolveTicketInput!) {\n    previewResolution(input: $input) {\n      credit { amountMinor currency }\n      charge { amountMinor currency }\n      packageCreditsRestored\n      creditNotes\n      lines { credit { amountMinor currency } line { id description invoice { id number status } } }\n    }\n  }\n": types.PreviewResolutionDocument,
    "\n  mutation AcceptResolution($ticketId: ID!, $comment: String) {\n    acceptResolution(ticketId: $ticketId, comment: $comment) { id status version }\n  }\n": types.AcceptResolutionDocument,
    "\n  mutation EscalateTicket($ticketId: ID!, $comment: String!) {\n    escalateTicket(ticketId: $ticketId, comment: $comment) { id status version }\n  }\n": types.EscalateTicketDocument,
    "\n  mutation AssignTicket($ticketId: ID!, $assigneeId: ID) {\n    assignTicket(ticketId: $ticketId, assigneeId: $assigneeId) { id version assignee { id name } }\n  }\n": types.AssignTicketDocument,
    "\n  mutation AddTicketComment($ticketId: ID!, $body: String!, $internal: Boolean) {\n    addTicketComment(ticketId: $ticketId, body: $body, internal: $internal) { id version }\n  }\n": types.AddTicketCommentDocument,
    "\n  mutation ContactTutor($ticketId: ID!, $message: String!) {\n    contactTutor(ticketId: $ticketId, message: $message) { id status channel }\n  }\n": types.ContactTutorDocument,
    "\n  mutation ReportIssue($input: ReportIssueInput!) {\n    reportIssue(input: $input) { id number status }\n  }\n": types.ReportIssueDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { user { id name email role } }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout { logout }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me { me { id name email role } }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount { unreadNotificationCount }\n"): typeof import('./graphql').UnreadNotificationCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int, $unreadOnly: Boolean) {\n    notifications(first: $first, unreadOnly: $unreadOnly) {\n      edges { node { id title body readAt createdAt ticket { id number } } }\n    }\n  }\n"): typeof import('./graphql').NotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded { id title body readAt createdAt ticket { id number } }\n  }\n"): typeof import('./graphql').NotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }\n"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllResolutionActions {\n    resolutionActions { id category label effect creditPercent active }\n  }\n"): typeof import('./graphql').AllResolutionActionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateResolutionAction($input: ResolutionActionInput!) {\n    createResolutionAction(input: $input) { id category label effect creditPercent active }\n  }\n"): typeof import('./graphql').CreateResolutionActionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateResolutionAction($id: ID!, $input: ResolutionActionInput!) {\n    updateResolutionAction(id: $id, input: $input) { id category label effect creditPercent active }\n  }\n"): typeof import('./graphql').UpdateResolutionActionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys { apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt } }\n"): typeof import('./graphql').ApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) { key apiKey { id name prefix scopes createdAt lastUsedAt revokedAt } }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SavedViewFields on SavedView {\n    id\n    name\n    shared\n    count\n    owner { id name }\n    filter { type category tutorId assigneeId reporterId search sla }\n  }\n"): typeof import('./graphql').SavedViewFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedViews {\n    savedViews { ...SavedViewFields }\n  }\n"): typeof import('./graphql').SavedViewsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveView($input: SavedViewInput!) {\n    saveView(input: $input) { ...SavedViewFields }\n  }\n"): typeof import('./graphql').SaveViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteView($id: ID!) {\n    deleteView(id: $id)\n  }\n"): typeof import('./graphql').DeleteViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AnyTicketChanged {\n    ticketChanged { sequence }\n  }\n"): typeof import('./graphql').AnyTicketChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketStats($from: DateTime!, $to: DateTime!) {\n    ticketStats(from: $from, to: $to) {\n      opened\n      closed\n      medianHoursToResolution\n      slaMetPercent\n      satisfactionAverage\n      satisfactionResponses\n      credited { amountMinor currency }\n      byCategory { category count }\n      byTutor { tutor { id name } tickets sessions disputeRatePercent credited { amountMinor currency } }\n      weekly { weekStart opened closed satisfactionAverage satisfactionResponses }\n    }\n  }\n"): typeof import('./graphql').TicketStatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPresence($ticketId: ID!, $state: PresenceState!) {\n    setPresence(ticketId: $ticketId, state: $state)\n  }\n"): typeof import('./graphql').SetPresenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PresenceChanged($ticketId: ID) {\n    presenceChanged(ticketId: $ticketId) { ticketId state at user { id name } }\n  }\n"): typeof import('./graphql').PresenceChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketViewers($id: ID!) {\n    ticket(id: $id) { id viewers { state since user { id name } } }\n  }\n"): typeof import('./graphql').TicketViewersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkTicketAction($input: BulkTicketActionInput!) {\n    bulkTicketAction(input: $input) { ticketId ok code ticket { id status version assignee { id name } } }\n  }\n"): typeof import('./graphql').BulkTicketActionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchingTicketIds($filter: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id } }\n    }\n  }\n"): typeof import('./graphql').MatchingTicketIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MergeCandidates($search: String!) {\n    tickets(filter: { search: $search }, first: 6) {\n      edges { node { id number title status reporter { id name } } }\n    }\n  }\n"): typeof import('./graphql').MergeCandidatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeTickets($targetId: ID!, $sourceIds: [ID!]!, $comment: String) {\n    mergeTickets(targetId: $targetId, sourceIds: $sourceIds, comment: $comment) { id number status version }\n  }\n"): typeof import('./graphql').MergeTicketsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SplitTicket($ticketId: ID!, $sessionIds: [ID!]!, $title: String!, $comment: String) {\n    splitTicket(ticketId: $ticketId, sessionIds: $sessionIds, title: $title, comment: $comment) { id number }\n  }\n"): typeof import('./graphql').SplitTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketEvidence($id: ID!) {\n    ticket(id: $id) {\n      id\n      evidenceDueAt\n      viewerCan { attachEvidence }\n      attachments { id filename contentType size url side createdAt uploadedBy { id name } }\n    }\n  }\n"): typeof import('./graphql').TicketEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachEvidence($ticketId: ID!, $uploadIds: [ID!]!, $comment: String) {\n    attachEvidence(ticketId: $ticketId, uploadIds: $uploadIds, comment: $comment) { id version }\n  }\n"): typeof import('./graphql').AttachEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilySessions($filter: SessionFilter, $first: Int, $after: String) {\n    sessions(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          ...SessionFields\n          openTicket { id number status }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').FamilySessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invoices($first: Int, $after: String) {\n    invoices(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          number\n          status\n          createdAt\n          total { amountMinor currency }\n          credited { amountMinor currency }\n          balance { amountMinor currency }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').InvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      status\n      createdAt\n      issuedAt\n      billedTo { id name }\n      total { amountMinor currency }\n      credited { amountMinor currency }\n      balance { amountMinor currency }\n      lines {\n        id\n        description\n        voided\n        amount { amountMinor currency }\n        credited { amountMinor currency }\n        session {\n          id\n          status\n          subject\n          language\n          scheduledStart\n          tutor { id name }\n          openTicket { id number status }\n        }\n      }\n      creditNotes { id number createdAt reason amount { amountMinor currency } ticket { id number } }\n    }\n  }\n"): typeof import('./graphql').InvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Payouts($filter: PayoutFilter, $first: Int, $after: String) {\n    payouts(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      summary { status count net { amountMinor currency } }\n      edges {\n        node {\n          id\n          status\n          releasedAt\n          paidAt\n          reference\n          amount { amountMinor currency }\n          deductions { amountMinor currency }\n          net { amountMinor currency }\n          session { id subject language kind scheduledStart }\n          tutor { id name email }\n          heldBy { id number title status }\n          deductionLines {\n            kind\n            amount { amountMinor currency }\n            ticket { id number }\n            otherPayout { id session { subject scheduledStart } }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PayoutsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketPayouts($id: ID!) {\n    ticket(id: $id) {\n      id\n      payouts {\n        id\n        status\n        amount { amountMinor currency }\n        deductions { amountMinor currency }\n        net { amountMinor currency }\n        session { id subject scheduledStart }\n        heldBy { id number }\n      }\n    }\n  }\n"): typeof import('./graphql').TicketPayoutsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkPayoutsPaid($ids: [ID!]!, $reference: String!) {\n    markPayoutsPaid(ids: $ids, reference: $reference) { id status paidAt reference }\n  }\n"): typeof import('./graphql').MarkPayoutsPaidDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketSatisfaction($id: ID!) {\n    ticket(id: $id) { id viewerCan { rate } satisfaction { score comment ratedAt } }\n  }\n"): typeof import('./graphql').TicketSatisfactionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateTicket($ticketId: ID!, $score: Int!, $comment: String) {\n    rateTicket(ticketId: $ticketId, score: $score, comment: $comment) { id version }\n  }\n"): typeof import('./graphql').RateTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on Session {\n    id\n    kind\n    status\n    language\n    subject\n    scheduledStart\n    scheduledEnd\n    price { amountMinor currency }\n    tutor { id name }\n    learners { id name }\n  }\n"): typeof import('./graphql').SessionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardTicketFields on Ticket {\n    id\n    number\n    type\n    category\n    status\n    title\n    description\n    requestedEffect\n    createdAt\n    updatedAt\n    version\n    reporter { id name }\n    tutor { id name }\n    assignee { id name }\n    slaState firstResponseDueAt firstRespondedAt resolutionDueAt\n    viewers { state user { id name } }\n  }\n"): typeof import('./graphql').BoardTicketFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardColumn($filter: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...BoardTicketFields } }\n    }\n  }\n"): typeof import('./graphql').BoardColumnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketChanged($filter: TicketFilter) {\n    ticketChanged(filter: $filter) {\n      kind\n      sequence\n      previousStatus\n      ticket { ...BoardTicketFields }\n    }\n  }\n"): typeof import('./graphql').TicketChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FilteredTicketChanged($filter: TicketFilter) {\n    ticketChanged(filter: $filter) {\n      kind\n      sequence\n      previousStatus\n      matchesFilter\n      ticket { ...BoardTicketFields }\n    }\n  }\n"): typeof import('./graphql').FilteredTicketChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerCanFields on Ticket {\n    viewerCan { resolve accept escalate assign comment commentInternal merge split }\n  }\n"): typeof import('./graphql').ViewerCanFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketRowFields on Ticket {\n    ...BoardTicketFields\n    ...ViewerCanFields\n    learners { id name }\n    sessions { id language status scheduledStart scheduledEnd learners { id name } }\n  }\n"): typeof import('./graphql').TicketRowFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketList($filter: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...TicketRowFields } }\n    }\n  }\n"): typeof import('./graphql').TicketListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketRow($id: ID!) {\n    ticket(id: $id) { ...TicketRowFields }\n  }\n"): typeof import('./graphql').TicketRowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketDetailFields on Ticket {\n    ...BoardTicketFields\n    firstResponseDueAt\n    resolutionDueAt\n    autoCloseAt\n    overdue\n    reporter { id name email role }\n    learners { id name }\n    evidence {\n      sessionId\n      scheduledMinutes\n      actualMinutes\n      tutorLateMinutes\n      learnerLateMinutes\n      missingMinutes\n      endedByName\n      suggestedCredit { amountMinor currency }\n    }\n    tutor { id name email }\n    assignee { id name }\n    sessions {\n      ...SessionFields\n      lessonId\n      orderId\n      teacherSessionId\n      invoiceLines { id description voided amount { amountMinor currency } credited { amountMinor currency } invoice { id number status } }\n      endedBy { id name role }\n      attendance { user { id name role } joinedAt leftAt }\n    }\n    logs { id action comment internal actor { id name role } fromStatus toStatus createdAt }\n    resolution {\n      outcome\n      comment\n      resolvedAt\n      resolvedBy { id name }\n      credited { amountMinor currency }\n      action { id label effect creditPercent }\n    }\n    creditNotes {\n      id\n      number\n      createdAt\n      amount { amountMinor currency }\n      invoice {\n        id\n        number\n        status\n        lines { id description voided amount { amountMinor currency } credited { amountMinor currency } session { id } }\n      }\n    }\n    mergedInto { id number title }\n    mergedFrom { id number title }\n    ...ViewerCanFields\n  }\n"): typeof import('./graphql').TicketDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketDetail($id: ID!) {\n    ticket(id: $id) { ...TicketDetailFields }\n  }\n"): typeof import('./graphql').TicketDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResolutionActions($category: DisputeCategory) {\n    resolutionActions(category: $category) { id category label effect creditPercent active }\n  }\n"): typeof import('./graphql').ResolutionActionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveTicket($input: ResolveTicketInput!) {\n    resolveTicket(input: $input) { id status version }\n  }\n"): typeof import('./graphql').ResolveTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewResolution($input: ResolveTicketInput!) {\n    previewResolution(input: $input) {\n      credit { amountMinor currency }\n      charge { amountMinor currency }\n      packageCreditsRestored\n      creditNotes\n      lines { credit { amountMinor currency } line { id description invoice { id number status } } }\n    }\n  }\n"): typeof import('./graphql').PreviewResolutionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptResolution($ticketId: ID!, $comment: String) {\n    acceptResolution(ticketId: $ticketId, comment: $comment) { id status version }\n  }\n"): typeof import('./graphql').AcceptResolutionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EscalateTicket($ticketId: ID!, $comment: String!) {\n    escalateTicket(ticketId: $ticketId, comment: $comment) { id status version }\n  }\n"): typeof import('./graphql').EscalateTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignTicket($ticketId: ID!, $assigneeId: ID) {\n    assignTicket(ticketId: $ticketId, assigneeId: $assigneeId) { id version assignee { id name } }\n  }\n"): typeof import('./graphql').AssignTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTicketComment($ticketId: ID!, $body: String!, $internal: Boolean) {\n    addTicketComment(ticketId: $ticketId, body: $body, internal: $internal) { id version }\n  }\n"): typeof import('./graphql').AddTicketCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ContactTutor($ticketId: ID!, $message: String!) {\n    contactTutor(ticketId: $ticketId, message: $message) { id status channel }\n  }\n"): typeof import('./graphql').ContactTutorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportIssue($input: ReportIssueInput!) {\n    reportIssue(input: $input) { id number status }\n  }\n"): typeof import('./graphql').ReportIssueDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
