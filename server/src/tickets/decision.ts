import type { CreditDecision } from '../billing/credit-plan';
import { badInput } from '../errors';
import { ResolutionEffect, ResolutionOutcome } from './enums';

/** How an outcome (coordinators, admins) or an action's effect (tutors) moves money. */
export function decisionFor(
  outcome: ResolutionOutcome | null | undefined,
  effect: ResolutionEffect | null | undefined,
  creditPercent: number | null | undefined,
  creditAmountMinor: number | null | undefined,
): CreditDecision {
  if (creditAmountMinor !== null && creditAmountMinor !== undefined) {
    const partial = outcome ? outcome === ResolutionOutcome.SPLIT : effect === ResolutionEffect.PARTIAL_CREDIT;
    if (!partial) throw badInput('creditAmountMinor', 'An amount to credit goes with a split decision or a partial-credit action');
    if (!Number.isInteger(creditAmountMinor) || creditAmountMinor < 0) throw badInput('creditAmountMinor', 'The amount to credit must be zero or more, in whole cents');
    return { kind: 'AMOUNT', totalMinor: creditAmountMinor };
  }
  if (outcome) {
    if (outcome === ResolutionOutcome.IN_FAVOR_OF_PARENT) return { kind: 'FULL' };
    if (outcome === ResolutionOutcome.SPLIT) return { kind: 'FRACTION', fraction: 0.5 };
    return { kind: 'NONE' };
  }
  switch (effect) {
    case ResolutionEffect.FULL_CREDIT:
    case ResolutionEffect.RESTORE_PACKAGE_CREDIT:
      return { kind: 'FULL' };
    case ResolutionEffect.PARTIAL_CREDIT:
      return { kind: 'FRACTION', fraction: (creditPercent ?? 50) / 100 };
    default:
      return { kind: 'NONE' };
  }
}
