/** What a resolution will do to money, shown before the coordinator or tutor confirms it. */
export interface PreviewInput {
  /** Prices of the disputed sessions (minor units, one currency). */
  sessionPrices: readonly number[];
  currency: string;
  outcome?: string | null;
  action?: { effect: string; creditPercent?: number | null } | null;
  /** Override for partial credit (coordinator). */
  creditAmountMinor?: number | null;
  /** Already credited by an earlier decision on this ticket; only the difference moves. */
  alreadyCreditedMinor?: number;
}

export interface Preview {
  creditMinor: number;
  /** creditMinor minus what was already credited: positive credits more, negative charges back. */
  differenceMinor: number;
  explanation: string;
}

export function previewResolution(input: PreviewInput): Preview {
  const total = input.sessionPrices.reduce((sum, price) => sum + price, 0);
  const already = input.alreadyCreditedMinor ?? 0;
  let credit = 0;
  let explanation = 'No money moves.';
  const effect = input.action?.effect;
  if (input.outcome === 'IN_FAVOR_OF_PARENT' || (!input.outcome && effect === 'FULL_CREDIT')) {
    credit = total;
    explanation = 'Full credit for the disputed sessions.';
  } else if (input.outcome === 'SPLIT') {
    credit = input.creditAmountMinor ?? Math.round(total / 2);
    explanation = input.creditAmountMinor != null ? 'Partial credit of the amount entered.' : 'Half of the disputed sessions is credited.';
  } else if (!input.outcome && effect === 'PARTIAL_CREDIT') {
    const percent = input.action?.creditPercent ?? 50;
    credit = input.creditAmountMinor ?? Math.round((total * percent) / 100);
    explanation = `${percent}% of the disputed sessions is credited.`;
  } else if (!input.outcome && effect === 'RESTORE_PACKAGE_CREDIT') {
    explanation = 'Package sessions get their credit back; billed sessions are credited in full.';
    credit = total;
  } else if (!input.outcome && effect === 'RESCHEDULE') {
    explanation = 'The session is rescheduled; no money moves.';
  }
  credit = Math.max(0, Math.min(credit, total));
  const differenceMinor = credit - already;
  if (already && differenceMinor !== 0) {
    explanation += differenceMinor > 0 ? ' Only the difference from the earlier credit is credited.' : ' The earlier credit was larger: the difference is charged on the next invoice.';
  }
  return { creditMinor: credit, differenceMinor, explanation };
}
