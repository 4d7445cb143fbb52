import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeCategory, ResolutionEffect } from '../../server/src/tickets/enums';
import { type TestApp, startTestApp } from '../support/app';
import { Clock } from '../support/money/commands/clock';
import { Report } from '../support/money/commands/report';
import { Resolve } from '../support/money/commands/resolve';
import { replayStory } from '../support/money/run';

/**
 * Counterexamples the money property test found (tests/integration/money-invariants.test.ts), each
 * replayed as the story it printed: the same commands on the same fixture, every invariant checked
 * after each. Session picks index the reporter's completed sessions (parent: A, B, C, P, G).
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(() => app?.close());

const ongoing = { i: 0, likely: true };

describe('money regressions', () => {
  it('a package credit one ticket gave back is not given back again by a later ticket on the same session', async () => {
    const counts = await replayStory(app, [
      new Report('parent', [3, 0], DisputeCategory.NO_SHOW, ResolutionEffect.FULL_CREDIT), // P, A -> T1
      new Resolve(ongoing, 'tutor', { kind: 'grant' }, null), // P's credit comes back
      new Clock(73), // T1 closes itself
      new Report('parent', [3, 0], DisputeCategory.NO_SHOW, null), // P, A again -> T2
      new Resolve(ongoing, 'tutor', { kind: 'action', pick: 0 }, null), // full credit: P's credit is already back
    ]);
    expect(counts.get('report ok')).toBe(2);
    expect(counts.get('resolve ok')).toBe(2);
  });
});
