import { A, useNavigate, useParams } from '@solidjs/router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ResetPasswordMutation } from '../../graphql/people';
import { mutate } from '../../lib/client';
import { ApiError } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { createSubmit } from '../../lib/submit';
import { createPasswordFields } from './PasswordFields';
import { finishSignIn } from './signed-in';

/** /reset/:token from the e-mail: a new password, then signed in (every older session ends). */
export default function ResetPasswordPage() {
  const params = useParams<{ token: string }>();
  const navigate = useNavigate();
  const fields = createPasswordFields();
  const { busy, error, onSubmit } = createSubmit();
  const submit = onSubmit(async () => {
    const { resetPassword } = await mutate(ResetPasswordMutation, { token: params.token, newPassword: fields.password() });
    finishSignIn(resetPassword, navigate);
  }, fields.check);
  const linkBroken = () => error() instanceof ApiError && (error() as ApiError).field === 'token';
  return (
    <main id="main" class="login">
      <form class="card login-card" onSubmit={submit} aria-labelledby="reset-title">
        <h1 id="reset-title">{t('reset.title')}</h1>
        <fields.Fields />
        <ErrorNotice error={error()} />
        {linkBroken() ? <A href="/forgot">{t('link.askNew')}</A> : null}
        <button type="submit" class="primary" disabled={busy()}>{busy() ? t('common.saving') : t('reset.submit')}</button>
      </form>
    </main>
  );
}
