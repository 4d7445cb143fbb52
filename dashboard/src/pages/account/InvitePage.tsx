import { useNavigate, useParams } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AcceptInvitationMutation } from '../../graphql/people';
import { mutate } from '../../lib/client';
import { t } from '../../lib/i18n';
import { createSubmit } from '../../lib/submit';
import { createPasswordFields } from './PasswordFields';
import { finishSignIn } from './signed-in';

/** /invite/:token from the invitation e-mail: choose a password, then signed in. */
export default function InvitePage() {
  const params = useParams<{ token: string }>();
  const navigate = useNavigate();
  const fields = createPasswordFields();
  const [name, setName] = createSignal('');
  const { busy, error, onSubmit } = createSubmit();
  const submit = onSubmit(async () => {
    const { acceptInvitation } = await mutate(AcceptInvitationMutation, { token: params.token, password: fields.password(), name: name().trim() || null });
    finishSignIn(acceptInvitation, navigate);
  }, fields.check);
  return (
    <main id="main" class="login">
      <form class="card login-card" onSubmit={submit} aria-labelledby="invite-title">
        <h1 id="invite-title">{t('invite.title')}</h1>
        <p class="muted">{t('invite.intro')}</p>
        <label>
          {t('invite.name')}
          <input name="name" autocomplete="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <fields.Fields />
        <ErrorNotice error={error()} />
        <button type="submit" class="primary" disabled={busy()}>{busy() ? t('common.saving') : t('invite.submit')}</button>
      </form>
    </main>
  );
}
