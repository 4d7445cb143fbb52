import fc from 'fast-check';
import { markPayoutsPaid } from '../../../../server/src/billing/payouts.service';
import { type Model, type Real, type Staff, coveredSessions, expectOutcome, nth } from '../model';
import { type CommandKind, MoneyCommand } from './base';

/** An admin records a payment run: RELEASED payouts become PAID (CONFLICT when one is HELD or paid under another reference). */
export class Pay extends MoneyCommand {
  readonly kind = 'pay';
  private told = '';
  constructor(readonly picks: number[], readonly reference: string, readonly who: Staff) {
    super();
  }
  protected async act(m: Model, real: Real) {
    const ids = [...new Set(this.picks.map((i) => nth(real.fixture.payoutIds, i)))];
    const sessionOf = (id: string) => real.fixture.sessions.find((s) => s.payoutId === id)!;
    this.told = `${this.who} pays the payouts of ${ids.map((id) => sessionOf(id).label).join(', ')} as ${this.reference}`;
    const covered = coveredSessions(m);
    const held = ids.some((id) => !m.paid.has(id) && covered.has(sessionOf(id).id));
    const otherRun = ids.some((id) => m.paid.has(id) && m.paid.get(id) !== this.reference);
    const expected = this.who !== 'admin' ? 'FORBIDDEN' : held || otherRun ? 'CONFLICT' : 'ok';
    const done = await expectOutcome(real, this.kind, expected, () => markPayoutsPaid(real.em, real.viewers[this.who], ids, this.reference));
    if (done) for (const id of ids) if (!m.paid.has(id)) m.paid.set(id, this.reference);
  }
  toString() {
    return this.told || `${this.who} pays payouts #${this.picks.join(',')} as ${this.reference}`;
  }
}

export const pay: CommandKind = {
  kind: 'pay',
  weight: 3,
  arbitrary: fc.tuple(fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 3 }), fc.constantFrom('RUN-A', 'RUN-B'), fc.constantFrom<Staff>('admin', 'admin', 'admin', 'coordinator'))
    .map(([picks, reference, who]) => new Pay(picks, reference, who)),
};
