import fc from 'fast-check';
import { cancelSession } from '../../../../server/src/cancellations/cancel-session';
import { type Model, type Person, type Real, expectOutcome } from '../model';
import { type CommandKind, MoneyCommand } from './base';

/** The tutor or staff cancel a scheduled session before it starts: its lines are credited in full, its package credit comes back. */
export class Cancel extends MoneyCommand {
  readonly kind = 'cancel';
  constructor(readonly label: 'S1' | 'S2' | 'S3', readonly who: Person) {
    super();
  }
  protected async act(m: Model, real: Real) {
    const session = real.fixture.sessions.find((s) => s.label === this.label)!;
    const expected = this.who !== 'tutor' && this.who !== 'admin' && this.who !== 'coordinator' ? 'FORBIDDEN'
      : m.cancelled.has(session.id) || m.now >= session.startsAt ? 'CONFLICT' : 'ok';
    const done = await expectOutcome(real, this.kind, expected, () => cancelSession(real.em, real.viewers[this.who], { sessionId: session.id, reason: 'Tutor is ill' }, new Date(m.now)));
    if (done) m.cancelled.add(session.id);
  }
  toString() {
    return `${this.who} cancels scheduled session ${this.label}`;
  }
}

export const cancel: CommandKind = {
  kind: 'cancel',
  weight: 1,
  arbitrary: fc.tuple(fc.constantFrom('S1' as const, 'S2' as const, 'S3' as const), fc.constantFrom<Person>('tutor', 'admin', 'parent'))
    .map(([label, who]) => new Cancel(label, who)),
};
