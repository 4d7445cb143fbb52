import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProfileQuery, UpdateProfileMutation } from '../../graphql/people';
import { updateViewer } from '../../lib/auth';
import { mutate, query } from '../../lib/client';
import { CATALOGUES, t } from '../../lib/i18n';
import { createSubmit } from '../../lib/submit';

/** The signed-in person's name, language and time zone. */
export default function ProfilePage() {
  const [me] = createResource(() => query(ProfileQuery, {}).then((d) => d.me));
  const [name, setName] = createSignal<string | null>(null);
  const [locale, setLocale] = createSignal<string | null>(null);
  const [timezone, setTimezone] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);
  const { busy, error, onSubmit } = createSubmit();
  const submit = onSubmit(async () => {
    setSaved(false);
    const { updateProfile } = await mutate(UpdateProfileMutation, { input: { name: name(), locale: locale(), timezone: timezone()?.trim() || null } });
    updateViewer({ name: updateProfile.name, locale: updateProfile.locale });
    setSaved(true);
  });
  return (
    <section aria-labelledby="profile-title">
      <div class="page-head"><h1 id="profile-title">{t('profile.title')}</h1></div>
      <ErrorNotice error={me.error} />
      <Show when={me()}>
        {(user) => (
          <form class="card" onSubmit={submit} aria-labelledby="profile-title">
            <p class="muted">{user().email}</p>
            <label>{t('profile.name')}<input required value={name() ?? user().name} onInput={(e) => setName(e.currentTarget.value)} /></label>
            <label>{t('profile.language')}
              <select value={locale() ?? user().locale} onChange={(e) => setLocale(e.currentTarget.value)}>
                <For each={Object.keys(CATALOGUES)}>{(code) => <option value={code}>{t(`lang.${code}`)}</option>}</For>
              </select>
            </label>
            <label>{t('profile.timezone')}
              <input value={timezone() ?? user().timezone} onInput={(e) => setTimezone(e.currentTarget.value)} list="timezones" />
              <span class="muted">{t('profile.timezoneHint')}</span>
            </label>
            <datalist id="timezones">
              <For each={typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []}>{(zone) => <option value={zone} />}</For>
            </datalist>
            <ErrorNotice error={error()} />
            <Show when={saved()}><p class="notice" role="status">{t('profile.saved')}</p></Show>
            <div class="form-actions"><button type="submit" class="primary" disabled={busy()}>{busy() ? t('common.saving') : t('profile.save')}</button></div>
          </form>
        )}
      </Show>
    </section>
  );
}
