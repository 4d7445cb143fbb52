import { graphql } from './generated';

export const TicketSatisfactionQuery = graphql(`
  query TicketSatisfaction($id: ID!) {
    ticket(id: $id) { id viewerCan { rate } satisfaction { score comment ratedAt } }
  }
`);

export const RateTicketMutation = graphql(`
  mutation RateTicket($ticketId: ID!, $score: Int!, $comment: String) {
    rateTicket(ticketId: $ticketId, score: $score, comment: $comment) { id version }
  }
`);
