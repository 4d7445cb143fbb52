import { toCsv } from '../../lib/csv';
import type { PayoutRow } from './types';

const CSV_COLUMNS = ['payout_id', 'tutor', 'tutor_email', 'session_date', 'subject', 'status', 'amount', 'deductions', 'net', 'currency', 'reference'] as const;

const decimal = (minor: number) => (minor / 100).toFixed(2);

/** The payment run as CSV (RFC 4180, lib/csv.ts): one line per payout, amounts in major units with a dot. */
export function payoutsCsv(rows: PayoutRow[]): string {
  return toCsv(CSV_COLUMNS, rows.map((p) => [
    p.id, p.tutor.name, p.tutor.email ?? '', p.session.scheduledStart.slice(0, 10), p.session.subject, p.status,
    decimal(p.amount.amountMinor), decimal(p.deductions.amountMinor), decimal(p.net.amountMinor), p.net.currency, p.reference ?? '',
  ]));
}
