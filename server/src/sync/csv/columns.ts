import { badInput } from '../../errors';
import { label } from '../validate';

export type CsvKind = 'USERS' | 'SESSIONS' | 'INVOICES';

/** The columns of each kind, in template order; `*` marks the required ones in the docs. */
export const CSV_COLUMNS: Record<CsvKind, { required: string[]; optional: string[]; example: string[] }> = {
  USERS: {
    required: ['externalId', 'role', 'name'],
    optional: ['email', 'timezone', 'parentExternalId', 'active', 'sourceUpdatedAt'],
    example: ['fam-12', 'PARENT', 'Paula Novak', 'paula@example.com', 'Europe/Berlin', '', 'true', '2026-11-01T08:00:00Z'],
  },
  SESSIONS: {
    required: ['externalId', 'kind', 'status', 'subject', 'language', 'scheduledStart', 'scheduledEnd', 'priceMinor', 'currency', 'tutorExternalId', 'learnerExternalIds'],
    optional: ['tutorPayMinor', 'packageExternalId', 'meetingId', 'lessonId', 'orderId', 'teacherSessionId', 'endedByExternalId', 'sourceUpdatedAt'],
    example: ['appt-881', 'ONE_ON_ONE', 'COMPLETED', 'Maths', 'English', '2026-11-03T15:00:00Z', '2026-11-03T16:00:00Z', '3000', 'EUR', 'tut-7', 'kid-12', '1800', '', '85746065432', '', '', '', '', ''],
  },
  INVOICES: {
    required: ['invoiceExternalId', 'number', 'status', 'billedToExternalId', 'currency', 'lineExternalId', 'description', 'amountMinor'],
    optional: ['issuedAt', 'sessionExternalId', 'sourceUpdatedAt'],
    example: ['inv-2026-11-12', 'INV-2026-0112', 'ISSUED', 'fam-12', 'EUR', '1', 'Maths, 3 November', '3000', '2026-11-04T09:00:00Z', 'appt-881', ''],
  },
};

export const csvHeader = (kind: CsvKind) => [...CSV_COLUMNS[kind].required, ...CSV_COLUMNS[kind].optional];

/** A template: the header and one example row. */
export function csvTemplate(kind: CsvKind): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${csvHeader(kind).join(',')}\n${CSV_COLUMNS[kind].example.map(quote).join(',')}\n`;
}

/** Reading one cell as the type its column needs; a bad value names the column. */
export const cell = {
  text: (row: Record<string, string>, column: string) => (row[column] ?? '').trim(),
  optional: (row: Record<string, string>, column: string) => (row[column] ?? '').trim() || null,
  int(row: Record<string, string>, column: string): number {
    const value = (row[column] ?? '').trim();
    if (!/^-?\d+$/.test(value)) throw badInput(column, `${label(column)} must be a whole number of cents, e.g. 3000`);
    return Number(value);
  },
  date(row: Record<string, string>, column: string, fallback?: Date): Date {
    const value = (row[column] ?? '').trim();
    if (!value && fallback) return fallback;
    const date = new Date(value);
    if (!value || Number.isNaN(date.getTime())) throw badInput(column, `${label(column)} must be a date and time such as 2026-11-03T15:00:00Z`);
    return date;
  },
  oneOf<T extends string>(row: Record<string, string>, column: string, values: readonly T[]): T {
    const value = (row[column] ?? '').trim().toUpperCase();
    if (!values.includes(value as T)) throw badInput(column, `${label(column)} must be one of ${values.join(', ')}`);
    return value as T;
  },
  bool(row: Record<string, string>, column: string): boolean | null {
    const value = (row[column] ?? '').trim().toLowerCase();
    if (!value) return null;
    if (['true', 'yes', '1'].includes(value)) return true;
    if (['false', 'no', '0'].includes(value)) return false;
    throw badInput(column, `${label(column)} must be true or false`);
  },
  list: (row: Record<string, string>, column: string) => (row[column] ?? '').split(/[;|]/).map((v) => v.trim()).filter(Boolean),
};
