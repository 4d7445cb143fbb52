import type { CombinedError } from '@urql/core';
import { t } from './i18n';

/** An API failure, already put into words for the person using the dashboard. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
    /** The server's own words (empty for internal errors and lost connections). */
    readonly serverMessage = '',
    /** RATE_LIMITED: seconds until the server takes the request again. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

const KNOWN_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']);
/** The dashboard's words for a code, in the viewer's language. */
const words = (code: string) => (KNOWN_CODES.has(code) ? t(`error.${code}`) : undefined);

export function toApiError(error: CombinedError): ApiError {
  if (error.networkError && !error.graphQLErrors.length) {
    return new ApiError(t('error.NETWORK'), 'NETWORK');
  }
  const first = error.graphQLErrors[0];
  const code = String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const field = first?.extensions?.field as string | undefined;
  // Input and conflict messages from the server are written for people; show them as they are.
  const serverSays = first?.message && code !== 'INTERNAL_SERVER_ERROR' ? first.message : '';
  const message =
    code === 'BAD_USER_INPUT' ? serverSays || 'Please check what you entered.'
    : code === 'CONFLICT' && serverSays ? `${serverSays.replace(/\.$/, '')}. ${words('CONFLICT')}`
    : words(code) ?? (serverSays || words('INTERNAL_SERVER_ERROR')!);
  const retryAfter = typeof first?.extensions?.retryAfter === 'number' ? first.extensions.retryAfter : undefined;
  return new ApiError(message, code, field, serverSays, retryAfter);
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
