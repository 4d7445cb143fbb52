import type { Navigator } from '@solidjs/router';
import { CSRF_HEADERS, homeFor, type Role, signIn } from '../../lib/auth';
import { resetConnection } from '../../lib/client';

/** After any way of signing in (password, invitation, reset, setup): the server set the session cookie; keep who it is and go home. */
export function finishSignIn(payload: { user: { id: string; name: string; email?: string | null; role: string; locale: string } }, navigate: Navigator, next?: string) {
  resetConnection();
  signIn({ ...payload.user, email: payload.user.email ?? '', role: payload.user.role as Role });
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : homeFor(payload.user.role as Role);
  navigate(target, { replace: true });
}

/** The end of single sign-on: the callback set the session cookie; ask who it belongs to, then go on like any sign-in. */
export async function finishSingleSignOn(navigate: Navigator, next?: string): Promise<void> {
  history.replaceState(null, '', location.pathname + location.search);
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
    body: JSON.stringify({ query: '{ me { id name email role locale } }' }),
  });
  const { data } = (await response.json()) as { data?: { me?: { id: string; name: string; email: string | null; role: string; locale: string } } };
  if (!data?.me) throw new Error('Single sign-on did not finish; please try again.');
  finishSignIn({ user: data.me }, navigate, next);
}
