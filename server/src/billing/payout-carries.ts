/** How late credits are carried onto later payouts; pure, so it can be tested on its own. */
export interface OpenLateCredit {
  id: string;
  /** The paid payout whose session was credited late. */
  payoutId: string;
  /** What is still to be carried: the late credit less what payouts already PAID took (signed). */
  remainingMinor: number;
}

export interface UnpaidPayout {
  id: string;
  /** What it can still give up: amount − its own session's deduction. */
  capacityMinor: number;
}

export interface Carry {
  lateCreditId: string;
  payoutId: string;
  amountMinor: number;
}

/**
 * Nets the late credits, then carries them onto the unpaid payouts in order (the next one to be
 * paid first). A negative one (a later, smaller decision) first cancels what is still waiting,
 * from the same payout first, newest first; what is left of it is money given back, carried whole
 * onto the next payout (it only raises that payout's net). A positive one takes at most each
 * payout's capacity, so no payout goes negative; what no payout can take waits for the next.
 */
export function planCarries(lateCredits: OpenLateCredit[], payouts: UnpaidPayout[]): Carry[] {
  const positives: OpenLateCredit[] = [];
  const negatives: OpenLateCredit[] = [];
  for (const late of lateCredits) {
    const row = { ...late };
    if (row.remainingMinor > 0) {
      positives.push(row);
      continue;
    }
    const candidates = [...positives].reverse().sort((a, b) => Number(b.payoutId === row.payoutId) - Number(a.payoutId === row.payoutId));
    for (const positive of candidates) {
      if (row.remainingMinor >= 0) break;
      const take = Math.min(positive.remainingMinor, -row.remainingMinor);
      positive.remainingMinor -= take;
      row.remainingMinor += take;
    }
    if (row.remainingMinor < 0) negatives.push(row);
  }
  if (!payouts.length) return [];
  const room = payouts.map((p) => ({ ...p }));
  const carries: Carry[] = negatives.map((n) => ({ lateCreditId: n.id, payoutId: room[0].id, amountMinor: n.remainingMinor }));
  room[0].capacityMinor -= negatives.reduce((sum, n) => sum + n.remainingMinor, 0);
  let next = 0;
  for (const positive of positives) {
    let left = positive.remainingMinor;
    while (left > 0 && next < room.length) {
      const take = Math.min(left, room[next].capacityMinor);
      if (take > 0) {
        carries.push({ lateCreditId: positive.id, payoutId: room[next].id, amountMinor: take });
        room[next].capacityMinor -= take;
        left -= take;
      }
      if (room[next].capacityMinor <= 0) next += 1;
    }
  }
  return carries;
}
