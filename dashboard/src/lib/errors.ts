import type { CombinedError } from '@urql/core';

/** An API failure, already put into words for the person using the dashboard. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
    /** The server's own words (empty for internal errors and lost connections). */
    readonly serverMessage = '',
  ) {
    super(message);
  }
}

const WORDS: Record<string, string> = {
  UNAUTHENTICATED: 'Your sign-in has expired. Please sign in again.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'Not found. It may not exist, or you may not have access to it.',
  CONFLICT: 'Someone else changed this first. The page now shows the latest; please check and try again.',
  RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on the server. Please try again.',
};

export function toApiError(error: CombinedError): ApiError {
  if (error.networkError && !error.graphQLErrors.length) {
    return new ApiError('Cannot reach the server. Check your connection and try again.', 'NETWORK');
  }
  const first = error.graphQLErrors[0];
  const code = String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const field = first?.extensions?.field as string | undefined;
  // Input and conflict messages from the server are written for people; show them as they are.
  const serverSays = first?.message && code !== 'INTERNAL_SERVER_ERROR' ? first.message : '';
  const message =
    code === 'BAD_USER_INPUT' ? serverSays || 'Please check what you entered.'
    : code === 'CONFLICT' && serverSays ? `${serverSays.replace(/\.$/, '')}. ${WORDS.CONFLICT}`
    : WORDS[code] ?? (serverSays || WORDS.INTERNAL_SERVER_ERROR);
  return new ApiError(message, code, field, serverSays);
}

/** The error as the server worded it, when it did; else as errorText puts it. */
export function serverWords(error: unknown): string {
  return (error instanceof ApiError && error.serverMessage) || errorText(error);
}

export function errorText(error: unknown): string {
  if (!error) return '';
  if (error instanceof Error) return error.message;
  return String(error);
}
