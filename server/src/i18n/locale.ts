import { badInput } from '../errors';

/** The languages every message ships in. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const FALLBACK_LOCALE: Locale = 'en';

/**
 * The shipped language closest to a BCP 47 tag: exact, else its language (es-MX -> es), else en.
 * An unknown or malformed tag is not an error: the person reads English.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  if (!tag) return FALLBACK_LOCALE;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    const language = new Intl.Locale(canonical).language;
    return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.trim().length > 0;
  } catch {
    return false;
  }
}

/** The time zone as given, or BAD_USER_INPUT naming `field`. */
export function checkTimeZone(field: string, zone: string): string {
  const trimmed = zone.trim();
  if (!isTimeZone(trimmed)) throw badInput(field, `"${zone.slice(0, 60)}" is not a time zone; use a name such as Europe/Madrid or America/New_York`);
  return trimmed;
}
