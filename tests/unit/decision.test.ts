import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/src/errors';
import { ResolutionEffect, ResolutionOutcome } from '../../server/src/tickets/enums';
import { decisionFor } from '../../server/src/tickets/decision';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? [error.code, error.field] : ['not a domain error'];
  }
  return ['accepted'];
};

describe('decisionFor (docs/API.md "Money and previews")', () => {
  it('outcomes: in favour of the parent is a full credit, of the educator none, a split half', () => {
    expect(decisionFor(ResolutionOutcome.IN_FAVOR_OF_PARENT, null, null, null)).toEqual({ kind: 'FULL' });
    expect(decisionFor(ResolutionOutcome.IN_FAVOR_OF_EDUCATOR, null, null, null)).toEqual({ kind: 'NONE' });
    expect(decisionFor(ResolutionOutcome.SPLIT, null, null, null)).toEqual({ kind: 'FRACTION', fraction: 0.5 });
  });

  it('a SPLIT with creditAmountMinor credits that amount', () => {
    expect(decisionFor(ResolutionOutcome.SPLIT, null, null, 1234)).toEqual({ kind: 'AMOUNT', totalMinor: 1234 });
    expect(decisionFor(ResolutionOutcome.SPLIT, null, null, 0)).toEqual({ kind: 'AMOUNT', totalMinor: 0 });
  });

  it('action effects: full credit and restoring the package credit are full; partial takes its percent; none and reschedule move nothing', () => {
    expect(decisionFor(null, ResolutionEffect.FULL_CREDIT, null, null)).toEqual({ kind: 'FULL' });
    expect(decisionFor(null, ResolutionEffect.RESTORE_PACKAGE_CREDIT, null, null)).toEqual({ kind: 'FULL' });
    expect(decisionFor(null, ResolutionEffect.PARTIAL_CREDIT, 30, null)).toEqual({ kind: 'FRACTION', fraction: 0.3 });
    expect(decisionFor(null, ResolutionEffect.PARTIAL_CREDIT, 30, 700)).toEqual({ kind: 'AMOUNT', totalMinor: 700 });
    expect(decisionFor(null, ResolutionEffect.NONE, null, null)).toEqual({ kind: 'NONE' });
    expect(decisionFor(null, ResolutionEffect.RESCHEDULE, null, null)).toEqual({ kind: 'NONE' });
  });

  it('an outcome wins over an action effect', () => {
    expect(decisionFor(ResolutionOutcome.IN_FAVOR_OF_EDUCATOR, ResolutionEffect.FULL_CREDIT, null, null)).toEqual({ kind: 'NONE' });
  });

  it('refuses creditAmountMinor without a split or partial credit, or when not a whole non-negative number', () => {
    expect(refusal(() => decisionFor(ResolutionOutcome.IN_FAVOR_OF_PARENT, null, null, 100))).toEqual(['BAD_USER_INPUT', 'creditAmountMinor']);
    expect(refusal(() => decisionFor(null, ResolutionEffect.FULL_CREDIT, null, 100))).toEqual(['BAD_USER_INPUT', 'creditAmountMinor']);
    expect(refusal(() => decisionFor(ResolutionOutcome.SPLIT, null, null, -1))).toEqual(['BAD_USER_INPUT', 'creditAmountMinor']);
    expect(refusal(() => decisionFor(ResolutionOutcome.SPLIT, null, null, 10.5))).toEqual(['BAD_USER_INPUT', 'creditAmountMinor']);
  });
});
