import type { Navigator } from '@solidjs/router';
import { homeFor, type Role, signIn } from '../../lib/auth';
import { resetConnection } from '../../lib/client';

/** After any way of signing in (password, invitation, reset, setup): keep the session and go home. */
export function finishSignIn(payload: { token: string; user: { id: string; name: string; email?: string | null; role: string; locale: string } }, navigate: Navigator, next?: string) {
  resetConnection();
  signIn(payload.token, { ...payload.user, email: payload.user.email ?? '', role: payload.user.role as Role });
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : homeFor(payload.user.role as Role);
  navigate(target, { replace: true });
}

/**
 * The end of single sign-on: the server put the token in the URL fragment (never sent to a
 * server); ask who it belongs to, then keep the session like any sign-in.
 */
export async function finishSingleSignOn(token: string, navigate: Navigator, next?: string): Promise<void> {
  history.replaceState(null, '', location.pathname + location.search);
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { id name email role locale } }' }),
  });
  const { data } = (await response.json()) as { data?: { me?: { id: string; name: string; email: string | null; role: string; locale: string } } };
  if (!data?.me) throw new Error('Single sign-on did not finish; please try again.');
  finishSignIn({ token, user: data.me }, navigate, next);
}
