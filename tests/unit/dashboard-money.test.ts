import { describe, expect, it } from 'vitest';
import { presence, sessionEvidence } from '../../dashboard/src/lib/evidence';
import { previewResolution } from '../../dashboard/src/lib/money-preview';

const session = (tutorJoin: string | null, tutorLeave: string | null) => ({
  scheduledStart: '2026-01-01T14:00:00.000Z',
  scheduledEnd: '2026-01-01T15:00:00.000Z',
  tutor: { id: 'tutor' },
  price: { amountMinor: 3000, currency: 'EUR' },
  attendance: [
    { user: { id: 'tutor' }, joinedAt: tutorJoin, leftAt: tutorLeave },
    { user: { id: 'kid' }, joinedAt: '2026-01-01T14:00:00.000Z', leftAt: '2026-01-01T15:00:00.000Z' },
  ],
});

describe('session evidence', () => {
  it('measures lateness and leaving early against the schedule', () => {
    expect(presence({ user: { id: 'x' }, joinedAt: '2026-01-01T14:12:00.000Z', leftAt: '2026-01-01T14:45:00.000Z' }, '2026-01-01T14:00:00.000Z', '2026-01-01T15:00:00.000Z')).toEqual({
      absent: false,
      lateMinutes: 12,
      earlyMinutes: 15,
    });
  });

  it('suggests full credit for a no-show, a share for missed time, nothing within grace', () => {
    expect(sessionEvidence(session(null, null)).suggestedCreditMinor).toBe(3000);
    const partial = sessionEvidence(session('2026-01-01T14:15:00.000Z', '2026-01-01T14:45:00.000Z'));
    expect(partial.suggestedCreditMinor).toBe(1500);
    expect(partial.summary).toContain('15 min late');
    expect(sessionEvidence(session('2026-01-01T14:02:00.000Z', '2026-01-01T15:00:00.000Z')).suggestedCreditMinor).toBe(0);
  });
});

describe('resolution money preview', () => {
  const base = { sessionPrices: [3000, 3500], currency: 'EUR' };
  it('follows the outcome', () => {
    expect(previewResolution({ ...base, outcome: 'IN_FAVOR_OF_PARENT' }).creditMinor).toBe(6500);
    expect(previewResolution({ ...base, outcome: 'IN_FAVOR_OF_EDUCATOR' }).creditMinor).toBe(0);
    expect(previewResolution({ ...base, outcome: 'SPLIT' }).creditMinor).toBe(3250);
    expect(previewResolution({ ...base, outcome: 'SPLIT', creditAmountMinor: 1000 }).creditMinor).toBe(1000);
    expect(previewResolution({ ...base, outcome: 'SPLIT', creditAmountMinor: 99_999 }).creditMinor).toBe(6500);
  });

  it('follows a tutor action effect', () => {
    expect(previewResolution({ ...base, action: { effect: 'FULL_CREDIT' } }).creditMinor).toBe(6500);
    expect(previewResolution({ ...base, action: { effect: 'PARTIAL_CREDIT', creditPercent: 20 } }).creditMinor).toBe(1300);
    expect(previewResolution({ ...base, action: { effect: 'RESCHEDULE' } }).creditMinor).toBe(0);
  });

  it('moves only the difference after an earlier credit', () => {
    const more = previewResolution({ ...base, outcome: 'IN_FAVOR_OF_PARENT', alreadyCreditedMinor: 3250 });
    expect(more.differenceMinor).toBe(3250);
    const less = previewResolution({ ...base, outcome: 'IN_FAVOR_OF_EDUCATOR', alreadyCreditedMinor: 3250 });
    expect(less.differenceMinor).toBe(-3250);
    expect(less.explanation).toContain('charged');
  });
});
