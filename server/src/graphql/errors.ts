import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

const PUBLIC_CODES = new Set<string>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED']);

/** The one error helper: every error a client sees is made here. */
export function appError(code: ErrorCode, message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: field ? { code, field } : { code } });
}

export const notFound = (what: string) => appError('NOT_FOUND', `${what} not found`);
export const badInput = (field: string, message: string) => appError('BAD_USER_INPUT', message, field);
export const conflict = (message: string) => appError('CONFLICT', message);
export const forbidden = (message = 'You may not do this') => appError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in first') => appError('UNAUTHENTICATED', message);

/** Apollo's own failures that are the client's fault become BAD_USER_INPUT. */
const CLIENT_FAULTS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Shapes every error on the way out: known codes pass; anything else is an internal error whose
 * message, stack and SQL stay on the server (logged) unless `expose` (development).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, expose: boolean): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (PUBLIC_CODES.has(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (CLIENT_FAULTS.has(code) || isVariableCoercionError(formatted)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  console.error('internal error:', (error as { originalError?: unknown })?.originalError ?? error);
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
