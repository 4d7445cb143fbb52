import { graphql } from './generated';

export const AllResolutionActionsQuery = graphql(`
  query AllResolutionActions {
    resolutionActions { id category label effect creditPercent active }
  }
`);

export const CreateResolutionActionMutation = graphql(`
  mutation CreateResolutionAction($input: ResolutionActionInput!) {
    createResolutionAction(input: $input) { id category label effect creditPercent active }
  }
`);

export const UpdateResolutionActionMutation = graphql(`
  mutation UpdateResolutionAction($id: ID!, $input: ResolutionActionInput!) {
    updateResolutionAction(id: $id, input: $input) { id category label effect creditPercent active }
  }
`);

export const ApiKeysQuery = graphql(`
  query ApiKeys { apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt } }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!, $scopes: [String!]!) {
    createApiKey(name: $name, scopes: $scopes) { key apiKey { id name prefix scopes createdAt lastUsedAt revokedAt } }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }
`);
