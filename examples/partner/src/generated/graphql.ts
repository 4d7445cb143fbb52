/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A check-in or check-out as the video room saw it */
export type AttendanceEventInput = {
  /** When, UTC */
  at: string;
  /** Joined or left */
  kind: AttendanceKind;
  /** The session (external id) */
  sessionExternalId: string | number;
  /** Where it came from, e.g. zoom */
  source?: string | null | undefined;
  /** The tutor or learner (external id) */
  userExternalId: string | number;
};

/** Check-in or check-out in the video room */
export type AttendanceKind =
  | 'JOINED'
  | 'LEFT';

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

/** One line of a synced invoice */
export type InvoiceLineSyncInput = {
  /** Minor units; never below what the desk already credited on it */
  amountMinor: number;
  /** What the line says */
  description: string;
  /** The line's id, unique inside its invoice */
  externalId: string | number;
  /** The session billed (external id), in the invoice currency */
  sessionExternalId?: string | number | null | undefined;
};

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

/** An invoice of the billing system */
export type InvoiceSyncInput = {
  /** Who is billed (external id) */
  billedToExternalId: string | number;
  /** ISO 4217 code of every line */
  currency: string;
  /** The business's id of the invoice */
  externalId: string | number;
  /** When it was issued */
  issuedAt?: string | null | undefined;
  /** All its lines: lines left out are removed (unless the desk credited them) */
  lines: Array<InvoiceLineSyncInput>;
  /** The invoice number people see; unique */
  number: string;
  /** When the business last changed this invoice; older deliveries are STALE */
  sourceUpdatedAt: string;
  /** Draft, issued, paid or void */
  status: InvoiceStatus;
};

/** What kind of money movement a ledger entry is */
export type LedgerKind =
  /** Charged back (negative): a credit taken back, or a new draft line after a smaller later decision */
  | 'CHARGE'
  /** Credited on an issued or paid invoice line by a credit note (reference: its number) */
  | 'CREDIT_NOTE'
  /** A draft line reduced before it was issued */
  | 'LINE_REDUCED'
  /** A draft line credited in full (voided) */
  | 'LINE_VOIDED'
  /** A package credit given back, valued at the session's price */
  | 'PACKAGE_CREDIT_RESTORED'
  /** The change in what is taken off a tutor's payout for credits on its session (positive: more taken off) */
  | 'PAYOUT_DEDUCTION'
  /** A tutor's payout marked paid (reference: the payment run) */
  | 'PAYOUT_PAID'
  /** A tutor's payout released for payment (its net at that moment) */
  | 'PAYOUT_RELEASED';

/** An amount in minor units with its ISO currency */
export type MoneyInput = {
  /** Minor units (cents) */
  amountMinor: number;
  /** ISO 4217 code, e.g. EUR */
  currency: string;
};

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

/** A session as the booking platform has it */
export type SessionSyncInput = {
  /** Who ended the session (external id) */
  endedByExternalId?: string | number | null | undefined;
  /** The business's id of the session (its appointment id) */
  externalId: string | number;
  /** One-on-one or group */
  kind: SessionKind;
  /** The language it is taught in */
  language: string;
  /** The learners' external ids (one for ONE_ON_ONE) */
  learnerExternalIds: Array<string | number>;
  /** The platform's lesson id */
  lessonId?: string | null | undefined;
  /** The video room's meeting id (Zoom attendance finds the session by it) */
  meetingId?: string | null | undefined;
  /** The platform's order id */
  orderId?: string | null | undefined;
  /** The package it is paid from (uses one credit of its learner) */
  packageExternalId?: string | number | null | undefined;
  /** Price per learner; cannot change while the session is in an open dispute */
  price: MoneyInput;
  /** End, UTC; after the start */
  scheduledEnd: string;
  /** Start, UTC */
  scheduledStart: string;
  /** When the business last changed this session; older deliveries are STALE */
  sourceUpdatedAt: string;
  /** Scheduled, completed or cancelled */
  status: SessionStatus;
  /** What is taught */
  subject: string;
  /** The platform's teacher-session id */
  teacherSessionId?: string | null | undefined;
  /** The tutor's external id; cannot change while the session is in an open dispute */
  tutorExternalId: string | number;
  /** The tutor's payout for a COMPLETED session, in the price's currency */
  tutorPay?: MoneyInput | null | undefined;
};

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

/** What a sync did with one item */
export type SyncOutcome =
  /** New here: created */
  | 'CREATED'
  /** Refused: code, field and message say why; nothing of this item was written */
  | 'FAILED'
  /** Older than what is stored (sourceUpdatedAt): nothing written */
  | 'STALE'
  /** Known and the same: nothing written */
  | 'UNCHANGED'
  /** Known and changed: updated */
  | 'UPDATED';

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

/** A person of the business: learner, parent or tutor */
export type UserSyncInput = {
  /** False closes the account (it can no longer sign in) */
  active?: boolean | null | undefined;
  /** E-mail address; a person already in the desk with it becomes this one */
  email?: string | null | undefined;
  /** The business's id of the person */
  externalId: string | number;
  /** Preferred language tag, e.g. de-DE (accepted; not used by the desk yet) */
  locale?: string | null | undefined;
  /** The name people see */
  name: string;
  /** For a learner: the parent's external id (the parent is synced first) */
  parentExternalId?: string | number | null | undefined;
  /** LEARNER, PARENT or TUTOR (staff are made in the desk) */
  role: Role;
  /** When the business last changed this person; older deliveries are STALE */
  sourceUpdatedAt: string;
  /** IANA time zone, e.g. Europe/Berlin */
  timezone?: string | null | undefined;
};

export type PartnerTicketsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: TicketFilter | null | undefined;
}>;


export type PartnerTicketsQuery = { tickets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, type: TicketType, status: TicketStatus, title: string, createdAt: string, reporter: { id: string, name: string } } }> } };

export type PartnerSignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type PartnerSignInMutation = { login: { token: string, user: { id: string, role: Role } } };

export type PartnerReportMutationVariables = Exact<{
  input: ReportIssueInput;
}>;


export type PartnerReportMutation = { reportIssue: { id: string, number: string, status: TicketStatus } };

export type PartnerTicketChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PartnerTicketChangedSubscription = { ticketChanged: { kind: TicketEventKind, sequence: number, previousStatus: TicketStatus | null, ticket: { id: string, number: string, status: TicketStatus, title: string } } };

export type PartnerSyncUsersMutationVariables = Exact<{
  input: Array<UserSyncInput> | UserSyncInput;
}>;


export type PartnerSyncUsersMutation = { syncUsers: Array<{ externalId: string, outcome: SyncOutcome, id: string | null, code: string | null, field: string | null, message: string | null }> };

export type PartnerSyncSessionsMutationVariables = Exact<{
  input: Array<SessionSyncInput> | SessionSyncInput;
}>;


export type PartnerSyncSessionsMutation = { syncSessions: Array<{ externalId: string, outcome: SyncOutcome, id: string | null, code: string | null, field: string | null, message: string | null }> };

export type PartnerSyncInvoicesMutationVariables = Exact<{
  input: Array<InvoiceSyncInput> | InvoiceSyncInput;
}>;


export type PartnerSyncInvoicesMutation = { syncInvoices: Array<{ externalId: string, outcome: SyncOutcome, id: string | null, code: string | null, field: string | null, message: string | null }> };

export type PartnerRecordAttendanceMutationVariables = Exact<{
  input: Array<AttendanceEventInput> | AttendanceEventInput;
}>;


export type PartnerRecordAttendanceMutation = { recordAttendance: Array<{ externalId: string, outcome: SyncOutcome, code: string | null, field: string | null, message: string | null }> };

export type PartnerLedgerQueryVariables = Exact<{
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type PartnerLedgerQuery = { ledger: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: LedgerKind, createdAt: string, invoiceExternalId: string | null, lineExternalId: string | null, sessionExternalId: string | null, userExternalId: string | null, reference: string | null, amount: { amountMinor: number, currency: string } } }> } };

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

export const PartnerTicketsDocument = new TypedDocumentString(`
    query PartnerTickets($first: Int, $after: String, $filter: TicketFilter) {
  tickets(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        number
        type
        status
        title
        createdAt
        reporter {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerTicketsQuery, PartnerTicketsQueryVariables>;
export const PartnerSignInDocument = new TypedDocumentString(`
    mutation PartnerSignIn($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    user {
      id
      role
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerSignInMutation, PartnerSignInMutationVariables>;
export const PartnerReportDocument = new TypedDocumentString(`
    mutation PartnerReport($input: ReportIssueInput!) {
  reportIssue(input: $input) {
    id
    number
    status
  }
}
    `) as unknown as TypedDocumentString<PartnerReportMutation, PartnerReportMutationVariables>;
export const PartnerTicketChangedDocument = new TypedDocumentString(`
    subscription PartnerTicketChanged {
  ticketChanged {
    kind
    sequence
    previousStatus
    ticket {
      id
      number
      status
      title
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerTicketChangedSubscription, PartnerTicketChangedSubscriptionVariables>;
export const PartnerSyncUsersDocument = new TypedDocumentString(`
    mutation PartnerSyncUsers($input: [UserSyncInput!]!) {
  syncUsers(input: $input) {
    externalId
    outcome
    id
    code
    field
    message
  }
}
    `) as unknown as TypedDocumentString<PartnerSyncUsersMutation, PartnerSyncUsersMutationVariables>;
export const PartnerSyncSessionsDocument = new TypedDocumentString(`
    mutation PartnerSyncSessions($input: [SessionSyncInput!]!) {
  syncSessions(input: $input) {
    externalId
    outcome
    id
    code
    field
    message
  }
}
    `) as unknown as TypedDocumentString<PartnerSyncSessionsMutation, PartnerSyncSessionsMutationVariables>;
export const PartnerSyncInvoicesDocument = new TypedDocumentString(`
    mutation PartnerSyncInvoices($input: [InvoiceSyncInput!]!) {
  syncInvoices(input: $input) {
    externalId
    outcome
    id
    code
    field
    message
  }
}
    `) as unknown as TypedDocumentString<PartnerSyncInvoicesMutation, PartnerSyncInvoicesMutationVariables>;
export const PartnerRecordAttendanceDocument = new TypedDocumentString(`
    mutation PartnerRecordAttendance($input: [AttendanceEventInput!]!) {
  recordAttendance(input: $input) {
    externalId
    outcome
    code
    field
    message
  }
}
    `) as unknown as TypedDocumentString<PartnerRecordAttendanceMutation, PartnerRecordAttendanceMutationVariables>;
export const PartnerLedgerDocument = new TypedDocumentString(`
    query PartnerLedger($after: String, $first: Int) {
  ledger(after: $after, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        kind
        amount {
          amountMinor
          currency
        }
        createdAt
        invoiceExternalId
        lineExternalId
        sessionExternalId
        userExternalId
        reference
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerLedgerQuery, PartnerLedgerQueryVariables>;