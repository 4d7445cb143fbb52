import type { IncomingMessage, ServerResponse } from 'node:http';
import { unauthenticated } from '../errors';
import type { SessionCookie } from '../graphql/context';

/**
 * The dashboard's session: its login token in an HttpOnly, SameSite=Strict cookie (Secure outside
 * development), never in script-readable storage. Partner apps keep `Authorization: Bearer`.
 * A request authenticated by the cookie must carry CSRF_HEADER (a cross-site form cannot send a
 * custom header, and a cross-origin script would need a CORS preflight the server never grants)
 * and, when the browser sends one, an Origin of this server.
 */
export const SESSION_COOKIE = 'tickets_session';
export const CSRF_HEADER = 'x-tickets-csrf';


export function cookieValue(header: string | undefined, name = SESSION_COOKIE): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Same origin as the request's Host (or PUBLIC_URL), when the browser said where it comes from. */
export function sameOrigin(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const own = new Set([new URL(publicUrl).host, req.headers.host]);
  try {
    return own.has(new URL(origin).host);
  } catch {
    return false;
  }
}

/** The Authorization to authenticate a request with: its header, or the session cookie behind the CSRF checks. */
export function requestCredential(req: IncomingMessage, publicUrl: string, requireCsrfHeader = true): { authorization: string | null; viaCookie: boolean } {
  if (req.headers.authorization) return { authorization: req.headers.authorization, viaCookie: false };
  const token = cookieValue(req.headers.cookie);
  if (!token) return { authorization: null, viaCookie: false };
  if ((requireCsrfHeader && !req.headers[CSRF_HEADER]) || !sameOrigin(req, publicUrl)) {
    throw unauthenticated('This request came from another site, or without the dashboard\'s safety header; sign in again');
  }
  return { authorization: `Bearer ${token}`, viaCookie: true };
}

export function sessionCookie(req: IncomingMessage, res: ServerResponse, secure: boolean, viaCookie: boolean): SessionCookie {
  const attributes = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  const set = (value: string) => {
    const previous = res.getHeader('set-cookie');
    res.setHeader('set-cookie', [...(Array.isArray(previous) ? previous : previous ? [String(previous)] : []), value]);
  };
  return {
    viaCookie,
    wanted: !!req.headers[CSRF_HEADER],
    signedIn: (token, ttlSeconds) => set(`${SESSION_COOKIE}=${encodeURIComponent(token)}; Max-Age=${ttlSeconds}; ${attributes}`),
    signedOut: () => set(`${SESSION_COOKIE}=; Max-Age=0; ${attributes}`),
  };
}
