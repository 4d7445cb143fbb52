/** A failure a retry cannot fix (a rejected address, a blocked bot): the message goes DEAD at once. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/** Delay before the retry that follows failed attempt number `attempts` (1-based): base, 2x, 4x ... */
export function retryDelayMs(baseMs: number, attempts: number): number {
  return baseMs * 2 ** Math.max(0, attempts - 1);
}

/** What is stored as lastError: the message, without stack traces, bounded in size. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}
