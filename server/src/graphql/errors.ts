import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors';
import { loggerFor } from '../observability/logger';

const log = loggerFor('graphql');

/** A domain error as a GraphQL error, for transport code that must answer with GraphQLErrors. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { extensions: extensionsOf(error), originalError: error });
}

function extensionsOf(error: DomainError): Record<string, unknown> {
  return { code: error.code, ...(error.field ? { field: error.field } : {}), ...error.details };
}

/** Apollo's own failures that are the client's fault become BAD_USER_INPUT. */
const CLIENT_FAULTS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_USER_INPUT']);

/**
 * Shapes every error on the way out, the one place that maps domain errors to `extensions.code`:
 * a domain error keeps its code and field; the client's own faults (parse, validation, variable
 * coercion) are BAD_USER_INPUT; anything else is an internal error whose message, stack and SQL
 * stay on the server (logged) unless `expose` (development).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, expose: boolean): GraphQLFormattedError {
  const domain = error instanceof DomainError ? error : (error as { originalError?: unknown } | null)?.originalError;
  if (domain instanceof DomainError) {
    return { message: domain.message, locations: formatted.locations, path: formatted.path, extensions: extensionsOf(domain) };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (CLIENT_FAULTS.has(code) || isVariableCoercionError(formatted)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  log.error({ err: (error as { originalError?: unknown })?.originalError ?? error }, 'internal error');
  return {
    message: expose ? formatted.message : 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function isVariableCoercionError(formatted: GraphQLFormattedError): boolean {
  return /^Variable "\$\w+" (got invalid value|of required type|of non-null type)/.test(formatted.message)
    || /^(Int|Float|String|Boolean|ID|DateTime|Enum) cannot represent/.test(formatted.message)
    || /^Expected value of type/.test(formatted.message)
    || /does not exist in ".*" enum/.test(formatted.message);
}
