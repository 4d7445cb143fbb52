import fc from 'fast-check';
import { ResolutionEffect, ResolutionOutcome, TicketStatus } from '../../../../server/src/tickets/enums';
import { type Model, type Real, type Staff, type TicketPick, billedOf, expectOutcome, nth, pickTicket, ticketPick, verdict } from '../model';
import { type CommandKind, MoneyCommand } from './base';

type How =
  | { kind: 'outcome'; outcome: ResolutionOutcome }
  | { kind: 'action'; pick: number }
  | { kind: 'grant' };

/**
 * resolveTicket on an ONGOING ticket (tutor, coordinator, admin) or the final decision on an
 * ESCALATED one (admin): an outcome, an action of the ticket's category, or the remedy the reporter
 * asked for, with or without a partial amount. The model predicts the refusals in the service's order.
 */
export class Resolve extends MoneyCommand {
  readonly kind = 'resolve';
  private told = '';
  constructor(readonly ticket: TicketPick, readonly who: Staff, readonly how: How, readonly amount: number | null) {
    super();
  }
  check(m: Readonly<Model>) {
    return m.tickets.length > 0;
  }
  protected async act(m: Model, real: Real) {
    const t = pickTicket(m, this.ticket, ['ONGOING', 'ESCALATED']);
    const how: How = this.who === 'tutor' && this.how.kind === 'outcome' ? { kind: 'action', pick: 0 } : this.how;
    const actions = real.actions.get(t.category)!;
    const action = how.kind === 'action' ? nth(actions, how.pick) : null;
    const effect = how.kind === 'grant' ? t.requestedEffect : action?.effect ?? null;
    this.told = `${this.who} ${t.status === TicketStatus.ESCALATED ? 'makes the final decision on' : 'resolves'} ${t.name}: ${how.kind === 'outcome' ? how.outcome : how.kind === 'grant' ? `grants ${t.requestedEffect ?? 'nothing asked'}` : `action ${action!.effect}${action!.creditPercent ? ` ${action!.creditPercent}%` : ''}`}${this.amount === null ? '' : `, ${this.amount} cents`}`;
    const v = verdict(real, m, this.who, t, 'resolve');
    let expected: string = v.ok ? 'ok' : v.code;
    if (v.ok) {
      const partial = how.kind === 'outcome' ? how.outcome === ResolutionOutcome.SPLIT : effect === ResolutionEffect.PARTIAL_CREDIT;
      if (how.kind === 'grant' && !t.requestedEffect) expected = 'BAD_USER_INPUT';
      else if (this.amount !== null && (!partial || this.amount > billedOf(real, t))) expected = 'BAD_USER_INPUT';
    }
    const done = await expectOutcome(real, `${this.kind}${t.status === TicketStatus.ESCALATED ? ' (final)' : ''}`, expected, () => real.tickets.resolve(real.viewers[this.who], {
      ticketId: t.id, comment: 'Decided by the money test',
      outcome: how.kind === 'outcome' ? how.outcome : null, actionId: action?.id ?? null, grantRequestedEffect: how.kind === 'grant', creditAmountMinor: this.amount,
    }));
    if (!done || !v.ok) return;
    t.status = v.to;
    t.statusChanges += 1;
    t.autoCloseAt = v.to === TicketStatus.RESOLVED ? m.now + real.config.autoCloseAfterMs : null;
  }
  toString() {
    return this.told || `${this.who} resolves ticket #${this.ticket.i} (${JSON.stringify(this.how)}, amount ${this.amount})`;
  }
}

const how: fc.Arbitrary<How> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...Object.values(ResolutionOutcome)).map((outcome) => ({ kind: 'outcome' as const, outcome })) },
  { weight: 2, arbitrary: fc.nat(3).map((pick) => ({ kind: 'action' as const, pick })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'grant' as const }) },
);
const amount = fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 9000 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 1499, 2999, 3000) });

export const resolve: CommandKind = {
  kind: 'resolve',
  weight: 5,
  arbitrary: fc.tuple(ticketPick, fc.constantFrom<Staff>('tutor', 'coordinator', 'admin', 'admin'), how, amount)
    .map(([ticket, who, h, a]) => new Resolve(ticket, who, h, a)),
};
