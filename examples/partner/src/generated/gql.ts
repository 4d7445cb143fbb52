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
    "\n  query PartnerTickets($first: Int, $after: String, $filter: TicketFilter) {\n    tickets(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id number type status title createdAt reporter { id name } } }\n    }\n  }\n": typeof types.PartnerTicketsDocument,
    "\n  mutation PartnerSignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token user { id role } }\n  }\n": typeof types.PartnerSignInDocument,
    "\n  mutation PartnerReport($input: ReportIssueInput!) {\n    reportIssue(input: $input) { id number status }\n  }\n": typeof types.PartnerReportDocument,
    "\n  subscription PartnerTicketChanged {\n    ticketChanged { kind sequence previousStatus ticket { id number status title } }\n  }\n": typeof types.PartnerTicketChangedDocument,
    "\n  mutation PartnerSyncUsers($input: [UserSyncInput!]!) { syncUsers(input: $input) { externalId outcome id code field message } }\n": typeof types.PartnerSyncUsersDocument,
    "\n  mutation PartnerSyncSessions($input: [SessionSyncInput!]!) { syncSessions(input: $input) { externalId outcome id code field message } }\n": typeof types.PartnerSyncSessionsDocument,
    "\n  mutation PartnerSyncInvoices($input: [InvoiceSyncInput!]!) { syncInvoices(input: $input) { externalId outcome id code field message } }\n": typeof types.PartnerSyncInvoicesDocument,
    "\n  mutation PartnerRecordAttendance($input: [AttendanceEventInput!]!) { recordAttendance(input: $input) { externalId outcome code field message } }\n": typeof types.PartnerRecordAttendanceDocument,
    "\n  query PartnerLedger($after: String, $first: Int) {\n    ledger(after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id kind amount { amountMinor currency } createdAt invoiceExternalId lineExternalId sessionExternalId userExternalId reference } }\n    }\n  }\n": typeof types.PartnerLedgerDocument,
};
const documents: Documents = {
    "\n  query PartnerTickets($first: Int, $after: String, $filter: TicketFilter) {\n    tickets(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id number type status title createdAt reporter { id name } } }\n    }\n  }\n": types.PartnerTicketsDocument,
    "\n  mutation PartnerSignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token user { id role } }\n  }\n": types.PartnerSignInDocument,
    "\n  mutation PartnerReport($input: ReportIssueInput!) {\n    reportIssue(input: $input) { id number status }\n  }\n": types.PartnerReportDocument,
    "\n  subscription PartnerTicketChanged {\n    ticketChanged { kind sequence previousStatus ticket { id number status title } }\n  }\n": types.PartnerTicketChangedDocument,
    "\n  mutation PartnerSyncUsers($input: [UserSyncInput!]!) { syncUsers(input: $input) { externalId outcome id code field message } }\n": types.PartnerSyncUsersDocument,
    "\n  mutation PartnerSyncSessions($input: [SessionSyncInput!]!) { syncSessions(input: $input) { externalId outcome id code field message } }\n": types.PartnerSyncSessionsDocument,
    "\n  mutation PartnerSyncInvoices($input: [InvoiceSyncInput!]!) { syncInvoices(input: $input) { externalId outcome id code field message } }\n": types.PartnerSyncInvoicesDocument,
    "\n  mutation PartnerRecordAttendance($input: [AttendanceEventInput!]!) { recordAttendance(input: $input) { externalId outcome code field message } }\n": types.PartnerRecordAttendanceDocument,
    "\n  query PartnerLedger($after: String, $first: Int) {\n    ledger(after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id kind amount { amountMinor currency } createdAt invoiceExternalId lineExternalId sessionExternalId userExternalId reference } }\n    }\n  }\n": types.PartnerLedgerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerTickets($first: Int, $after: String, $filter: TicketFilter) {\n    tickets(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id number type status title createdAt reporter { id name } } }\n    }\n  }\n"): typeof import('./graphql').PartnerTicketsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerSignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token user { id role } }\n  }\n"): typeof import('./graphql').PartnerSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerReport($input: ReportIssueInput!) {\n    reportIssue(input: $input) { id number status }\n  }\n"): typeof import('./graphql').PartnerReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PartnerTicketChanged {\n    ticketChanged { kind sequence previousStatus ticket { id number status title } }\n  }\n"): typeof import('./graphql').PartnerTicketChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerSyncUsers($input: [UserSyncInput!]!) { syncUsers(input: $input) { externalId outcome id code field message } }\n"): typeof import('./graphql').PartnerSyncUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerSyncSessions($input: [SessionSyncInput!]!) { syncSessions(input: $input) { externalId outcome id code field message } }\n"): typeof import('./graphql').PartnerSyncSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerSyncInvoices($input: [InvoiceSyncInput!]!) { syncInvoices(input: $input) { externalId outcome id code field message } }\n"): typeof import('./graphql').PartnerSyncInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerRecordAttendance($input: [AttendanceEventInput!]!) { recordAttendance(input: $input) { externalId outcome code field message } }\n"): typeof import('./graphql').PartnerRecordAttendanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerLedger($after: String, $first: Int) {\n    ledger(after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id kind amount { amountMinor currency } createdAt invoiceExternalId lineExternalId sessionExternalId userExternalId reference } }\n    }\n  }\n"): typeof import('./graphql').PartnerLedgerDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
