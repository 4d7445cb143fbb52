/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What a bulk action does to each ticket. */
export type BulkAction =
  /** Assign to assigneeId (null: unassign). */
  | 'ASSIGN'
  /** Add the comment. */
  | 'COMMENT'
  /** Escalate (with the comment, or a standard one). */
  | 'ESCALATE';

/** One action on many tickets. */
export type BulkTicketActionInput = {
  /** What to do with each. */
  action: BulkAction;
  /** ASSIGN: the coordinator or admin (null unassigns). */
  assigneeId?: string | number | null | undefined;
  /** COMMENT: the text; ESCALATE: the reason. */
  comment?: string | null | undefined;
  /** COMMENT: staff-only. */
  internal?: boolean | null | undefined;
  /** The tickets, at most 200. */
  ticketIds: Array<string | number>;
};

/** How a message is sent. */
export type DeliveryChannel =
  /** By email. */
  | 'EMAIL'
  /** On Telegram. */
  | 'TELEGRAM';

/** Where a message or a webhook delivery is. */
export type DeliveryStatus =
  /** Every attempt failed; retryDelivery (or redeliverWebhook) sends it again. */
  | 'DEAD'
  /** Waiting to be sent, or to be tried again. */
  | 'PENDING'
  /** Sent (a webhook: the endpoint answered 2xx). */
  | 'SENT'
  /** Not sent: the recipient turned the channel off or has no address for it. */
  | 'SKIPPED';

/** What a ticket is about. */
export type DisputeCategory =
  /** What was billed. */
  | 'BILLING'
  /** The session was shorter than booked (late start, early end). */
  | 'DURATION'
  /** The tutor (or the learner) did not come. */
  | 'NO_SHOW'
  /** The teaching itself. */
  | 'QUALITY'
  /** When the session was or should have been. */
  | 'SCHEDULING';

/** Whose side an attachment comes from. */
export type EvidenceSide =
  /** The reporter (learner or parent). */
  | 'REPORTER'
  /** A coordinator or admin. */
  | 'STAFF'
  /** The tutor. */
  | 'TUTOR';

/** Where an invoice is in billing. */
export type InvoiceStatus =
  /** Lines are still added; a credit reduces or voids lines. */
  | 'DRAFT'
  /** Sent to be paid; a credit is a credit note. */
  | 'ISSUED'
  /** Paid; a credit is a credit note. */
  | 'PAID'
  /** Cancelled. */
  | 'VOID';

/** Why part of a payout is deducted. */
export type PayoutDeductionKind =
  /** A credit decided after an earlier payout was paid, taken from this one. */
  | 'CARRIED_FROM_EARLIER'
  /** A credit decided after this payout was paid, taken from later ones. */
  | 'CARRIED_TO_LATER'
  /** The tutor's share of what was credited on this session. */
  | 'SESSION_CREDIT';

/** Every field given must match. */
export type PayoutFilter = {
  /** Sessions scheduled at or after. */
  from?: string | null | undefined;
  /** Only payouts in this status. */
  status?: PayoutStatus | null | undefined;
  /** Sessions scheduled before. */
  to?: string | null | undefined;
  /** Only this tutor's payouts (staff). */
  tutorId?: string | number | null | undefined;
};

/** Where a tutor's payout is. */
export type PayoutStatus =
  /** A ticket on the session is open. */
  | 'HELD'
  /** Paid in a payment run. */
  | 'PAID'
  /** Free to be paid, less its deductions. */
  | 'RELEASED';

/** What a staff member is doing on a ticket. */
export type PresenceState =
  /** Closed it. */
  | 'LEFT'
  /** Is writing on it. */
  | 'TYPING'
  /** Has it open. */
  | 'VIEWING';

/** What is reported, on which sessions. */
export type ReportIssueInput = {
  /** What it is about; every type needs one, SUPPORT and FEEDBACK too (the subject it is closest to). */
  category: DisputeCategory;
  /** What happened, at most 5000 characters. */
  description: string;
  /** The same key from the same caller returns the first ticket and creates nothing. */
  idempotencyKey?: string | null | undefined;
  /** The remedy the reporter asks for; the tutor can grant exactly that in one step. */
  requestedEffect?: ResolutionEffect | null | undefined;
  /** The sessions: a DISPUTE needs at least one, all COMPLETED and of one tutor; SUPPORT and FEEDBACK may have none. */
  sessionIds: Array<string | number>;
  /** A title, at most 200 characters. */
  title: string;
  /** DISPUTE when left out; RISK tickets are opened by staff. */
  type?: TicketType | null | undefined;
};

/** A way to resolve tickets of one category. */
export type ResolutionActionInput = {
  /** Offered for new resolutions; true when left out. */
  active?: boolean | null | undefined;
  /** Null: offered for every category. */
  category?: DisputeCategory | null | undefined;
  /** For PARTIAL_CREDIT: 1 to 99. */
  creditPercent?: number | null | undefined;
  /** What it does to the money. */
  effect: ResolutionEffect;
  /** As shown to whoever resolves. */
  label: string;
};

/** What a resolution does to the money. */
export type ResolutionEffect =
  /** The disputed learners' price is credited in full. */
  | 'FULL_CREDIT'
  /** Nothing moves. */
  | 'NONE'
  /** A percentage or an amount is credited. */
  | 'PARTIAL_CREDIT'
  /** The session is to be taught again; nothing is credited. */
  | 'RESCHEDULE'
  /** The package credit the session used comes back. */
  | 'RESTORE_PACKAGE_CREDIT';

/** Staff's decision on a dispute. */
export type ResolutionOutcome =
  /** The tutor is right: nothing is credited. */
  | 'IN_FAVOR_OF_EDUCATOR'
  /** The reporter is right: the disputed price is credited. */
  | 'IN_FAVOR_OF_PARENT'
  /** Part is credited (creditAmountMinor, half by default). */
  | 'SPLIT';

/** A resolution or a final decision, the same for resolveTicket and previewResolution. */
export type ResolveTicketInput = {
  /** An admin-defined resolution action (required for tutors). */
  actionId?: string | number | null | undefined;
  /** Why, as told to the reporter (1 to 5000 characters). */
  comment: string;
  /** Overrides the credit of a SPLIT outcome or a PARTIAL_CREDIT action, in minor units. */
  creditAmountMinor?: number | null | undefined;
  /** The ticket's version the caller saw; a newer one is CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** Grant exactly the remedy the reporter asked for (requestedEffect). */
  grantRequestedEffect?: boolean | null | undefined;
  /** Coordinators and admins: in favour of the parent, the educator, or split. */
  outcome?: ResolutionOutcome | null | undefined;
  /** The ticket to resolve or decide. */
  ticketId: string | number;
};

/** What a user is; decides what they may see and do. */
export type Role =
  /** Staff: everything a coordinator does, the final decision on escalations, keys, roles and payouts. */
  | 'ADMIN'
  /** Staff: runs the board, resolves and assigns tickets. */
  | 'COORDINATOR'
  /** Takes sessions; sees their own sessions, invoices and tickets. */
  | 'LEARNER'
  /** A learner's parent: pays, reports, sees their children's sessions. */
  | 'PARENT'
  /** Teaches sessions; resolves tickets on them with a resolution action. */
  | 'TUTOR';

/** A saved board filter. */
export type SavedViewInput = {
  /** The board filter. */
  filter: TicketFilter;
  /** Given: update this view (yours). */
  id?: string | number | null | undefined;
  /** Its name, 1 to 80 characters, unique among the caller's views. */
  name: string;
  /** Shown to every coordinator and admin. */
  shared?: boolean | null | undefined;
};

/** Every field given must match. */
export type SessionFilter = {
  /** Only sessions starting at or after this time. */
  from?: string | null | undefined;
  /** Only sessions of this learner (a parent: one of their children). */
  learnerId?: string | number | null | undefined;
  /** Only sessions in this status. */
  status?: SessionStatus | null | undefined;
  /** Only sessions starting before this time. */
  to?: string | null | undefined;
};

/** One-on-one or group. */
export type SessionKind =
  /** A group class. */
  | 'GROUP'
  /** One learner with the tutor. */
  | 'ONE_ON_ONE';

/** Where a session is. */
export type SessionStatus =
  /** Cancelled before it started; nothing is charged. */
  | 'CANCELLED'
  /** It took place (issues may be reported on it). */
  | 'COMPLETED'
  /** Still to come. */
  | 'SCHEDULED';

/** AT_RISK: less than a quarter of the time left. */
export type SlaState =
  /** A pending due time has less than a quarter of its window left. */
  | 'AT_RISK'
  /** The first response or the resolution came, or is still missing, after its due time. */
  | 'BREACHED'
  /** Resolved or closed with both due times kept. */
  | 'MET'
  /** Every pending due time has more than a quarter of its window left. */
  | 'ON_TRACK';

/** What kind of change a ticket event is. */
export type TicketEventKind =
  /** It was assigned or unassigned. */
  | 'ASSIGNED'
  /** Someone commented. */
  | 'COMMENTED'
  /** The ticket was reported. */
  | 'CREATED'
  /** Its status changed. */
  | 'STATUS_CHANGED'
  /** Anything else changed (evidence, merge, split, ...). */
  | 'UPDATED';

/** Every field given must match. The same filter selects `tickets` and `ticketChanged` (see TicketEvent.matchesFilter). */
export type TicketFilter = {
  /** Only tickets assigned to this person. */
  assigneeId?: string | number | null | undefined;
  /** Only tickets of this category. */
  category?: DisputeCategory | null | undefined;
  /** Created at or after */
  from?: string | null | undefined;
  /** Only tickets reported by this person. */
  reporterId?: string | number | null | undefined;
  /** Found, case-insensitively, in the title, the description or the number (e.g. "T-000123") */
  search?: string | null | undefined;
  /** In one of these SLA states now */
  sla?: Array<SlaState> | null | undefined;
  /** Only tickets in these statuses. */
  status?: Array<TicketStatus> | null | undefined;
  /** Created before */
  to?: string | null | undefined;
  /** Only this tutor's tickets. */
  tutorId?: string | number | null | undefined;
  /** Only tickets of this type. */
  type?: TicketType | null | undefined;
};

/** Where a ticket is in its lifecycle (docs/API.md, 'Lifecycle'). */
export type TicketStatus =
  /** Done; nothing changes any more (but a rating). */
  | 'CLOSED'
  /** Waiting for the final decision of an admin. */
  | 'ESCALATED'
  /** Open, waiting for a resolution. */
  | 'ONGOING'
  /** Resolved; the reporter may accept or escalate; closes itself after AUTO_CLOSE_AFTER. */
  | 'RESOLVED';

/** What kind of ticket it is. */
export type TicketType =
  /** A claim about completed sessions (money may move). */
  | 'DISPUTE'
  /** Praise or a suggestion. */
  | 'FEEDBACK'
  /** A concern opened by staff. */
  | 'RISK'
  /** A question or a problem to help with. */
  | 'SUPPORT';

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { user: { id: string, name: string, email: string | null, role: Role } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, email: string | null, role: Role } | null };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type NotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type NotificationsQuery = { notifications: { edges: Array<{ node: { id: string, title: string, body: string, readAt: string | null, createdAt: string, ticket: { id: string, number: string } | null } }> } };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { notificationAdded: { id: string, title: string, body: string, readAt: string | null, createdAt: string, ticket: { id: string, number: string } | null } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type AllResolutionActionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AllResolutionActionsQuery = { resolutionActions: Array<{ id: string, category: DisputeCategory | null, label: string, effect: ResolutionEffect, creditPercent: number | null, active: boolean }> };

export type CreateResolutionActionMutationVariables = Exact<{
  input: ResolutionActionInput;
}>;


export type CreateResolutionActionMutation = { createResolutionAction: { id: string, category: DisputeCategory | null, label: string, effect: ResolutionEffect, creditPercent: number | null, active: boolean } };

export type UpdateResolutionActionMutationVariables = Exact<{
  id: string | number;
  input: ResolutionActionInput;
}>;


export type UpdateResolutionActionMutation = { updateResolutionAction: { id: string, category: DisputeCategory | null, label: string, effect: ResolutionEffect, creditPercent: number | null, active: boolean } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type CreateApiKeyMutationVariables = Exact<{
  name: string;
  scopes: Array<string> | string;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type SavedViewFieldsFragment = { id: string, name: string, shared: boolean, count: number, owner: { id: string, name: string }, filter: { type: TicketType | null, category: DisputeCategory | null, tutorId: string | null, assigneeId: string | null, reporterId: string | null, search: string | null, sla: Array<SlaState> | null } };

export type SavedViewsQueryVariables = Exact<{ [key: string]: never; }>;


export type SavedViewsQuery = { savedViews: Array<{ id: string, name: string, shared: boolean, count: number, owner: { id: string, name: string }, filter: { type: TicketType | null, category: DisputeCategory | null, tutorId: string | null, assigneeId: string | null, reporterId: string | null, search: string | null, sla: Array<SlaState> | null } }> };

export type SaveViewMutationVariables = Exact<{
  input: SavedViewInput;
}>;


export type SaveViewMutation = { saveView: { id: string, name: string, shared: boolean, count: number, owner: { id: string, name: string }, filter: { type: TicketType | null, category: DisputeCategory | null, tutorId: string | null, assigneeId: string | null, reporterId: string | null, search: string | null, sla: Array<SlaState> | null } } };

export type DeleteViewMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteViewMutation = { deleteView: boolean };

export type AnyTicketChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AnyTicketChangedSubscription = { ticketChanged: { sequence: number } };

export type TicketStatsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type TicketStatsQuery = { ticketStats: { opened: number, closed: number, medianHoursToResolution: number | null, slaMetPercent: number | null, satisfactionAverage: number | null, satisfactionResponses: number, credited: Array<{ amountMinor: number, currency: string }>, byCategory: Array<{ category: DisputeCategory | null, count: number }>, byTutor: Array<{ tickets: number, sessions: number, disputeRatePercent: number, tutor: { id: string, name: string }, credited: Array<{ amountMinor: number, currency: string }> }>, weekly: Array<{ weekStart: string, opened: number, closed: number, satisfactionAverage: number | null, satisfactionResponses: number }> } };

export type SetPresenceMutationVariables = Exact<{
  ticketId: string | number;
  state: PresenceState;
}>;


export type SetPresenceMutation = { setPresence: boolean };

export type PresenceChangedSubscriptionVariables = Exact<{
  ticketId?: string | number | null | undefined;
}>;


export type PresenceChangedSubscription = { presenceChanged: { ticketId: string, state: PresenceState, at: string, user: { id: string, name: string } } };

export type TicketViewersQueryVariables = Exact<{
  id: string | number;
}>;


export type TicketViewersQuery = { ticket: { id: string, viewers: Array<{ state: PresenceState, since: string, user: { id: string, name: string } }> } | null };

export type BulkTicketActionMutationVariables = Exact<{
  input: BulkTicketActionInput;
}>;


export type BulkTicketActionMutation = { bulkTicketAction: Array<{ ticketId: string, ok: boolean, code: string | null, ticket: { id: string, status: TicketStatus, version: number, assignee: { id: string, name: string } | null } | null }> };

export type MatchingTicketIdsQueryVariables = Exact<{
  filter?: TicketFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MatchingTicketIdsQuery = { tickets: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string } }> } };

export type MergeCandidatesQueryVariables = Exact<{
  search: string;
}>;


export type MergeCandidatesQuery = { tickets: { edges: Array<{ node: { id: string, number: string, title: string, status: TicketStatus, reporter: { id: string, name: string } } }> } };

export type MergeTicketsMutationVariables = Exact<{
  targetId: string | number;
  sourceIds: Array<string | number> | string | number;
  comment?: string | null | undefined;
}>;


export type MergeTicketsMutation = { mergeTickets: { id: string, number: string, status: TicketStatus, version: number } };

export type SplitTicketMutationVariables = Exact<{
  ticketId: string | number;
  sessionIds: Array<string | number> | string | number;
  title: string;
  comment?: string | null | undefined;
}>;


export type SplitTicketMutation = { splitTicket: { id: string, number: string } };

export type TicketEvidenceQueryVariables = Exact<{
  id: string | number;
}>;


export type TicketEvidenceQuery = { ticket: { id: string, evidenceDueAt: string | null, viewerCan: { attachEvidence: boolean }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string, side: EvidenceSide, createdAt: string, uploadedBy: { id: string, name: string } }> } | null };

export type AttachEvidenceMutationVariables = Exact<{
  ticketId: string | number;
  uploadIds: Array<string | number> | string | number;
  comment?: string | null | undefined;
}>;


export type AttachEvidenceMutation = { attachEvidence: { id: string, version: number } };

export type FamilySessionsQueryVariables = Exact<{
  filter?: SessionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FamilySessionsQuery = { sessions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: SessionKind, status: SessionStatus, language: string, subject: string, scheduledStart: string, scheduledEnd: string, openTicket: { id: string, number: string, status: TicketStatus } | null, price: { amountMinor: number, currency: string }, tutor: { id: string, name: string }, learners: Array<{ id: string, name: string }> } }> } };

export type InvoicesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InvoicesQuery = { invoices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, status: InvoiceStatus, createdAt: string, total: { amountMinor: number, currency: string }, credited: { amountMinor: number, currency: string }, balance: { amountMinor: number, currency: string } } }> } };

export type InvoiceQueryVariables = Exact<{
  id: string | number;
}>;


export type InvoiceQuery = { invoice: { id: string, number: string, status: InvoiceStatus, createdAt: string, issuedAt: string | null, billedTo: { id: string, name: string }, total: { amountMinor: number, currency: string }, credited: { amountMinor: number, currency: string }, balance: { amountMinor: number, currency: string }, lines: Array<{ id: string, description: string, voided: boolean, amount: { amountMinor: number, currency: string }, credited: { amountMinor: number, currency: string }, session: { id: string, status: SessionStatus, subject: string, language: string, scheduledStart: string, tutor: { id: string, name: string }, openTicket: { id: string, number: string, status: TicketStatus } | null } | null }>, creditNotes: Array<{ id: string, number: string, createdAt: string, reason: string | null, amount: { amountMinor: number, currency: string }, ticket: { id: string, number: string } | null }> } | null };

export type PayoutsQueryVariables = Exact<{
  filter?: PayoutFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PayoutsQuery = { payouts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, summary: Array<{ status: PayoutStatus, count: number, net: Array<{ amountMinor: number, currency: string }> }>, edges: Array<{ node: { id: string, status: PayoutStatus, releasedAt: string | null, paidAt: string | null, reference: string | null, amount: { amountMinor: number, currency: string }, deductions: { amountMinor: number, currency: string }, net: { amountMinor: number, currency: string }, session: { id: string, subject: string, language: string, kind: SessionKind, scheduledStart: string }, tutor: { id: string, name: string, email: string | null }, heldBy: Array<{ id: string, number: string, title: string, status: TicketStatus }>, deductionLines: Array<{ kind: PayoutDeductionKind, amount: { amountMinor: number, currency: string }, ticket: { id: string, number: string } | null, otherPayout: { id: string, session: { subject: string, scheduledStart: string } } | null }> } }> } };

export type TicketPayoutsQueryVariables = Exact<{
  id: string | number;
}>;


export type TicketPayoutsQuery = { ticket: { id: string, payouts: Array<{ id: string, status: PayoutStatus, amount: { amountMinor: number, currency: string }, deductions: { amountMinor: number, currency: string }, net: { amountMinor: number, currency: string }, session: { id: string, subject: string, scheduledStart: string }, heldBy: Array<{ id: string, number: string }> }> } | null };

export type MarkPayoutsPaidMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  reference: string;
}>;


export type MarkPayoutsPaidMutation = { markPayoutsPaid: Array<{ id: string, status: PayoutStatus, paidAt: string | null, reference: string | null }> };

export type TicketSatisfactionQueryVariables = Exact<{
  id: string | number;
}>;


export type TicketSatisfactionQuery = { ticket: { id: string, viewerCan: { rate: boolean }, satisfaction: { score: number, comment: string | null, ratedAt: string } | null } | null };

export type RateTicketMutationVariables = Exact<{
  ticketId: string | number;
  score: number;
  comment?: string | null | undefined;
}>;


export type RateTicketMutation = { rateTicket: { id: string, version: number } };

export type SessionFieldsFragment = { id: string, kind: SessionKind, status: SessionStatus, language: string, subject: string, scheduledStart: string, scheduledEnd: string, price: { amountMinor: number, currency: string }, tutor: { id: string, name: string }, learners: Array<{ id: string, name: string }> };

export type BoardTicketFieldsFragment = { id: string, number: string, type: TicketType, category: DisputeCategory | null, status: TicketStatus, title: string, description: string, requestedEffect: ResolutionEffect | null, createdAt: string, updatedAt: string, version: number, slaState: SlaState, firstResponseDueAt: string | null, firstRespondedAt: string | null, resolutionDueAt: string | null, reporter: { id: string, name: string }, tutor: { id: string, name: string } | null, assignee: { id: string, name: string } | null, viewers: Array<{ state: PresenceState, user: { id: string, name: string } }> };

export type BoardColumnQueryVariables = Exact<{
  filter?: TicketFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BoardColumnQuery = { tickets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, type: TicketType, category: DisputeCategory | null, status: TicketStatus, title: string, description: string, requestedEffect: ResolutionEffect | null, createdAt: string, updatedAt: string, version: number, slaState: SlaState, firstResponseDueAt: string | null, firstRespondedAt: string | null, resolutionDueAt: string | null, reporter: { id: string, name: string }, tutor: { id: string, name: string } | null, assignee: { id: string, name: string } | null, viewers: Array<{ state: PresenceState, user: { id: string, name: string } }> } }> } };

export type TicketChangedSubscriptionVariables = Exact<{
  filter?: TicketFilter | null | undefined;
}>;


export type TicketChangedSubscription = { ticketChanged: { kind: TicketEventKind, sequence: number, previousStatus: TicketStatus | null, ticket: { id: string, number: string, type: TicketType, category: DisputeCategory | null, status: TicketStatus, title: string, description: string, requestedEffect: ResolutionEffect | null, createdAt: string, updatedAt: string, version: number, slaState: SlaState, firstResponseDueAt: string | null, firstRespondedAt: string | null, resolutionDueAt: string | null, reporter: { id: string, name: string }, tutor: { id: string, name: string } | null, assignee: { id: string, name: string } | null, viewers: Array<{ state: PresenceState, user: { id: string, name: string } }> } } };

export type FilteredTicketChangedSubscriptionVariables = Exact<{
  filter?: TicketFilter | null | undefined;
}>;


export type FilteredTicketChangedSubscription = { ticketChanged: { kind: TicketEventKind, sequence: number, previousStatus: TicketStatus | null, matchesFilter: boolean, ticket: { id: string, number: string, type: TicketType, category: DisputeCategory | null, status: TicketStatus, title: string, description: string, requestedEffect: ResolutionEffect | null, createdAt: string, updatedAt: string, version: number, slaState: SlaState, firstResponseDueAt: string | null, firstRespondedAt: string | null, resolutionDueAt: string | null, reporter: { id: string, name: string }, tutor: { id: string, name: string } | null, assignee: { id: string, name: string } | null, viewers: Array<{ state: PresenceState, user: { id: string, name: string } }> } } };

export type ViewerCanFieldsFragment = { viewerCan: { resolve: boolean, accept: boolean, escalate: boolean, assign: boolean, comment: boolean, commentInternal: boolean, merge: boolean, split: boolean } };

export type TicketRowFieldsFragment = { id: string, number: string, type: TicketType, category: DisputeCategory | null, status: TicketStatus, title: string, description: string, requestedEffect: ResolutionEffect | null, createdAt: string, updatedAt: string, version: number, slaState: SlaState, firstResponseDueAt: string | null, firstRespondedAt: string | null, resolutionDueAt: string | null, learners: Array<{ id: string, name: string }>, sessions: Array<{ id: string, language: string, status: SessionStatus, scheduledStart: string, scheduledEnd: string, learners: Array<{ id: string, name: string }> }>, reporter: { id: string, name: string }, tutor: { id: string, name: string } | null, assignee: { id: string, name: string } | null, viewers: Array<{ state: PresenceState, user: { id: string, name: string } }>, viewerCan: { resolve: boolean, accept: boolean, escalate: boolean, assign: boolean, comment: boolean, commentInternal: boolean, merge: boolean, split: boolean } };

export type TicketListQueryVariables = Exact<{
  filter?: TicketFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TicketListQuery = { tickets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, type: TicketType, category: DisputeCategory | null, status: TicketStatus, title: string, description: string, requestedEffect: ResolutionEffect | null, createdAt: string, updatedAt: string, version: number, slaState: SlaState, firstResponseDueAt: string | null, firstRespondedAt: string | null, resolutionDueAt: string | null, learners: Array<{ id: string, name: string }>, sessions: Array<{ id: string, language: string, status: SessionStatus, scheduledStart: string, scheduledEnd: string, learners: Array<{ id: string, name: string }> }>, reporter: { id: string, name: string }, tutor: { id: string, name: string } | null, assignee: { id: string, name: string } | null, viewers: Array<{ state: PresenceState, user: { id: string, name: string } }>, viewerCan: { resolve: boolean, accept: boolean, escalate: boolean, assign: boolean, comment: boolean, commentInternal: boolean, merge: boolean, split: boolean } } }> } };

export type TicketRowQueryVariables = Exact<{
  id: string | number;
}>;


export type TicketRowQuery = { ticket: { id: string, number: string, type: TicketType, category: DisputeCategory | null, status: TicketStatus, title: string, description: string, requestedEffect: ResolutionEffect | null, createdAt: string, updatedAt: string, version: number, slaState: SlaState, firstResponseDueAt: string | null, firstRespondedAt: string | null, resolutionDueAt: string | null, learners: Array<{ id: string, name: string }>, sessions: Array<{ id: string, language: string, status: SessionStatus, scheduledStart: string, scheduledEnd: string, learners: Array<{ id: string, name: string }> }>, reporter: { id: string, name: string }, tutor: { id: string, name: string } | null, assignee: { id: string, name: string } | null, viewers: Array<{ state: PresenceState, user: { id: string, name: string } }>, viewerCan: { resolve: boolean, accept: boolean, escalate: boolean, assign: boolean, comment: boolean, commentInternal: boolean, merge: boolean, split: boolean } } | null };

export type TicketDetailFieldsFragment = { firstResponseDueAt: string | null, resolutionDueAt: string | null, autoCloseAt: string | null, overdue: boolean, id: string, number: string, type: TicketType, category: DisputeCategory | null, status: TicketStatus, title: string, description: string, requestedEffect: ResolutionEffect | null, createdAt: string, updatedAt: string, version: number, slaState: SlaState, firstRespondedAt: string | null, reporter: { id: string, name: string, email: string | null, role: Role }, learners: Array<{ id: string, name: string }>, evidence: Array<{ sessionId: string, scheduledMinutes: number, actualMinutes: number | null, tutorLateMinutes: number | null, learnerLateMinutes: number | null, missingMinutes: number | null, endedByName: string | null, suggestedCredit: { amountMinor: number, currency: string } | null }>, tutor: { id: string, name: string, email: string | null } | null, assignee: { id: string, name: string } | null, sessions: Array<{ lessonId: string | null, orderId: string | null, teacherSessionId: string | null, id: string, kind: SessionKind, status: SessionStatus, language: string, subject: string, scheduledStart: string, scheduledEnd: string, invoiceLines: Array<{ id: string, description: string, voided: boolean, amount: { amountMinor: number, currency: string }, credited: { amountMinor: number, currency: string }, invoice: { id: string, number: string, status: InvoiceStatus } }>, endedBy: { id: string, name: string, role: Role } | null, attendance: Array<{ joinedAt: string | null, leftAt: string | null, user: { id: string, name: string, role: Role } }>, price: { amountMinor: number, currency: string }, tutor: { id: string, name: string }, learners: Array<{ id: string, name: string }> }>, logs: Array<{ id: string, action: string, comment: string | null, internal: boolean, fromStatus: TicketStatus | null, toStatus: TicketStatus | null, createdAt: string, actor: { id: string, name: string, role: Role } | null }>, resolution: { outcome: ResolutionOutcome | null, comment: string, resolvedAt: string, resolvedBy: { id: string, name: string }, credited: { amountMinor: number, currency: string } | null, action: { id: string, label: string, effect: ResolutionEffect, creditPercent: number | null } | null } | null, creditNotes: Array<{ id: string, number: string, createdAt: string, amount: { amountMinor: number, currency: string }, invoice: { id: string, number: string, status: InvoiceStatus, lines: Array<{ id: string, description: string, voided: boolean, amount: { amountMinor: number, currency: string }, credited: { amountMinor: number, currency: string }, session: { id: string } | null }> } }>, mergedInto: { id: string, number: string, title: string } | null, mergedFrom: Array<{ id: string, number: string, title: string }>, viewers: Array<{ state: PresenceState, user: { id: string, name: string } }>, viewerCan: { resolve: boolean, accept: boolean, escalate: boolean, assign: boolean, comment: boolean, commentInternal: boolean, merge: boolean, split: boolean } };

export type TicketDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type TicketDetailQuery = { ticket: { firstResponseDueAt: string | null, resolutionDueAt: string | null, autoCloseAt: string | null, overdue: boolean, id: string, number: string, type: TicketType, category: DisputeCategory | null, status: TicketStatus, title: string, description: string, requestedEffect: ResolutionEffect | null, createdAt: string, updatedAt: string, version: number, slaState: SlaState, firstRespondedAt: string | null, reporter: { id: string, name: string, email: string | null, role: Role }, learners: Array<{ id: string, name: string }>, evidence: Array<{ sessionId: string, scheduledMinutes: number, actualMinutes: number | null, tutorLateMinutes: number | null, learnerLateMinutes: number | null, missingMinutes: number | null, endedByName: string | null, suggestedCredit: { amountMinor: number, currency: string } | null }>, tutor: { id: string, name: string, email: string | null } | null, assignee: { id: string, name: string } | null, sessions: Array<{ lessonId: string | null, orderId: string | null, teacherSessionId: string | null, id: string, kind: SessionKind, status: SessionStatus, language: string, subject: string, scheduledStart: string, scheduledEnd: string, invoiceLines: Array<{ id: string, description: string, voided: boolean, amount: { amountMinor: number, currency: string }, credited: { amountMinor: number, currency: string }, invoice: { id: string, number: string, status: InvoiceStatus } }>, endedBy: { id: string, name: string, role: Role } | null, attendance: Array<{ joinedAt: string | null, leftAt: string | null, user: { id: string, name: string, role: Role } }>, price: { amountMinor: number, currency: string }, tutor: { id: string, name: string }, learners: Array<{ id: string, name: string }> }>, logs: Array<{ id: string, action: string, comment: string | null, internal: boolean, fromStatus: TicketStatus | null, toStatus: TicketStatus | null, createdAt: string, actor: { id: string, name: string, role: Role } | null }>, resolution: { outcome: ResolutionOutcome | null, comment: string, resolvedAt: string, resolvedBy: { id: string, name: string }, credited: { amountMinor: number, currency: string } | null, action: { id: string, label: string, effect: ResolutionEffect, creditPercent: number | null } | null } | null, creditNotes: Array<{ id: string, number: string, createdAt: string, amount: { amountMinor: number, currency: string }, invoice: { id: string, number: string, status: InvoiceStatus, lines: Array<{ id: string, description: string, voided: boolean, amount: { amountMinor: number, currency: string }, credited: { amountMinor: number, currency: string }, session: { id: string } | null }> } }>, mergedInto: { id: string, number: string, title: string } | null, mergedFrom: Array<{ id: string, number: string, title: string }>, viewers: Array<{ state: PresenceState, user: { id: string, name: string } }>, viewerCan: { resolve: boolean, accept: boolean, escalate: boolean, assign: boolean, comment: boolean, commentInternal: boolean, merge: boolean, split: boolean } } | null };

export type ResolutionActionsQueryVariables = Exact<{
  category?: DisputeCategory | null | undefined;
}>;


export type ResolutionActionsQuery = { resolutionActions: Array<{ id: string, category: DisputeCategory | null, label: string, effect: ResolutionEffect, creditPercent: number | null, active: boolean }> };

export type ResolveTicketMutationVariables = Exact<{
  input: ResolveTicketInput;
}>;


export type ResolveTicketMutation = { resolveTicket: { id: string, status: TicketStatus, version: number } };

export type PreviewResolutionQueryVariables = Exact<{
  input: ResolveTicketInput;
}>;


export type PreviewResolutionQuery = { previewResolution: { packageCreditsRestored: number, creditNotes: number, credit: { amountMinor: number, currency: string }, charge: { amountMinor: number, currency: string }, lines: Array<{ credit: { amountMinor: number, currency: string }, line: { id: string, description: string, invoice: { id: string, number: string, status: InvoiceStatus } } }> } };

export type AcceptResolutionMutationVariables = Exact<{
  ticketId: string | number;
  comment?: string | null | undefined;
}>;


export type AcceptResolutionMutation = { acceptResolution: { id: string, status: TicketStatus, version: number } };

export type EscalateTicketMutationVariables = Exact<{
  ticketId: string | number;
  comment: string;
}>;


export type EscalateTicketMutation = { escalateTicket: { id: string, status: TicketStatus, version: number } };

export type AssignTicketMutationVariables = Exact<{
  ticketId: string | number;
  assigneeId?: string | number | null | undefined;
}>;


export type AssignTicketMutation = { assignTicket: { id: string, version: number, assignee: { id: string, name: string } | null } };

export type AddTicketCommentMutationVariables = Exact<{
  ticketId: string | number;
  body: string;
  internal?: boolean | null | undefined;
}>;


export type AddTicketCommentMutation = { addTicketComment: { id: string, version: number } };

export type ContactTutorMutationVariables = Exact<{
  ticketId: string | number;
  message: string;
}>;


export type ContactTutorMutation = { contactTutor: { id: string, status: DeliveryStatus, channel: DeliveryChannel } };

export type ReportIssueMutationVariables = Exact<{
  input: ReportIssueInput;
}>;


export type ReportIssueMutation = { reportIssue: { id: string, number: string, status: TicketStatus } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SavedViewFieldsFragmentDoc = new TypedDocumentString(`
    fragment SavedViewFields on SavedView {
  id
  name
  shared
  count
  owner {
    id
    name
  }
  filter {
    type
    category
    tutorId
    assigneeId
    reporterId
    search
    sla
  }
}
    `, {"fragmentName":"SavedViewFields"}) as unknown as TypedDocumentString<SavedViewFieldsFragment, unknown>;
export const BoardTicketFieldsFragmentDoc = new TypedDocumentString(`
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
  reporter {
    id
    name
  }
  tutor {
    id
    name
  }
  assignee {
    id
    name
  }
  slaState
  firstResponseDueAt
  firstRespondedAt
  resolutionDueAt
  viewers {
    state
    user {
      id
      name
    }
  }
}
    `, {"fragmentName":"BoardTicketFields"}) as unknown as TypedDocumentString<BoardTicketFieldsFragment, unknown>;
export const ViewerCanFieldsFragmentDoc = new TypedDocumentString(`
    fragment ViewerCanFields on Ticket {
  viewerCan {
    resolve
    accept
    escalate
    assign
    comment
    commentInternal
    merge
    split
  }
}
    `, {"fragmentName":"ViewerCanFields"}) as unknown as TypedDocumentString<ViewerCanFieldsFragment, unknown>;
export const TicketRowFieldsFragmentDoc = new TypedDocumentString(`
    fragment TicketRowFields on Ticket {
  ...BoardTicketFields
  ...ViewerCanFields
  learners {
    id
    name
  }
  sessions {
    id
    language
    status
    scheduledStart
    scheduledEnd
    learners {
      id
      name
    }
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
  reporter {
    id
    name
  }
  tutor {
    id
    name
  }
  assignee {
    id
    name
  }
  slaState
  firstResponseDueAt
  firstRespondedAt
  resolutionDueAt
  viewers {
    state
    user {
      id
      name
    }
  }
}
fragment ViewerCanFields on Ticket {
  viewerCan {
    resolve
    accept
    escalate
    assign
    comment
    commentInternal
    merge
    split
  }
}`, {"fragmentName":"TicketRowFields"}) as unknown as TypedDocumentString<TicketRowFieldsFragment, unknown>;
export const SessionFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionFields on Session {
  id
  kind
  status
  language
  subject
  scheduledStart
  scheduledEnd
  price {
    amountMinor
    currency
  }
  tutor {
    id
    name
  }
  learners {
    id
    name
  }
}
    `, {"fragmentName":"SessionFields"}) as unknown as TypedDocumentString<SessionFieldsFragment, unknown>;
export const TicketDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment TicketDetailFields on Ticket {
  ...BoardTicketFields
  firstResponseDueAt
  resolutionDueAt
  autoCloseAt
  overdue
  reporter {
    id
    name
    email
    role
  }
  learners {
    id
    name
  }
  evidence {
    sessionId
    scheduledMinutes
    actualMinutes
    tutorLateMinutes
    learnerLateMinutes
    missingMinutes
    endedByName
    suggestedCredit {
      amountMinor
      currency
    }
  }
  tutor {
    id
    name
    email
  }
  assignee {
    id
    name
  }
  sessions {
    ...SessionFields
    lessonId
    orderId
    teacherSessionId
    invoiceLines {
      id
      description
      voided
      amount {
        amountMinor
        currency
      }
      credited {
        amountMinor
        currency
      }
      invoice {
        id
        number
        status
      }
    }
    endedBy {
      id
      name
      role
    }
    attendance {
      user {
        id
        name
        role
      }
      joinedAt
      leftAt
    }
  }
  logs {
    id
    action
    comment
    internal
    actor {
      id
      name
      role
    }
    fromStatus
    toStatus
    createdAt
  }
  resolution {
    outcome
    comment
    resolvedAt
    resolvedBy {
      id
      name
    }
    credited {
      amountMinor
      currency
    }
    action {
      id
      label
      effect
      creditPercent
    }
  }
  creditNotes {
    id
    number
    createdAt
    amount {
      amountMinor
      currency
    }
    invoice {
      id
      number
      status
      lines {
        id
        description
        voided
        amount {
          amountMinor
          currency
        }
        credited {
          amountMinor
          currency
        }
        session {
          id
        }
      }
    }
  }
  mergedInto {
    id
    number
    title
  }
  mergedFrom {
    id
    number
    title
  }
  ...ViewerCanFields
}
    fragment SessionFields on Session {
  id
  kind
  status
  language
  subject
  scheduledStart
  scheduledEnd
  price {
    amountMinor
    currency
  }
  tutor {
    id
    name
  }
  learners {
    id
    name
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
  reporter {
    id
    name
  }
  tutor {
    id
    name
  }
  assignee {
    id
    name
  }
  slaState
  firstResponseDueAt
  firstRespondedAt
  resolutionDueAt
  viewers {
    state
    user {
      id
      name
    }
  }
}
fragment ViewerCanFields on Ticket {
  viewerCan {
    resolve
    accept
    escalate
    assign
    comment
    commentInternal
    merge
    split
  }
}`, {"fragmentName":"TicketDetailFields"}) as unknown as TypedDocumentString<TicketDetailFieldsFragment, unknown>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    user {
      id
      name
      email
      role
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    name
    email
    role
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    query UnreadNotificationCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($first: Int, $unreadOnly: Boolean) {
  notifications(first: $first, unreadOnly: $unreadOnly) {
    edges {
      node {
        id
        title
        body
        readAt
        createdAt
        ticket {
          id
          number
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const NotificationAddedDocument = new TypedDocumentString(`
    subscription NotificationAdded {
  notificationAdded {
    id
    title
    body
    readAt
    createdAt
    ticket {
      id
      number
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]!) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const AllResolutionActionsDocument = new TypedDocumentString(`
    query AllResolutionActions {
  resolutionActions {
    id
    category
    label
    effect
    creditPercent
    active
  }
}
    `) as unknown as TypedDocumentString<AllResolutionActionsQuery, AllResolutionActionsQueryVariables>;
export const CreateResolutionActionDocument = new TypedDocumentString(`
    mutation CreateResolutionAction($input: ResolutionActionInput!) {
  createResolutionAction(input: $input) {
    id
    category
    label
    effect
    creditPercent
    active
  }
}
    `) as unknown as TypedDocumentString<CreateResolutionActionMutation, CreateResolutionActionMutationVariables>;
export const UpdateResolutionActionDocument = new TypedDocumentString(`
    mutation UpdateResolutionAction($id: ID!, $input: ResolutionActionInput!) {
  updateResolutionAction(id: $id, input: $input) {
    id
    category
    label
    effect
    creditPercent
    active
  }
}
    `) as unknown as TypedDocumentString<UpdateResolutionActionMutation, UpdateResolutionActionMutationVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  apiKeys {
    id
    name
    prefix
    scopes
    createdAt
    lastUsedAt
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($name: String!, $scopes: [String!]!) {
  createApiKey(name: $name, scopes: $scopes) {
    key
    apiKey {
      id
      name
      prefix
      scopes
      createdAt
      lastUsedAt
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const SavedViewsDocument = new TypedDocumentString(`
    query SavedViews {
  savedViews {
    ...SavedViewFields
  }
}
    fragment SavedViewFields on SavedView {
  id
  name
  shared
  count
  owner {
    id
    name
  }
  filter {
    type
    category
    tutorId
    assigneeId
    reporterId
    search
    sla
  }
}`) as unknown as TypedDocumentString<SavedViewsQuery, SavedViewsQueryVariables>;
export const SaveViewDocument = new TypedDocumentString(`
    mutation SaveView($input: SavedViewInput!) {
  saveView(input: $input) {
    ...SavedViewFields
  }
}
    fragment SavedViewFields on SavedView {
  id
  name
  shared
  count
  owner {
    id
    name
  }
  filter {
    type
    category
    tutorId
    assigneeId
    reporterId
    search
    sla
  }
}`) as unknown as TypedDocumentString<SaveViewMutation, SaveViewMutationVariables>;
export const DeleteViewDocument = new TypedDocumentString(`
    mutation DeleteView($id: ID!) {
  deleteView(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteViewMutation, DeleteViewMutationVariables>;
export const AnyTicketChangedDocument = new TypedDocumentString(`
    subscription AnyTicketChanged {
  ticketChanged {
    sequence
  }
}
    `) as unknown as TypedDocumentString<AnyTicketChangedSubscription, AnyTicketChangedSubscriptionVariables>;
export const TicketStatsDocument = new TypedDocumentString(`
    query TicketStats($from: DateTime!, $to: DateTime!) {
  ticketStats(from: $from, to: $to) {
    opened
    closed
    medianHoursToResolution
    slaMetPercent
    satisfactionAverage
    satisfactionResponses
    credited {
      amountMinor
      currency
    }
    byCategory {
      category
      count
    }
    byTutor {
      tutor {
        id
        name
      }
      tickets
      sessions
      disputeRatePercent
      credited {
        amountMinor
        currency
      }
    }
    weekly {
      weekStart
      opened
      closed
      satisfactionAverage
      satisfactionResponses
    }
  }
}
    `) as unknown as TypedDocumentString<TicketStatsQuery, TicketStatsQueryVariables>;
export const SetPresenceDocument = new TypedDocumentString(`
    mutation SetPresence($ticketId: ID!, $state: PresenceState!) {
  setPresence(ticketId: $ticketId, state: $state)
}
    `) as unknown as TypedDocumentString<SetPresenceMutation, SetPresenceMutationVariables>;
export const PresenceChangedDocument = new TypedDocumentString(`
    subscription PresenceChanged($ticketId: ID) {
  presenceChanged(ticketId: $ticketId) {
    ticketId
    state
    at
    user {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PresenceChangedSubscription, PresenceChangedSubscriptionVariables>;
export const TicketViewersDocument = new TypedDocumentString(`
    query TicketViewers($id: ID!) {
  ticket(id: $id) {
    id
    viewers {
      state
      since
      user {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TicketViewersQuery, TicketViewersQueryVariables>;
export const BulkTicketActionDocument = new TypedDocumentString(`
    mutation BulkTicketAction($input: BulkTicketActionInput!) {
  bulkTicketAction(input: $input) {
    ticketId
    ok
    code
    ticket {
      id
      status
      version
      assignee {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BulkTicketActionMutation, BulkTicketActionMutationVariables>;
export const MatchingTicketIdsDocument = new TypedDocumentString(`
    query MatchingTicketIds($filter: TicketFilter, $first: Int, $after: String) {
  tickets(filter: $filter, first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MatchingTicketIdsQuery, MatchingTicketIdsQueryVariables>;
export const MergeCandidatesDocument = new TypedDocumentString(`
    query MergeCandidates($search: String!) {
  tickets(filter: {search: $search}, first: 6) {
    edges {
      node {
        id
        number
        title
        status
        reporter {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MergeCandidatesQuery, MergeCandidatesQueryVariables>;
export const MergeTicketsDocument = new TypedDocumentString(`
    mutation MergeTickets($targetId: ID!, $sourceIds: [ID!]!, $comment: String) {
  mergeTickets(targetId: $targetId, sourceIds: $sourceIds, comment: $comment) {
    id
    number
    status
    version
  }
}
    `) as unknown as TypedDocumentString<MergeTicketsMutation, MergeTicketsMutationVariables>;
export const SplitTicketDocument = new TypedDocumentString(`
    mutation SplitTicket($ticketId: ID!, $sessionIds: [ID!]!, $title: String!, $comment: String) {
  splitTicket(
    ticketId: $ticketId
    sessionIds: $sessionIds
    title: $title
    comment: $comment
  ) {
    id
    number
  }
}
    `) as unknown as TypedDocumentString<SplitTicketMutation, SplitTicketMutationVariables>;
export const TicketEvidenceDocument = new TypedDocumentString(`
    query TicketEvidence($id: ID!) {
  ticket(id: $id) {
    id
    evidenceDueAt
    viewerCan {
      attachEvidence
    }
    attachments {
      id
      filename
      contentType
      size
      url
      side
      createdAt
      uploadedBy {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TicketEvidenceQuery, TicketEvidenceQueryVariables>;
export const AttachEvidenceDocument = new TypedDocumentString(`
    mutation AttachEvidence($ticketId: ID!, $uploadIds: [ID!]!, $comment: String) {
  attachEvidence(ticketId: $ticketId, uploadIds: $uploadIds, comment: $comment) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<AttachEvidenceMutation, AttachEvidenceMutationVariables>;
export const FamilySessionsDocument = new TypedDocumentString(`
    query FamilySessions($filter: SessionFilter, $first: Int, $after: String) {
  sessions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...SessionFields
        openTicket {
          id
          number
          status
        }
      }
    }
  }
}
    fragment SessionFields on Session {
  id
  kind
  status
  language
  subject
  scheduledStart
  scheduledEnd
  price {
    amountMinor
    currency
  }
  tutor {
    id
    name
  }
  learners {
    id
    name
  }
}`) as unknown as TypedDocumentString<FamilySessionsQuery, FamilySessionsQueryVariables>;
export const InvoicesDocument = new TypedDocumentString(`
    query Invoices($first: Int, $after: String) {
  invoices(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        number
        status
        createdAt
        total {
          amountMinor
          currency
        }
        credited {
          amountMinor
          currency
        }
        balance {
          amountMinor
          currency
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InvoicesQuery, InvoicesQueryVariables>;
export const InvoiceDocument = new TypedDocumentString(`
    query Invoice($id: ID!) {
  invoice(id: $id) {
    id
    number
    status
    createdAt
    issuedAt
    billedTo {
      id
      name
    }
    total {
      amountMinor
      currency
    }
    credited {
      amountMinor
      currency
    }
    balance {
      amountMinor
      currency
    }
    lines {
      id
      description
      voided
      amount {
        amountMinor
        currency
      }
      credited {
        amountMinor
        currency
      }
      session {
        id
        status
        subject
        language
        scheduledStart
        tutor {
          id
          name
        }
        openTicket {
          id
          number
          status
        }
      }
    }
    creditNotes {
      id
      number
      createdAt
      reason
      amount {
        amountMinor
        currency
      }
      ticket {
        id
        number
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InvoiceQuery, InvoiceQueryVariables>;
export const PayoutsDocument = new TypedDocumentString(`
    query Payouts($filter: PayoutFilter, $first: Int, $after: String) {
  payouts(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    summary {
      status
      count
      net {
        amountMinor
        currency
      }
    }
    edges {
      node {
        id
        status
        releasedAt
        paidAt
        reference
        amount {
          amountMinor
          currency
        }
        deductions {
          amountMinor
          currency
        }
        net {
          amountMinor
          currency
        }
        session {
          id
          subject
          language
          kind
          scheduledStart
        }
        tutor {
          id
          name
          email
        }
        heldBy {
          id
          number
          title
          status
        }
        deductionLines {
          kind
          amount {
            amountMinor
            currency
          }
          ticket {
            id
            number
          }
          otherPayout {
            id
            session {
              subject
              scheduledStart
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PayoutsQuery, PayoutsQueryVariables>;
export const TicketPayoutsDocument = new TypedDocumentString(`
    query TicketPayouts($id: ID!) {
  ticket(id: $id) {
    id
    payouts {
      id
      status
      amount {
        amountMinor
        currency
      }
      deductions {
        amountMinor
        currency
      }
      net {
        amountMinor
        currency
      }
      session {
        id
        subject
        scheduledStart
      }
      heldBy {
        id
        number
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TicketPayoutsQuery, TicketPayoutsQueryVariables>;
export const MarkPayoutsPaidDocument = new TypedDocumentString(`
    mutation MarkPayoutsPaid($ids: [ID!]!, $reference: String!) {
  markPayoutsPaid(ids: $ids, reference: $reference) {
    id
    status
    paidAt
    reference
  }
}
    `) as unknown as TypedDocumentString<MarkPayoutsPaidMutation, MarkPayoutsPaidMutationVariables>;
export const TicketSatisfactionDocument = new TypedDocumentString(`
    query TicketSatisfaction($id: ID!) {
  ticket(id: $id) {
    id
    viewerCan {
      rate
    }
    satisfaction {
      score
      comment
      ratedAt
    }
  }
}
    `) as unknown as TypedDocumentString<TicketSatisfactionQuery, TicketSatisfactionQueryVariables>;
export const RateTicketDocument = new TypedDocumentString(`
    mutation RateTicket($ticketId: ID!, $score: Int!, $comment: String) {
  rateTicket(ticketId: $ticketId, score: $score, comment: $comment) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<RateTicketMutation, RateTicketMutationVariables>;
export const BoardColumnDocument = new TypedDocumentString(`
    query BoardColumn($filter: TicketFilter, $first: Int, $after: String) {
  tickets(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...BoardTicketFields
      }
    }
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
  reporter {
    id
    name
  }
  tutor {
    id
    name
  }
  assignee {
    id
    name
  }
  slaState
  firstResponseDueAt
  firstRespondedAt
  resolutionDueAt
  viewers {
    state
    user {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<BoardColumnQuery, BoardColumnQueryVariables>;
export const TicketChangedDocument = new TypedDocumentString(`
    subscription TicketChanged($filter: TicketFilter) {
  ticketChanged(filter: $filter) {
    kind
    sequence
    previousStatus
    ticket {
      ...BoardTicketFields
    }
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
  reporter {
    id
    name
  }
  tutor {
    id
    name
  }
  assignee {
    id
    name
  }
  slaState
  firstResponseDueAt
  firstRespondedAt
  resolutionDueAt
  viewers {
    state
    user {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<TicketChangedSubscription, TicketChangedSubscriptionVariables>;
export const FilteredTicketChangedDocument = new TypedDocumentString(`
    subscription FilteredTicketChanged($filter: TicketFilter) {
  ticketChanged(filter: $filter) {
    kind
    sequence
    previousStatus
    matchesFilter
    ticket {
      ...BoardTicketFields
    }
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
  reporter {
    id
    name
  }
  tutor {
    id
    name
  }
  assignee {
    id
    name
  }
  slaState
  firstResponseDueAt
  firstRespondedAt
  resolutionDueAt
  viewers {
    state
    user {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<FilteredTicketChangedSubscription, FilteredTicketChangedSubscriptionVariables>;
export const TicketListDocument = new TypedDocumentString(`
    query TicketList($filter: TicketFilter, $first: Int, $after: String) {
  tickets(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...TicketRowFields
      }
    }
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
  reporter {
    id
    name
  }
  tutor {
    id
    name
  }
  assignee {
    id
    name
  }
  slaState
  firstResponseDueAt
  firstRespondedAt
  resolutionDueAt
  viewers {
    state
    user {
      id
      name
    }
  }
}
fragment ViewerCanFields on Ticket {
  viewerCan {
    resolve
    accept
    escalate
    assign
    comment
    commentInternal
    merge
    split
  }
}
fragment TicketRowFields on Ticket {
  ...BoardTicketFields
  ...ViewerCanFields
  learners {
    id
    name
  }
  sessions {
    id
    language
    status
    scheduledStart
    scheduledEnd
    learners {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<TicketListQuery, TicketListQueryVariables>;
export const TicketRowDocument = new TypedDocumentString(`
    query TicketRow($id: ID!) {
  ticket(id: $id) {
    ...TicketRowFields
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
  reporter {
    id
    name
  }
  tutor {
    id
    name
  }
  assignee {
    id
    name
  }
  slaState
  firstResponseDueAt
  firstRespondedAt
  resolutionDueAt
  viewers {
    state
    user {
      id
      name
    }
  }
}
fragment ViewerCanFields on Ticket {
  viewerCan {
    resolve
    accept
    escalate
    assign
    comment
    commentInternal
    merge
    split
  }
}
fragment TicketRowFields on Ticket {
  ...BoardTicketFields
  ...ViewerCanFields
  learners {
    id
    name
  }
  sessions {
    id
    language
    status
    scheduledStart
    scheduledEnd
    learners {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<TicketRowQuery, TicketRowQueryVariables>;
export const TicketDetailDocument = new TypedDocumentString(`
    query TicketDetail($id: ID!) {
  ticket(id: $id) {
    ...TicketDetailFields
  }
}
    fragment SessionFields on Session {
  id
  kind
  status
  language
  subject
  scheduledStart
  scheduledEnd
  price {
    amountMinor
    currency
  }
  tutor {
    id
    name
  }
  learners {
    id
    name
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
  reporter {
    id
    name
  }
  tutor {
    id
    name
  }
  assignee {
    id
    name
  }
  slaState
  firstResponseDueAt
  firstRespondedAt
  resolutionDueAt
  viewers {
    state
    user {
      id
      name
    }
  }
}
fragment ViewerCanFields on Ticket {
  viewerCan {
    resolve
    accept
    escalate
    assign
    comment
    commentInternal
    merge
    split
  }
}
fragment TicketDetailFields on Ticket {
  ...BoardTicketFields
  firstResponseDueAt
  resolutionDueAt
  autoCloseAt
  overdue
  reporter {
    id
    name
    email
    role
  }
  learners {
    id
    name
  }
  evidence {
    sessionId
    scheduledMinutes
    actualMinutes
    tutorLateMinutes
    learnerLateMinutes
    missingMinutes
    endedByName
    suggestedCredit {
      amountMinor
      currency
    }
  }
  tutor {
    id
    name
    email
  }
  assignee {
    id
    name
  }
  sessions {
    ...SessionFields
    lessonId
    orderId
    teacherSessionId
    invoiceLines {
      id
      description
      voided
      amount {
        amountMinor
        currency
      }
      credited {
        amountMinor
        currency
      }
      invoice {
        id
        number
        status
      }
    }
    endedBy {
      id
      name
      role
    }
    attendance {
      user {
        id
        name
        role
      }
      joinedAt
      leftAt
    }
  }
  logs {
    id
    action
    comment
    internal
    actor {
      id
      name
      role
    }
    fromStatus
    toStatus
    createdAt
  }
  resolution {
    outcome
    comment
    resolvedAt
    resolvedBy {
      id
      name
    }
    credited {
      amountMinor
      currency
    }
    action {
      id
      label
      effect
      creditPercent
    }
  }
  creditNotes {
    id
    number
    createdAt
    amount {
      amountMinor
      currency
    }
    invoice {
      id
      number
      status
      lines {
        id
        description
        voided
        amount {
          amountMinor
          currency
        }
        credited {
          amountMinor
          currency
        }
        session {
          id
        }
      }
    }
  }
  mergedInto {
    id
    number
    title
  }
  mergedFrom {
    id
    number
    title
  }
  ...ViewerCanFields
}`) as unknown as TypedDocumentString<TicketDetailQuery, TicketDetailQueryVariables>;
export const ResolutionActionsDocument = new TypedDocumentString(`
    query ResolutionActions($category: DisputeCategory) {
  resolutionActions(category: $category) {
    id
    category
    label
    effect
    creditPercent
    active
  }
}
    `) as unknown as TypedDocumentString<ResolutionActionsQuery, ResolutionActionsQueryVariables>;
export const ResolveTicketDocument = new TypedDocumentString(`
    mutation ResolveTicket($input: ResolveTicketInput!) {
  resolveTicket(input: $input) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<ResolveTicketMutation, ResolveTicketMutationVariables>;
export const PreviewResolutionDocument = new TypedDocumentString(`
    query PreviewResolution($input: ResolveTicketInput!) {
  previewResolution(input: $input) {
    credit {
      amountMinor
      currency
    }
    charge {
      amountMinor
      currency
    }
    packageCreditsRestored
    creditNotes
    lines {
      credit {
        amountMinor
        currency
      }
      line {
        id
        description
        invoice {
          id
          number
          status
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PreviewResolutionQuery, PreviewResolutionQueryVariables>;
export const AcceptResolutionDocument = new TypedDocumentString(`
    mutation AcceptResolution($ticketId: ID!, $comment: String) {
  acceptResolution(ticketId: $ticketId, comment: $comment) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<AcceptResolutionMutation, AcceptResolutionMutationVariables>;
export const EscalateTicketDocument = new TypedDocumentString(`
    mutation EscalateTicket($ticketId: ID!, $comment: String!) {
  escalateTicket(ticketId: $ticketId, comment: $comment) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<EscalateTicketMutation, EscalateTicketMutationVariables>;
export const AssignTicketDocument = new TypedDocumentString(`
    mutation AssignTicket($ticketId: ID!, $assigneeId: ID) {
  assignTicket(ticketId: $ticketId, assigneeId: $assigneeId) {
    id
    version
    assignee {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<AssignTicketMutation, AssignTicketMutationVariables>;
export const AddTicketCommentDocument = new TypedDocumentString(`
    mutation AddTicketComment($ticketId: ID!, $body: String!, $internal: Boolean) {
  addTicketComment(ticketId: $ticketId, body: $body, internal: $internal) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<AddTicketCommentMutation, AddTicketCommentMutationVariables>;
export const ContactTutorDocument = new TypedDocumentString(`
    mutation ContactTutor($ticketId: ID!, $message: String!) {
  contactTutor(ticketId: $ticketId, message: $message) {
    id
    status
    channel
  }
}
    `) as unknown as TypedDocumentString<ContactTutorMutation, ContactTutorMutationVariables>;
export const ReportIssueDocument = new TypedDocumentString(`
    mutation ReportIssue($input: ReportIssueInput!) {
  reportIssue(input: $input) {
    id
    number
    status
  }
}
    `) as unknown as TypedDocumentString<ReportIssueMutation, ReportIssueMutationVariables>;