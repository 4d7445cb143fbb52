/**
 * Domain errors: what services throw. A code from the public contract, a message for people, and
 * the input field at fault when there is one. Only the GraphQL layer (graphql/errors.ts) turns them
 * into `extensions.code`; services never import GraphQL.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>,
    message: string,
    readonly field?: string,
    /** More public details, e.g. `retryAfter` seconds for RATE_LIMITED. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, field);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
export const forbidden = (message = 'You may not do this') => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in first') => new DomainError('UNAUTHENTICATED', message);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new DomainError('RATE_LIMITED', message, undefined, { retryAfter: retryAfterSeconds });

/** The domain error's code, or undefined for anything else (a bug, the database). */
export function errorCodeOf(error: unknown): ErrorCode | undefined {
  if (error instanceof DomainError) return error.code;
  const original = (error as { originalError?: unknown } | null)?.originalError;
  return original instanceof DomainError ? original.code : undefined;
}
