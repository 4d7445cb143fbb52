import { graphql } from './generated';

/** What the dashboard shows of a tutoring session wherever it lists one (the sessions page, a ticket's sessions). */
export const SessionFields = graphql(`
  fragment SessionFields on Session {
    id
    kind
    status
    language
    subject
    scheduledStart
    scheduledEnd
    price { amountMinor currency }
    tutor { id name }
    learners { id name }
  }
`);
