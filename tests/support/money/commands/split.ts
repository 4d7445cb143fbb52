import fc from 'fast-check';
import { splitTicket } from '../../../../server/src/desk/split';
import { TicketStatus } from '../../../../server/src/tickets/enums';
import { type Model, type Real, type Staff, type TicketPick, expectOutcome, pickTicket, sessionLabel, ticketPick, verdict } from '../model';
import { type CommandKind, MoneyCommand } from './base';

/** Staff move some sessions of an ONGOING ticket into a new ticket (a retry returns the first split's ticket). */
export class Split extends MoneyCommand {
  readonly kind = 'split';
  private told = '';
  constructor(readonly ticket: TicketPick, readonly picks: number[], readonly who: Staff) {
    super();
  }
  check(m: Readonly<Model>) {
    return m.tickets.length > 0;
  }
  protected async act(m: Model, real: Real) {
    const t = pickTicket(m, this.ticket, ['ONGOING']);
    const own = [...t.sessions].sort();
    const moving = own.length ? [...new Set(this.picks.map((i) => own[i % own.length]))].sort() : [];
    this.told = `${this.who} splits ${moving.map((id) => sessionLabel(real, id)).join(', ') || 'nothing'} off ${t.name} (${t.status})`;
    const key = `${t.id}:${moving.join(',')}`;
    const v = verdict(real, m, this.who, t, 'split');
    const expected = m.splits.has(key) ? 'ok' : !v.ok ? v.code : !moving.length || moving.length >= own.length ? 'BAD_USER_INPUT' : 'ok';
    const made = await expectOutcome(real, this.kind, expected, () => splitTicket(real.deps, real.viewers[this.who], { ticketId: t.id, sessionIds: moving, title: 'Split off' }));
    if (!made || expected !== 'ok') return;
    if (m.splits.has(key)) {
      this.told += ` (a retry: ${m.tickets.find((x) => x.id === made.id)?.name})`;
      return;
    }
    m.splits.set(key, made.id);
    const name = `T${m.tickets.length + 1}`;
    this.told += ` -> ${name}`;
    for (const id of moving) t.sessions.delete(id);
    m.tickets.push({
      name, id: made.id, reporter: t.reporter, mergedReporters: [...t.mergedReporters], status: TicketStatus.ONGOING, category: t.category,
      requestedEffect: t.requestedEffect, sessions: new Set(moving), autoCloseAt: null, resolutionDueAt: t.resolutionDueAt, mergedInto: null, statusChanges: 1,
    });
  }
  toString() {
    return this.told || `${this.who} splits sessions #${this.picks.join(',')} off ticket #${this.ticket.i}`;
  }
}

export const split: CommandKind = {
  kind: 'split',
  weight: 2,
  arbitrary: fc.tuple(ticketPick, fc.uniqueArray(fc.nat(5), { maxLength: 3 }), fc.constantFrom<Staff>('coordinator', 'admin', 'tutor'))
    .map(([ticket, picks, who]) => new Split(ticket, picks, who)),
};
