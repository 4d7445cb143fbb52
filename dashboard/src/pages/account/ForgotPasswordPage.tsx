import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RequestPasswordResetMutation } from '../../graphql/people';
import { mutate } from '../../lib/client';
import { t } from '../../lib/i18n';
import { createSubmit } from '../../lib/submit';

/** "Forgot password?": the same answer whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const [email, setEmail] = createSignal('');
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const { busy, error, onSubmit } = createSubmit();
  const submit = onSubmit(async () => {
    await mutate(RequestPasswordResetMutation, { email: email().trim() });
    setSentTo(email().trim());
  });
  return (
    <main id="main" class="login">
      <form class="card login-card" onSubmit={submit} aria-labelledby="forgot-title">
        <h1 id="forgot-title">{t('forgot.title')}</h1>
        <Show when={sentTo()} fallback={<>
          <p class="muted">{t('forgot.intro')}</p>
          <label>
            {t('login.email')}
            <input type="email" name="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <ErrorNotice error={error()} />
          <button type="submit" class="primary" disabled={busy()}>{busy() ? t('common.sending') : t('forgot.submit')}</button>
        </>}>
          {(to) => <p role="status">{t('forgot.sent', { email: to() })}</p>}
        </Show>
        <A href="/login">{t('forgot.back')}</A>
      </form>
    </main>
  );
}
