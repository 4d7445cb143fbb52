import { graphql } from './generated';

export const AutomationsQuery = graphql(`
  query Automations {
    automations { id name active trigger afterHours runCount lastRunAt filter { category }
      facts { fact op value } actions { kind text action { id label } } }
    resolutionActions { id label category active }
  }
`);

export const SaveAutomationMutation = graphql(`
  mutation SaveAutomation($input: AutomationInput!) {
    saveAutomation(input: $input) { id name active trigger afterHours runCount lastRunAt filter { category }
      facts { fact op value } actions { kind text action { id label } } }
  }
`);

export const TestAutomationMutation = graphql(`
  mutation TestAutomation($input: AutomationInput!, $days: Int) {
    testAutomation(input: $input, days: $days) { matched tickets { id number title } credited { amountMinor currency } }
  }
`);
