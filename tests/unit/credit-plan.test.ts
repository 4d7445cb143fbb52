import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planCredits } from '../../server/src/billing/credit-plan';

const lines = (...amounts: number[]) => amounts.map((amount, i) => ({ key: `l${i}`, lineAmountMinor: amount }));
const credits = (plan: ReturnType<typeof planCredits>) => plan.map((t) => t.creditMinor);

describe('planCredits', () => {
  it('FULL credits every line in full and gives package credits back', () => {
    expect(planCredits([...lines(3000, 1250), { key: 'p', lineAmountMinor: null }], { kind: 'FULL' })).toEqual([
      { key: 'l0', creditMinor: 3000, restorePackage: false },
      { key: 'l1', creditMinor: 1250, restorePackage: false },
      { key: 'p', creditMinor: 0, restorePackage: true },
    ]);
  });

  it('NONE moves nothing', () => {
    expect(planCredits([...lines(3000), { key: 'p', lineAmountMinor: null }], { kind: 'NONE' })).toEqual([
      { key: 'l0', creditMinor: 0, restorePackage: false },
      { key: 'p', creditMinor: 0, restorePackage: false },
    ]);
  });

  it('FRACTION takes that share of each line, rounded, and never restores a package credit', () => {
    expect(credits(planCredits(lines(3000, 1001), { kind: 'FRACTION', fraction: 0.5 }))).toEqual([1500, 501]);
    expect(credits(planCredits(lines(3000), { kind: 'FRACTION', fraction: 0.3 }))).toEqual([900]);
    expect(planCredits([{ key: 'p', lineAmountMinor: null }], { kind: 'FRACTION', fraction: 1 })).toEqual([{ key: 'p', creditMinor: 0, restorePackage: false }]);
  });

  it('AMOUNT splits a total over the lines by largest remainder: 1000 over three equal lines is 334, 333, 333', () => {
    // Exact shares 333.33 each: the floors add to 999, and the one cent left goes to the first by key.
    expect(credits(planCredits(lines(1001, 1001, 1001), { kind: 'AMOUNT', totalMinor: 1000 }))).toEqual([334, 333, 333]);
  });

  it('AMOUNT gives the leftover cents to the largest remainders, not the largest lines', () => {
    // 100 over 1, 2 and 4 (of 7): exact 14.29, 28.57, 57.14 -> floors 14, 28, 57 (99); the biggest remainder is .57.
    expect(credits(planCredits(lines(1, 2, 4), { kind: 'AMOUNT', totalMinor: 7 }))).toEqual([1, 2, 4]);
    expect(credits(planCredits(lines(100, 200, 400), { kind: 'AMOUNT', totalMinor: 100 }))).toEqual([14, 29, 57]);
  });

  it('AMOUNT of zero credits nothing; of the whole bill credits every line in full', () => {
    expect(credits(planCredits(lines(500, 700), { kind: 'AMOUNT', totalMinor: 0 }))).toEqual([0, 0]);
    expect(credits(planCredits(lines(500, 700), { kind: 'AMOUNT', totalMinor: 1200 }))).toEqual([500, 700]);
  });

  it('AMOUNT adds up exactly and stays within each line, whatever the lines', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (amounts, share) => {
        const billed = amounts.reduce((a, b) => a + b, 0);
        const total = Math.floor(billed * share);
        const plan = credits(planCredits(lines(...amounts), { kind: 'AMOUNT', totalMinor: total }));
        expect(plan.reduce((a, b) => a + b, 0)).toBe(total);
        plan.forEach((credit, i) => {
          expect(credit).toBeGreaterThanOrEqual(0);
          expect(credit).toBeLessThanOrEqual(amounts[i]);
          // Proportional to within one minor unit.
          expect(Math.abs(credit - (total * amounts[i]) / billed)).toBeLessThan(1);
        });
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });
});
