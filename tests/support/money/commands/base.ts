import type fc from 'fast-check';
import { vi } from 'vitest';
import { checkInvariants } from '../invariants';
import type { Model, Real } from '../model';

/**
 * One operation that moves or holds money. `act` predicts the outcome from the model, runs the
 * real service, checks the outcome and updates the model; every invariant is checked after it.
 * The sequence clock ticks a second per command (the services read it through Date).
 */
export abstract class MoneyCommand implements fc.AsyncCommand<Model, Real> {
  abstract readonly kind: string;
  check(m: Readonly<Model>): boolean {
    void m;
    return true;
  }
  protected abstract act(m: Model, real: Real): Promise<void>;
  async run(m: Model, real: Real): Promise<void> {
    m.now += 1000;
    vi.setSystemTime(m.now);
    const started = performance.now();
    await this.act(m, real);
    const acted = performance.now();
    await checkInvariants(m, real);
    real.timings.act += acted - started;
    real.timings.invariants += performance.now() - acted;
  }
  abstract toString(): string;
}

/** A command kind: how often it is drawn, and how its commands are generated. */
export interface CommandKind {
  kind: string;
  weight: number;
  arbitrary: fc.Arbitrary<MoneyCommand>;
}
