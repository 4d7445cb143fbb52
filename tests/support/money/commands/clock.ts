import fc from 'fast-check';
import { expect, vi } from 'vitest';
import { TicketStatus } from '../../../../server/src/tickets/enums';
import { type Model, type Real } from '../model';
import { type CommandKind, MoneyCommand } from './base';

/** Time passes (the injected clock) and the timers run: RESOLVED tickets past their window close, ONGOING ones past due escalate. */
export class Clock extends MoneyCommand {
  readonly kind = 'auto-close';
  constructor(readonly hours: number) {
    super();
  }
  protected async act(m: Model, real: Real) {
    m.now += this.hours * 3_600_000;
    vi.setSystemTime(m.now);
    const closing = m.tickets.filter((t) => t.status === TicketStatus.RESOLVED && t.autoCloseAt !== null && t.autoCloseAt <= m.now);
    const escalating = m.tickets.filter((t) => t.status === TicketStatus.ONGOING && t.resolutionDueAt <= m.now);
    const swept = await real.tickets.sweepTimers(new Date(m.now));
    const bump = (key: string, by: number) => real.counts.set(key, (real.counts.get(key) ?? 0) + by);
    bump(`${this.kind} ok`, 1);
    bump(`${this.kind}: tickets closed by the timer`, swept.closed);
    bump(`${this.kind}: tickets escalated by the timer`, swept.escalated);
    expect(swept, 'timers closed and escalated what the model says').toEqual({ closed: closing.length, escalated: escalating.length });
    for (const t of closing) Object.assign(t, { status: TicketStatus.CLOSED, autoCloseAt: null, statusChanges: t.statusChanges + 1 });
    for (const t of escalating) Object.assign(t, { status: TicketStatus.ESCALATED, autoCloseAt: null, statusChanges: t.statusChanges + 1 });
  }
  toString() {
    return `${this.hours} hours pass, the timers run`;
  }
}

export const clock: CommandKind = {
  kind: 'auto-close',
  weight: 2,
  arbitrary: fc.constantFrom(1, 24, 73, 73, 170).map((hours) => new Clock(hours)),
};
