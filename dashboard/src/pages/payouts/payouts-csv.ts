import type { PayoutRow } from './types';

const CSV_COLUMNS = ['payout_id', 'tutor', 'tutor_email', 'session_date', 'subject', 'status', 'amount', 'deductions', 'net', 'currency', 'reference'] as const;

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const decimal = (minor: number) => (minor / 100).toFixed(2);

/** The payment run as CSV (RFC 4180): one line per payout, amounts in major units with a dot. */
export function payoutsCsv(rows: PayoutRow[]): string {
  const lines = rows.map((p) => [
    p.id, p.tutor.name, p.tutor.email ?? '', p.session.scheduledStart.slice(0, 10), p.session.subject, p.status,
    decimal(p.amount.amountMinor), decimal(p.deductions.amountMinor), decimal(p.net.amountMinor), p.net.currency, p.reference ?? '',
  ].map(cell).join(','));
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
