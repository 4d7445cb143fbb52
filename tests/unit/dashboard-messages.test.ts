import { describe, expect, it } from 'vitest';
import { CATALOGUES, pickLocale, t } from '../../dashboard/src/lib/i18n';

describe('dashboard catalogues', () => {
  it('have the same keys in every language, none empty', () => {
    const reference = Object.keys(CATALOGUES.en).sort();
    for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
      expect(Object.keys(catalogue).sort(), locale).toEqual(reference);
      for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('fill placeholders the same in every language', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(CATALOGUES.en)) {
      expect(names((CATALOGUES.es as Record<string, string>)[key]), key).toEqual(names(text));
    }
  });

  it('choose plural forms by Intl.PluralRules, format numbers by Intl, and fall back to English', () => {
    expect(t('users.count', { count: 1 }, 'en')).toBe('1 person');
    expect(t('users.count', { count: 1200 }, 'en')).toBe('1,200 people');
    expect(t('users.count', { count: 1200 }, 'es')).toBe('1200 personas');
    expect(t('login.wait', { count: 15 }, 'es')).toBe('Demasiados intentos fallidos. Vuelve a intentarlo dentro de 15 minutos.');
    expect(pickLocale('es-MX')).toBe('es');
    expect(pickLocale('xx')).toBe('en');
  });
});
