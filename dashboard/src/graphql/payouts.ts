import { graphql } from './generated';

export const PayoutsQuery = graphql(`
  query Payouts($filter: PayoutFilter, $first: Int, $after: String) {
    payouts(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      summary { status count net { amountMinor currency } }
      edges {
        node {
          id
          status
          releasedAt
          paidAt
          reference
          amount { amountMinor currency }
          deductions { amountMinor currency }
          net { amountMinor currency }
          session { id subject language kind scheduledStart }
          tutor { id name email }
          heldBy { id number title status }
          deductionLines {
            kind
            amount { amountMinor currency }
            ticket { id number }
            otherPayout { id session { subject scheduledStart } }
          }
        }
      }
    }
  }
`);

export const TicketPayoutsQuery = graphql(`
  query TicketPayouts($id: ID!) {
    ticket(id: $id) {
      id
      payouts {
        id
        status
        amount { amountMinor currency }
        deductions { amountMinor currency }
        net { amountMinor currency }
        session { id subject scheduledStart }
        heldBy { id number }
      }
    }
  }
`);

export const MarkPayoutsPaidMutation = graphql(`
  mutation MarkPayoutsPaid($ids: [ID!]!, $reference: String!) {
    markPayoutsPaid(ids: $ids, reference: $reference) { id status paidAt reference }
  }
`);
