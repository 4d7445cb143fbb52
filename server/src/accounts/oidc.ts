import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Request, type Response, Router } from 'express';
import * as oidc from 'openid-client';
import { isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import { clientAddress } from '../http/client-address';
import { sessionCookie } from '../http/session-cookie';
import type { Services } from '../graphql/context';

/**
 * Single sign-on for staff (OpenID Connect, authorization code + PKCE, openid-client): only an
 * active COORDINATOR or ADMIN whose e-mail the provider verified is signed in; nobody is created.
 * The state, nonce and PKCE verifier travel in a signed, HttpOnly cookie (any instance can finish).
 */
const COOKIE = 'tickets_oidc';
const COOKIE_MAX_AGE_MS = 10 * 60_000;

interface Pending { state: string; nonce: string; verifier: string; next: string; at: number }

export function oidcRoutes(services: Services): Router {
  const router = Router();
  const settings = services.config.oidc;
  if (!settings) return router;
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined,
      // A local provider (tests, development) speaks plain HTTP.
      settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined);
    discovered.catch(() => (discovered = undefined));
    return discovered;
  };
  const redirectUri = () => `${services.config.publicUrl}/auth/oidc/callback`;
  const secret = services.tokens.cookieKey;
  const fail = (res: Response, words: string) => res.redirect(303, `${services.config.publicUrl}/login?sso_error=${encodeURIComponent(words)}`);

  router.get('/auth/oidc/start', async (req, res) => {
    try {
      const config = await configuration();
      const pending: Pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), next: safeNext(req.query.next), at: Date.now() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri(), scope: 'openid email profile', state: pending.state, nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier), code_challenge_method: 'S256',
      });
      res.cookie(COOKIE, sign(secret, pending), { httpOnly: true, sameSite: 'lax', secure: services.config.publicUrl.startsWith('https:'), maxAge: COOKIE_MAX_AGE_MS, path: '/auth/oidc' });
      res.redirect(303, url.href);
    } catch (error) {
      console.error('OIDC start failed', error);
      fail(res, 'The sign-in provider cannot be reached right now. Try again, or sign in with your password.');
    }
  });

  router.get('/auth/oidc/callback', async (req, res) => {
    res.clearCookie(COOKIE, { path: '/auth/oidc' });
    const pending = verify(secret, readCookie(req, COOKIE));
    if (!pending || Date.now() - pending.at > COOKIE_MAX_AGE_MS) return fail(res, 'The sign-in took too long or was started elsewhere. Please try again.');
    let email: string | undefined;
    try {
      const config = await configuration();
      const current = new URL(`${redirectUri()}${req.url.slice(req.url.indexOf('?'))}`);
      const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce });
      const claims = tokens.claims()!;
      const info = { ...claims, ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)) };
      if (typeof info.email === 'string' && info.email_verified === true) email = info.email.trim().toLowerCase();
    } catch (error) {
      console.warn('OIDC callback refused:', (error as Error).message);
      return fail(res, 'The sign-in provider did not confirm who you are. Please try again.');
    }
    if (!email) return fail(res, 'The sign-in provider did not confirm your e-mail address.');
    const em = services.orm.em.fork() as EntityManager;
    const user = await em.findOne(User, { email, active: true });
    if (!user || !isStaff(user.role)) return fail(res, 'No active staff account uses this e-mail address. Ask an admin to invite you.');
    const { token } = await services.auth.startSession(em, user, clientAddress(req, services.config.trustProxy));
    // The dashboard's session is the HttpOnly cookie, as at login; the page then asks who it is.
    sessionCookie(req, res, services.config.publicUrl.startsWith('https:'), false).signedIn(token, services.config.jwtTtlSeconds);
    res.redirect(303, `${services.config.publicUrl}/login?next=${encodeURIComponent(pending.next)}#sso=1`);
  });
  return router;
}

const safeNext = (value: unknown) => (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value.slice(0, 500) : '/');

function sign(key: Buffer, value: Pending): string {
  const body = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

function verify(key: Buffer, cookie: string | undefined): Pending | null {
  const [body, mac] = (cookie ?? '').split('.');
  if (!body || !mac) return null;
  const expected = createHmac('sha256', key).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Pending;
  } catch {
    return null;
  }
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
