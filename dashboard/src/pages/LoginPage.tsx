import { Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { LoginMutation } from '../graphql/account';
import { homeFor, type Role, signIn, viewer } from '../lib/auth';
import { ErrorNotice } from '../components/ErrorNotice';
import { mutate, resetConnection } from '../lib/client';
import { ApiError } from '../lib/errors';
import { createSubmit } from '../lib/submit';

// The demo seed's accounts (API.md); listed only in development builds.
const DEMO_ACCOUNTS: Array<[email: string, role: string]> = [
  ['coordinator@demo.test', 'Coordinator'],
  ['admin@demo.test', 'Admin'],
  ['tutor@demo.test', 'Tutor'],
  ['tutor2@demo.test', 'Tutor'],
  ['parent@demo.test', 'Parent'],
  ['parent2@demo.test', 'Parent'],
  ['learner@demo.test', 'Learner'],
];
const SHOW_DEMO = import.meta.env.DEV || import.meta.env.VITE_SHOW_DEMO_ACCOUNTS !== 'false';

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  // At sign-in, UNAUTHENTICATED means wrong credentials, not an expired session.
  const { busy, error, onSubmit } = createSubmit((e) => (e instanceof ApiError && e.code === 'UNAUTHENTICATED' ? 'Wrong email or password.' : e));

  const submit = onSubmit(async () => {
    const { login } = await mutate(LoginMutation, { email: email().trim(), password: password() });
    resetConnection();
    // The server set the session cookie; the token in the answer is not kept anywhere.
    signIn({ ...login.user, email: login.user.email ?? email().trim(), role: login.user.role as Role });
    const next = params.next?.startsWith('/') && !params.next.startsWith('//') ? params.next : homeFor(login.user.role as Role);
    navigate(next, { replace: true });
  });
  const useDemo = (demoEmail: string) => {
    setEmail(demoEmail);
    setPassword('demo1234');
  };

  return (
    <Show when={!viewer()} fallback={<Navigate href={homeFor(viewer()!.role)} />}>
      <main id="main" class="login">
        <form class="card login-card" onSubmit={submit} aria-labelledby="login-title">
          <h1 id="login-title">Sign in to Tickets</h1>
          <label>
            Email
            <input type="email" name="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label>
            Password
            <input type="password" name="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
          </label>
          <ErrorNotice error={error()} />
          <button type="submit" class="primary" disabled={busy()}>{busy() ? 'Signing in…' : 'Sign in'}</button>
        </form>
        <Show when={SHOW_DEMO}>
          <section class="card demo-accounts" aria-labelledby="demo-title">
            <h2 id="demo-title">Demo accounts</h2>
            <p class="muted">Password <code>demo1234</code>. Choose one to fill the form.</p>
            <ul>
              <For each={DEMO_ACCOUNTS}>
                {([demoEmail, role]) => (
                  <li>
                    <button type="button" class="link-button" onClick={() => useDemo(demoEmail)}>{demoEmail}</button>
                    <span class="muted"> {role}</span>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>
      </main>
    </Show>
  );
}
