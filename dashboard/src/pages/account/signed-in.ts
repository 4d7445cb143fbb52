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
