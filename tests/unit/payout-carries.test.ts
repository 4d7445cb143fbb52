import { describe, expect, it } from 'vitest';
import { planCarries } from '../../server/src/billing/payout-carries';

const late = (id: string, payoutId: string, remainingMinor: number) => ({ id, payoutId, remainingMinor });
const payout = (id: string, capacityMinor: number) => ({ id, capacityMinor });

describe('planCarries', () => {
  it('carries a late credit onto the next payout, spilling over to later ones, never past a payout\'s capacity', () => {
    expect(planCarries([late('L1', 'A', 2500)], [payout('B', 1800), payout('C', 1800)])).toEqual([
      { lateCreditId: 'L1', payoutId: 'B', amountMinor: 1800 },
      { lateCreditId: 'L1', payoutId: 'C', amountMinor: 700 },
    ]);
  });

  it('leaves what no payout can take waiting (no carry, no negative payout)', () => {
    expect(planCarries([late('L1', 'A', 900)], [payout('B', 300)])).toEqual([{ lateCreditId: 'L1', payoutId: 'B', amountMinor: 300 }]);
    expect(planCarries([late('L1', 'A', 900)], [])).toEqual([]);
  });

  it('a later, smaller decision cancels what is still waiting from the same payout first', () => {
    const carries = planCarries([late('L1', 'A', 900), late('L2', 'X', 500), late('L3', 'A', -900)], [payout('B', 1800)]);
    expect(carries).toEqual([{ lateCreditId: 'L2', payoutId: 'B', amountMinor: 500 }]);
  });

  it('money given back beyond what waits raises the next payout, and makes room for other late credits', () => {
    const carries = planCarries([late('L1', 'A', -600), late('L2', 'X', 2000)], [payout('B', 1800), payout('C', 1000)]);
    expect(carries).toEqual([
      { lateCreditId: 'L1', payoutId: 'B', amountMinor: -600 },
      { lateCreditId: 'L2', payoutId: 'B', amountMinor: 2000 },
    ]);
    const onB = carries.filter((c) => c.payoutId === 'B').reduce((sum, c) => sum + c.amountMinor, 0);
    expect(onB).toBeLessThanOrEqual(1800);
  });
});
