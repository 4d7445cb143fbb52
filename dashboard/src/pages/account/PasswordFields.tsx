import { createSignal } from 'solid-js';
import { t } from '../../lib/i18n';

/** A new password typed twice; `check()` gives the problem in words, or null. */
export function createPasswordFields() {
  const [password, setPassword] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const check = () => (password().length < 8 ? t('password.short') : password() !== repeat() ? t('password.mismatch') : null);
  const Fields = () => (
    <>
      <label>
        {t('password.new')}
        <input type="password" name="new-password" autocomplete="new-password" required minLength={8} aria-describedby="password-rule" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <span id="password-rule" class="muted">{t('password.rule')}</span>
      <label>
        {t('password.repeat')}
        <input type="password" name="repeat-password" autocomplete="new-password" required value={repeat()} onInput={(e) => setRepeat(e.currentTarget.value)} />
      </label>
    </>
  );
  return { password, check, Fields };
}
