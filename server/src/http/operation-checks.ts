import { HeaderMap } from '@apollo/server';
import { type DocumentNode, type GraphQLError, type GraphQLSchema, getOperationAST } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { DomainError } from '../errors';
import { refuseBadCredential, requireScopes } from '../graphql/auth-guard';
import { toGraphQLError } from '../graphql/errors';
import { refuseControlCharacters } from '../graphql/input-guard';
import { checkOperationCost } from './operation-cost';

export interface OperationRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  viewer: Viewer | null;
  /** Why the request's credential was refused, when it was (the viewer is then null). */
  credentialError?: DomainError | null;
}

/**
 * What both transports check once an operation is known and before anything runs, in this
 * order: the credential, the API key's scopes, the cost with the variables, control characters.
 * Throws the DomainError of the first refusal.
 */
export function checkOperation(request: OperationRequest): void {
  const { schema, document, operationName, variables, viewer } = request;
  const operation = getOperationAST(document, operationName);
  if (!operation) return;
  refuseBadCredential(document, operationName, request.credentialError);
  requireScopes(schema, document, operationName, viewer);
  checkOperationCost(schema, document, operation, variables);
  refuseControlCharacters(document, operation, variables);
}

/** The HTTP status of a refusal made before execution. */
export function httpStatusOf(error: DomainError): number {
  if (error.code === 'UNAUTHENTICATED') return 401;
  if (error.code === 'RATE_LIMITED') return 429;
  if (error.code === 'BAD_USER_INPUT') return 400;
  return 200;
}

/** `Retry-After` seconds of a RATE_LIMITED answer (at least 1). */
export const retryAfterOf = (error: { details?: Record<string, unknown> } | { extensions?: Record<string, unknown> }): number => {
  const value = 'details' in error ? error.details?.retryAfter : (error as { extensions?: Record<string, unknown> }).extensions?.retryAfter;
  return Math.max(1, Math.ceil(Number(value) || 1));
};

/** A refusal Apollo answers with its status (401, 429 with Retry-After, 400) instead of a 500. */
export function refusal(error: DomainError): GraphQLError {
  const graphqlError = toGraphQLError(error);
  const headers = new HeaderMap();
  if (error.code === 'RATE_LIMITED') headers.set('retry-after', String(retryAfterOf(error)));
  graphqlError.extensions.http = { status: httpStatusOf(error), headers };
  return graphqlError;
}
