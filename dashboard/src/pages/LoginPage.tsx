import { A, Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, onMount, Show } from 'solid-js';
import { LoginMutation } from '../graphql/account';
import { SignInOptionsQuery } from '../graphql/people';
import { homeFor, viewer } from '../lib/auth';
import { ErrorNotice } from '../components/ErrorNotice';
import { mutate, query } from '../lib/client';
import { ApiError } from '../lib/errors';
import { t } from '../lib/i18n';
import { createSubmit } from '../lib/submit';
import { finishSignIn, finishSingleSignOn } from './account/signed-in';

/** The server's real wait, in words: minutes when it is more than one, else seconds. */
function waitWords(seconds: number): string {
  return seconds > 90 ? t('login.wait', { count: Math.ceil(seconds / 60) }) : t('login.waitSeconds', { count: seconds });
}

// The demo seed's accounts (API.md); listed only in development builds.
const DEMO_ACCOUNTS: Array<[email: string, role: string]> = [
  ['coordinator@demo.test', 'COORDINATOR'],
  ['admin@demo.test', 'ADMIN'],
  ['tutor@demo.test', 'TUTOR'],
  ['tutor2@demo.test', 'TUTOR'],
  ['parent@demo.test', 'PARENT'],
  ['parent2@demo.test', 'PARENT'],
  ['learner@demo.test', 'LEARNER'],
];
const SHOW_DEMO = import.meta.env.DEV || import.meta.env.VITE_SHOW_DEMO_ACCOUNTS !== 'false';

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string; sso_error?: string }>();
  const [options] = createResource(() => query(SignInOptionsQuery, {}).catch(() => null));
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  // At sign-in, UNAUTHENTICATED means wrong credentials, not an expired session.
  const { busy, error, onSubmit } = createSubmit((e) =>
    e instanceof ApiError && e.code === 'UNAUTHENTICATED' ? t('login.wrong')
    : e instanceof ApiError && e.code === 'RATE_LIMITED' && e.retryAfter ? waitWords(e.retryAfter)
    : e);

  const { error: ssoError, run: runSso } = createSubmit();
  onMount(() => {
    if (new URLSearchParams(location.hash.slice(1)).get('sso')) void runSso(() => finishSingleSignOn(navigate, params.next));
  });
  const ssoHref = () => `/auth/oidc/start?next=${encodeURIComponent(params.next ?? '/')}`;

  const submit = onSubmit(async () => {
    const { login } = await mutate(LoginMutation, { email: email().trim(), password: password() });
    finishSignIn({ ...login, user: { ...login.user, email: login.user.email ?? email().trim() } }, navigate, params.next);
  });
  const useDemo = (demoEmail: string) => {
    setEmail(demoEmail);
    setPassword('demo1234');
  };

  return (
    <Show when={!viewer()} fallback={<Navigate href={homeFor(viewer()!.role)} />}>
      <main id="main" class="login">
        <form class="card login-card" onSubmit={submit} aria-labelledby="login-title">
          <h1 id="login-title">{t('login.title')}</h1>
          <label>
            {t('login.email')}
            <input type="email" name="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label>
            {t('login.password')}
            <input type="password" name="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
          </label>
          <ErrorNotice error={error()} />
          <button type="submit" class="primary" disabled={busy()}>{busy() ? t('login.busy') : t('login.submit')}</button>
          <A href="/forgot">{t('login.forgot')}</A>
          <Show when={options()?.singleSignOn}>
            {(provider) => <a class="button" rel="external" href={ssoHref()}>{t('login.sso', { provider: provider() })}</a>}
          </Show>
          <Show when={params.sso_error}>
            {(reason) => <p class="error" role="alert">{t('login.ssoFailed', { reason: reason() })}</p>}
          </Show>
          <ErrorNotice error={ssoError()} />
          <Show when={options()?.setupNeeded}>
            <A href="/setup">{t('login.setup')}</A>
          </Show>
        </form>
        <Show when={SHOW_DEMO}>
          <section class="card demo-accounts" aria-labelledby="demo-title">
            <h2 id="demo-title">{t('login.demoTitle')}</h2>
            <p class="muted">{t('login.demoHint', { password: 'demo1234' })}</p>
            <ul>
              <For each={DEMO_ACCOUNTS}>
                {([demoEmail, role]) => (
                  <li>
                    <button type="button" class="link-button" onClick={() => useDemo(demoEmail)}>{demoEmail}</button>
                    <span class="muted"> {t(`role.${role}`)}</span>
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
