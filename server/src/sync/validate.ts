import { DomainError, badInput } from '../errors';

const MAX_ID = 200;
const MAX_TEXT = 10_000;
const CURRENCY = /^[A-Z]{3}$/;

/** Every string of an item, at any depth: no NUL characters, ids and texts of sane length. */
export function checkStrings(value: unknown, path = ''): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw badInput(path, `${label(path)} contains a NUL character, which text may not contain`);
    const max = /externalid$/i.test(path) || /ExternalIds\.\d+$/.test(path) ? MAX_ID : MAX_TEXT;
    if (value.length > max) throw badInput(path, `${label(path)} is ${value.length} characters long; at most ${max} are accepted`);
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => checkStrings(v, `${path}.${i}`));
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, v] of Object.entries(value)) checkStrings(v, path ? `${path}.${key}` : key);
  }
}

/** A field's name as a person reads it: "scheduledEnd" -> "scheduled end". */
export function label(path: string): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? 'a value';
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

export function requireText(value: string | null | undefined, field: string, what: string): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(field, `${what} is empty; send some text`);
  return text;
}

export function requireCurrency(currency: string, field: string): string {
  if (!CURRENCY.test(currency)) throw badInput(field, `"${currency.slice(0, 20)}" is not a currency code; use three capital letters such as EUR or USD`);
  return currency;
}

export function requireAmount(amountMinor: number, field: string): number {
  if (!Number.isInteger(amountMinor) || amountMinor < 0) throw badInput(field, 'An amount is a whole number of minor units (cents), zero or more');
  return amountMinor;
}

export function requireValidDate(value: Date | null | undefined, field: string): void {
  if (value && Number.isNaN(value.getTime())) throw badInput(field, 'This is not a date and time; use ISO 8601 in UTC, e.g. 2026-12-04T10:00:00Z');
}

/** A refusal that names the field (CONFLICT with a field, e.g. the price of a disputed session). */
export const conflictOn = (field: string, message: string) => new DomainError('CONFLICT', message, field);
