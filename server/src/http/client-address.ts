import type { IncomingMessage } from 'node:http';

/**
 * The caller's address: the socket's peer, or with TRUST_PROXY the first X-Forwarded-For entry
 * (only behind a proxy that sets it; otherwise a client could pick its own address).
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first.slice(0, 100);
  }
  return request.socket.remoteAddress ?? 'unknown';
}
