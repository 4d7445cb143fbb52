import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeCategory, ResolutionEffect, ResolutionOutcome } from '../../server/src/tickets/enums';
import { type TestApp, startTestApp } from '../support/app';
import { Clock } from '../support/money/commands/clock';
import { Merge } from '../support/money/commands/merge';
import { Report } from '../support/money/commands/report';
import { Resolve } from '../support/money/commands/resolve';
import { Split } from '../support/money/commands/split';
import type { Model, Real, Staff } from '../support/money/model';
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
const nth = (i: number) => ({ i, likely: true });

/** A split of the fixture's sessions named by label (the split command picks among the ticket's sessions in id order). */
class SplitLabels extends Split {
  constructor(ticket: { i: number; likely: boolean }, readonly labels: string[], who: Staff) {
    super(ticket, [], who);
  }
  protected async act(m: Model, real: Real) {
    const ids = this.labels.map((label) => real.fixture.sessions.find((s) => s.label === label)!.id);
    const open = m.tickets.filter((t) => t.status === 'ONGOING');
    const t = (open.length ? open : m.tickets)[this.ticket.i % (open.length || m.tickets.length)];
    const own = [...t.sessions].sort();
    (this as { picks: number[] }).picks = ids.map((id) => own.indexOf(id));
    return super.act(m, real);
  }
}

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

  it('a merged family\'s decision that gives less takes the credit back from the ticket that gave it', async () => {
    const counts = await replayStory(app, [
      new Report('parent', [0], DisputeCategory.NO_SHOW, null), // A -> T1
      new Report('parent', [1], DisputeCategory.NO_SHOW, null), // B -> T2
      new Resolve(nth(0), 'tutor', { kind: 'action', pick: 0 }, null), // T1: full credit on A (3000)
      new Merge(nth(0), [nth(0)], 'coordinator'), // T1 (RESOLVED) into T2
      new Resolve(nth(0), 'tutor', { kind: 'action', pick: 1 }, null), // T2: no credit, A's 3000 taken back from T1
    ]);
    expect(counts.get('report ok')).toBe(2);
    expect(counts.get('merge ok')).toBe(1);
    expect(counts.get('resolve ok')).toBe(2);
  });

  it('after a split, the merge target\'s decision takes back the credit the ticket merged into it gave', async () => {
    const counts = await replayStory(app, [
      new Report('parent', [0], DisputeCategory.NO_SHOW, null), // A -> T1
      new Report('parent', [1], DisputeCategory.NO_SHOW, ResolutionEffect.PARTIAL_CREDIT), // B -> T2 asking partial credit
      new Resolve(nth(1), 'tutor', { kind: 'grant' }, null), // T2: partial credit on B (1250)
      new Merge(nth(0), [nth(0)], 'coordinator'), // T2 (RESOLVED) into T1
      new SplitLabels(nth(0), ['A'], 'coordinator'), // A off T1 -> T3 (T1 keeps B)
      new Resolve(nth(0), 'coordinator', { kind: 'outcome', outcome: ResolutionOutcome.IN_FAVOR_OF_EDUCATOR }, null), // T1: B's 1250 taken back from T2
      new Resolve(nth(0), 'coordinator', { kind: 'outcome', outcome: ResolutionOutcome.IN_FAVOR_OF_EDUCATOR }, null), // T3 (A): nothing to take back
    ]);
    expect(counts.get('report ok')).toBe(2);
    expect(counts.get('merge ok')).toBe(1);
    expect(counts.get('split ok')).toBe(1);
    expect(counts.get('resolve ok')).toBe(3);
  });
});
