import { graphql } from './generated';

export const TicketEvidenceQuery = graphql(`
  query TicketEvidence($id: ID!) {
    ticket(id: $id) {
      id
      evidenceDueAt
      viewerCan { attachEvidence }
      attachments { id filename contentType size url side createdAt uploadedBy { id name } }
    }
  }
`);

export const AttachEvidenceMutation = graphql(`
  mutation AttachEvidence($ticketId: ID!, $uploadIds: [ID!]!, $comment: String) {
    attachEvidence(ticketId: $ticketId, uploadIds: $uploadIds, comment: $comment) { id version }
  }
`);
