/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type DisputeCategory =
  | 'BILLING'
  | 'DURATION'
  | 'NO_SHOW'
  | 'QUALITY'
  | 'SCHEDULING';

export type ReportIssueInput = {
  category: DisputeCategory;
  description: string;
  idempotencyKey?: string | null | undefined;
  requestedEffect?: ResolutionEffect | null | undefined;
  sessionIds: Array<string | number>;
  title: string;
  type?: TicketType | null | undefined;
};

export type ResolutionEffect =
  | 'FULL_CREDIT'
  | 'NONE'
  | 'PARTIAL_CREDIT'
  | 'RESCHEDULE'
  | 'RESTORE_PACKAGE_CREDIT';

export type Role =
  | 'ADMIN'
  | 'COORDINATOR'
  | 'LEARNER'
  | 'PARENT'
  | 'TUTOR';

export type TicketEventKind =
  | 'ASSIGNED'
  | 'COMMENTED'
  | 'CREATED'
  | 'STATUS_CHANGED'
  | 'UPDATED';

/** Every field given must match. The same filter selects `tickets` and `ticketChanged` (see TicketEvent.matchesFilter). */
export type TicketFilter = {
  assigneeId?: string | number | null | undefined;
  category?: DisputeCategory | null | undefined;
  /** Created at or after */
  from?: string | null | undefined;
  reporterId?: string | number | null | undefined;
  /** Found, case-insensitively, in the title, the description or the number (e.g. "T-000123") */
  search?: string | null | undefined;
  status?: Array<TicketStatus> | null | undefined;
  /** Created before */
  to?: string | null | undefined;
  tutorId?: string | number | null | undefined;
  type?: TicketType | null | undefined;
};

export type TicketStatus =
  | 'CLOSED'
  | 'ESCALATED'
  | 'ONGOING'
  | 'RESOLVED';

export type TicketType =
  | 'DISPUTE'
  | 'FEEDBACK'
  | 'RISK'
  | 'SUPPORT';

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