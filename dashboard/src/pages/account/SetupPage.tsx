import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CreateFirstAdminMutation, SignInOptionsQuery } from '../../graphql/people';
import { mutate, query } from '../../lib/client';
import { t } from '../../lib/i18n';
import { createSubmit } from '../../lib/submit';
import { createPasswordFields } from './PasswordFields';
import { finishSignIn } from './signed-in';

/** /setup: the first admin account, open only while the installation has none. */
export default function SetupPage() {
  const navigate = useNavigate();
  const [options] = createResource(() => query(SignInOptionsQuery, {}));
  const [email, setEmail] = createSignal('');
  const [name, setName] = createSignal('');
  const fields = createPasswordFields();
  const { busy, error, onSubmit } = createSubmit();
  const submit = onSubmit(async () => {
    const { createFirstAdmin } = await mutate(CreateFirstAdminMutation, { email: email().trim(), name: name().trim(), password: fields.password() });
    finishSignIn(createFirstAdmin, navigate);
  }, fields.check);
  return (
    <main id="main" class="login">
      <form class="card login-card" onSubmit={submit} aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <ErrorNotice error={options.error} />
        <Show when={options()?.setupNeeded === false}>
          <p role="status">{t('setup.closed')}</p>
          <A href="/login">{t('forgot.back')}</A>
        </Show>
        <Show when={options()?.setupNeeded}>
          <p class="muted">{t('setup.intro')}</p>
          <label>
            {t('setup.name')}
            <input name="name" autocomplete="name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            {t('login.email')}
            <input type="email" name="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <fields.Fields />
          <ErrorNotice error={error()} />
          <button type="submit" class="primary" disabled={busy()}>{busy() ? t('common.saving') : t('setup.submit')}</button>
        </Show>
      </form>
    </main>
  );
}
