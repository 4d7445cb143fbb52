import { describe, expect, it } from 'vitest';
import type { PayoutRow } from '../../dashboard/src/pages/payouts/types';
import { payoutsCsv } from '../../dashboard/src/pages/payouts/payouts-csv';

const row = (over: Partial<PayoutRow> = {}): PayoutRow => ({
  id: 'p1', status: 'RELEASED', releasedAt: null, paidAt: null, reference: null,
  amount: { amountMinor: 1800, currency: 'EUR' }, deductions: { amountMinor: 905, currency: 'EUR' }, net: { amountMinor: 895, currency: 'EUR' },
  session: { id: 's1', subject: 'Reading', language: 'English', kind: 'ONE_ON_ONE', scheduledStart: '2026-11-03T14:00:00.000Z' },
  tutor: { id: 't1', name: 'Tomas Tutor', email: 'tutor@demo.test' },
  heldBy: [], deductionLines: [],
  ...over,
} as PayoutRow);

describe('payoutsCsv', () => {
  it('writes a header and one CRLF line per payout, amounts in major units', () => {
    expect(payoutsCsv([row()])).toBe(
      'payout_id,tutor,tutor_email,session_date,subject,status,amount,deductions,net,currency,reference\r\n'
      + 'p1,Tomas Tutor,tutor@demo.test,2026-11-03,Reading,RELEASED,18.00,9.05,8.95,EUR,\r\n',
    );
  });

  it('quotes cells with commas, quotes or line breaks', () => {
    const csv = payoutsCsv([row({ tutor: { id: 't', name: 'Doe, "Jo"', email: 'j@x.test' } as PayoutRow['tutor'], session: { ...row().session, subject: 'Line\nbreak' } })]);
    expect(csv.split('\r\n')[1]).toBe('p1,"Doe, ""Jo""",j@x.test,2026-11-03,"Line\nbreak",RELEASED,18.00,9.05,8.95,EUR,');
  });
});
