import { graphql } from './generated';

export const SyncUsers = graphql(`
  mutation PartnerSyncUsers($input: [UserSyncInput!]!) { syncUsers(input: $input) { externalId outcome id code field message } }
`);
export const SyncSessions = graphql(`
  mutation PartnerSyncSessions($input: [SessionSyncInput!]!) { syncSessions(input: $input) { externalId outcome id code field message } }
`);
export const SyncInvoices = graphql(`
  mutation PartnerSyncInvoices($input: [InvoiceSyncInput!]!) { syncInvoices(input: $input) { externalId outcome id code field message } }
`);
export const RecordAttendance = graphql(`
  mutation PartnerRecordAttendance($input: [AttendanceEventInput!]!) { recordAttendance(input: $input) { externalId outcome code field message } }
`);
export const Ledger = graphql(`
  query PartnerLedger($after: String, $first: Int) {
    ledger(after: $after, first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind amount { amountMinor currency } createdAt invoiceExternalId lineExternalId sessionExternalId userExternalId reference } }
    }
  }
`);
