import fc from 'fast-check';
import { type Model, type Person, type Real, type TicketPick, expectOutcome, pickTicket, ticketPick, verdict } from '../model';
import { type CommandKind, MoneyCommand } from './base';

type Who = 'reporter' | 'tutor' | 'coordinator' | 'admin';

/** The reporter accepts (CLOSED) or escalates a resolution; the tutor or a coordinator escalates an ONGOING ticket. */
export class Respond extends MoneyCommand {
  private told = '';
  constructor(readonly kind: 'accept' | 'escalate', readonly ticket: TicketPick, readonly who: Who) {
    super();
  }
  check(m: Readonly<Model>) {
    return m.tickets.length > 0;
  }
  protected async act(m: Model, real: Real) {
    const t = pickTicket(m, this.ticket, this.kind === 'accept' ? ['RESOLVED'] : ['RESOLVED', 'ONGOING']);
    const person: Person = this.who === 'reporter' ? t.reporter : this.who;
    this.told = `${person} ${this.kind}s ${t.name} (${t.status})`;
    const v = verdict(real, m, person, t, this.kind);
    const viewer = real.viewers[person];
    const done = await expectOutcome(real, this.kind, v.ok ? 'ok' : v.code, () => this.kind === 'accept'
      ? real.tickets.accept(viewer, { ticketId: t.id, comment: 'Fine' })
      : real.tickets.escalate(viewer, { ticketId: t.id, comment: 'Not fine' }));
    if (!done || !v.ok) return;
    t.status = v.to;
    t.statusChanges += 1;
    t.autoCloseAt = null;
  }
  toString() {
    return this.told || `${this.who} ${this.kind}s ticket #${this.ticket.i}`;
  }
}

const who = fc.constantFrom<Who>('reporter', 'reporter', 'reporter', 'tutor', 'coordinator', 'admin');

export const accept: CommandKind = {
  kind: 'accept', weight: 2, arbitrary: fc.tuple(ticketPick, who).map(([t, w]) => new Respond('accept', t, w)),
};
export const escalate: CommandKind = {
  kind: 'escalate', weight: 2, arbitrary: fc.tuple(ticketPick, who).map(([t, w]) => new Respond('escalate', t, w)),
};
