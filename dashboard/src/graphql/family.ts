import { graphql } from './generated';

export const CompletedSessionsQuery = graphql(`
  query FamilySessions($filter: SessionFilter, $first: Int, $after: String) {
    sessions(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          ...SessionFields
          openTicket { id number status }
        }
      }
    }
  }
`);

export const InvoicesQuery = graphql(`
  query Invoices($first: Int, $after: String) {
    invoices(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          number
          status
          createdAt
          total { amountMinor currency }
          credited { amountMinor currency }
          balance { amountMinor currency }
        }
      }
    }
  }
`);

export const InvoiceQuery = graphql(`
  query Invoice($id: ID!) {
    invoice(id: $id) {
      id
      number
      status
      createdAt
      issuedAt
      billedTo { id name }
      total { amountMinor currency }
      credited { amountMinor currency }
      balance { amountMinor currency }
      lines {
        id
        description
        voided
        amount { amountMinor currency }
        credited { amountMinor currency }
        session {
          id
          status
          subject
          language
          scheduledStart
          tutor { id name }
          openTicket { id number status }
        }
      }
      creditNotes { id number createdAt reason amount { amountMinor currency } ticket { id number } }
    }
  }
`);
