/** Money and dates in the reader's locale; money stays integer minor units until shown. */
export interface MoneyLike {
  amountMinor: number;
  currency: string;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
export function money(value: MoneyLike | null | undefined): string {
  if (!value) return '–';
  let format = moneyFormats.get(value.currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency: value.currency });
    moneyFormats.set(value.currency, format);
  }
  return format.format(value.amountMinor / 100);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '–');
export const formatDate = (iso: string | null | undefined) => (iso ? dateOnly.format(new Date(iso)) : '–');
export const formatTime = (iso: string | null | undefined) => (iso ? timeOnly.format(new Date(iso)) : '–');

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** A length of time in a few characters, for tight spaces: "<1 min", "40 min", "5 h", "3 d". */
export function shortDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}
export function timeAgo(iso: string, now = Date.now()): string {
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

/** "ONGOING" -> "Ongoing", "IN_FAVOR_OF_PARENT" -> "In favor of parent". */
export function humanize(value: string | null | undefined): string {
  if (!value) return '–';
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
