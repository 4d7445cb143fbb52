import fc from 'fast-check';
import { mergeTickets } from '../../../../server/src/desk/merge';
import { TicketStatus } from '../../../../server/src/tickets/enums';
import type { Reporter } from '../fixture';
import { type Model, type Real, type Staff, type TicketPick, expectOutcome, pickTicket, ticketPick, verdict } from '../model';
import { type CommandKind, MoneyCommand } from './base';

/** Staff close duplicates into a target (ONGOING or ESCALATED): sources CLOSED, their sessions and reporters join it. */
export class Merge extends MoneyCommand {
  readonly kind = 'merge';
  private told = '';
  constructor(readonly target: TicketPick, readonly sources: TicketPick[], readonly who: Staff) {
    super();
  }
  check(m: Readonly<Model>) {
    return m.tickets.length > 1;
  }
  protected async act(m: Model, real: Real) {
    const target = pickTicket(m, this.target, ['ONGOING', 'ESCALATED']);
    const sources = [...new Set(this.sources.map((p) => pickTicket(m, p, ['ONGOING', 'RESOLVED', 'ESCALATED'], target)))].sort((a, b) => (a.id < b.id ? -1 : 1));
    this.told = `${this.who} merges ${sources.map((s) => `${s.name} (${s.status})`).join(', ')} into ${target.name} (${target.status})`;
    const pending = sources.filter((s) => s.mergedInto !== target.id);
    let expected = 'ok';
    if (sources.includes(target)) expected = 'BAD_USER_INPUT';
    else if (pending.length) {
      const refusal = [verdict(real, m, this.who, target, 'mergeInto'), ...pending.map((s) => verdict(real, m, this.who, s, 'merge'))].find((v) => !v.ok);
      if (refusal && !refusal.ok) expected = refusal.code;
    }
    const done = await expectOutcome(real, this.kind, expected, () => mergeTickets(real.deps, real.viewers[this.who], { targetId: target.id, sourceIds: sources.map((s) => s.id) }));
    if (!done || expected !== 'ok') return;
    for (const source of pending) {
      for (const id of source.sessions) target.sessions.add(id);
      source.sessions = new Set();
      const joining: Reporter[] = [source.reporter, ...source.mergedReporters];
      target.mergedReporters = [...joining, ...target.mergedReporters].filter((r, i, all) => r !== target.reporter && all.indexOf(r) === i);
      Object.assign(source, { status: TicketStatus.CLOSED, autoCloseAt: null, mergedInto: target.id, statusChanges: source.statusChanges + 1 });
    }
  }
  toString() {
    return this.told || `${this.who} merges tickets #${this.sources.map((p) => p.i).join(',')} into #${this.target.i}`;
  }
}

export const merge: CommandKind = {
  kind: 'merge',
  weight: 2,
  arbitrary: fc.tuple(ticketPick, fc.array(ticketPick, { minLength: 1, maxLength: 2 }), fc.constantFrom<Staff>('coordinator', 'admin', 'admin', 'tutor'))
    .map(([target, sources, who]) => new Merge(target, sources, who)),
};
