/** How a decision moves money on each disputed item; pure, so it can be tested on its own. */
export type CreditDecision =
  | { kind: 'NONE' }
  | { kind: 'FULL' }
  | { kind: 'FRACTION'; fraction: number }
  | { kind: 'AMOUNT'; totalMinor: number };

export interface BilledItem {
  key: string;
  /** The line's amount, or null for a session paid with a package credit. */
  lineAmountMinor: number | null;
}

export interface ItemTarget {
  key: string;
  /** Total credit this ticket should have given on the line. */
  creditMinor: number;
  /** Whether this ticket should have given the package credit back. */
  restorePackage: boolean;
}

/**
 * Targets for every item: full credit and package restored; a fraction of each line; or a fixed
 * total spread over the lines in proportion to their amounts (largest remainder, so it adds up
 * exactly). Package credits come back only with full credit.
 */
export function planCredits(items: BilledItem[], decision: CreditDecision): ItemTarget[] {
  const lines = items.filter((i) => i.lineAmountMinor !== null);
  const billed = lines.reduce((sum, i) => sum + i.lineAmountMinor!, 0);
  const shares = new Map<string, number>();
  if (decision.kind === 'AMOUNT') {
    const total = Math.min(decision.totalMinor, billed);
    const exact = lines.map((i) => ({ key: i.key, value: billed ? (total * i.lineAmountMinor!) / billed : 0 }));
    let left = total - exact.reduce((sum, e) => sum + Math.floor(e.value), 0);
    const byRemainder = [...exact].sort((a, b) => (b.value % 1) - (a.value % 1) || a.key.localeCompare(b.key));
    for (const e of exact) shares.set(e.key, Math.floor(e.value));
    for (const e of byRemainder) {
      if (left <= 0) break;
      shares.set(e.key, shares.get(e.key)! + 1);
      left -= 1;
    }
  }
  return items.map((item) => {
    const amount = item.lineAmountMinor;
    if (amount === null) return { key: item.key, creditMinor: 0, restorePackage: decision.kind === 'FULL' };
    const creditMinor =
      decision.kind === 'FULL' ? amount
      : decision.kind === 'FRACTION' ? Math.round(amount * Math.min(1, Math.max(0, decision.fraction)))
      : decision.kind === 'AMOUNT' ? shares.get(item.key) ?? 0
      : 0;
    return { key: item.key, creditMinor, restorePackage: false };
  });
}
