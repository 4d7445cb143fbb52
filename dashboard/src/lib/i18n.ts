import { createSignal } from 'solid-js';
import { en, type MessageKey } from './messages/en';
import { es } from './messages/es';

/** The dashboard's languages; the catalogues have the same keys (the type and a unit test say so). */
export const CATALOGUES = { en, es } as const;
export type Locale = keyof typeof CATALOGUES;
export type { MessageKey };

/** A shipped language for a BCP 47 tag: exact, else its language, else English. */
export function pickLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return language in CATALOGUES ? (language as Locale) : 'en';
}

// Read through globalThis: unit tests import this module without a DOM.
const browser = globalThis as { navigator?: { language?: string }; document?: { documentElement: { lang: string } } };
const [locale, setLocaleSignal] = createSignal<Locale>(pickLocale(browser.navigator?.language));
export { locale };

export function setLocale(tag: string | null | undefined): void {
  const next = pickLocale(tag);
  setLocaleSignal(next);
  if (browser.document) browser.document.documentElement.lang = next;
}

type Vars = Record<string, string | number>;

/**
 * The message `key` in the viewer's language, `{name}` filled from `vars`. A key with plural
 * forms (`key.one`, `key.other`, ...) is chosen by Intl.PluralRules on `vars.count`; numbers are
 * formatted by Intl. Reactive: pages re-render when the language changes.
 */
export function t(key: MessageKey | string, vars: Vars = {}, lang: Locale = locale()): string {
  const catalogue = CATALOGUES[lang] as Record<string, string>;
  let template = catalogue[key];
  if (template === undefined && typeof vars.count === 'number') {
    const form = new Intl.PluralRules(lang).select(vars.count);
    template = catalogue[`${key}.${form}`] ?? catalogue[`${key}.other`];
  }
  template ??= (en as Record<string, string>)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : value;
  });
}
