import { graphql } from './generated';

export const ListTickets = graphql(`
  query PartnerTickets($first: Int, $after: String, $filter: TicketFilter) {
    tickets(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id number type status title createdAt reporter { id name } } }
    }
  }
`);

export const SignIn = graphql(`
  mutation PartnerSignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) { token user { id role } }
  }
`);

export const ReportSupportQuestion = graphql(`
  mutation PartnerReport($input: ReportIssueInput!) {
    reportIssue(input: $input) { id number status }
  }
`);

export const TicketChanged = graphql(`
  subscription PartnerTicketChanged {
    ticketChanged { kind sequence previousStatus ticket { id number status title } }
  }
`);
