import fc from 'fast-check';
import { DisputeCategory, ResolutionEffect, TicketStatus } from '../../../../server/src/tickets/enums';
import type { Reporter } from '../fixture';
import { type Model, type Real, coveredSessions, expectOutcome } from '../model';
import { type CommandKind, MoneyCommand } from './base';

/** A parent reports some completed sessions of their children (CONFLICT while one is in an open dispute). */
export class Report extends MoneyCommand {
  readonly kind = 'report';
  private made = '';
  constructor(readonly reporter: Reporter, readonly picks: number[], readonly category: DisputeCategory, readonly requestedEffect: ResolutionEffect | null) {
    super();
  }
  private sessions(real: Real) {
    const reportable = real.fixture.sessions.filter((s) => s.completed && s.reporters.includes(this.reporter));
    return [...new Set(this.picks.map((i) => reportable[i % reportable.length]))];
  }
  protected async act(m: Model, real: Real) {
    const sessions = this.sessions(real);
    const covered = coveredSessions(m);
    const expected = sessions.some((s) => covered.has(s.id)) ? 'CONFLICT' : 'ok';
    this.made = sessions.map((s) => s.label).join(', ');
    const ticket = await expectOutcome(real, this.kind, expected, () => real.tickets.report(real.viewers[this.reporter], {
      sessionIds: sessions.map((s) => s.id), category: this.category, title: 'Money test', description: 'Something went wrong', requestedEffect: this.requestedEffect,
    }));
    if (!ticket) return;
    const name = `T${m.tickets.length + 1}`;
    this.made = `${this.made} -> ${name}`;
    m.tickets.push({
      name, id: ticket.id, reporter: this.reporter, mergedReporters: [], status: TicketStatus.ONGOING, category: this.category,
      requestedEffect: this.requestedEffect, sessions: new Set(sessions.map((s) => s.id)), autoCloseAt: null,
      resolutionDueAt: m.now + real.config.resolutionDueAfterMs, mergedInto: null, statusChanges: 1,
    });
  }
  toString() {
    return `${this.reporter} reports ${this.made || `sessions #${this.picks.join(',')}`} as ${this.category}${this.requestedEffect ? ` asking ${this.requestedEffect}` : ''}`;
  }
}

export const report: CommandKind = {
  kind: 'report',
  weight: 4,
  arbitrary: fc.tuple(
    fc.constantFrom<Reporter>('parent', 'parent', 'parent2'),
    fc.uniqueArray(fc.nat(6), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(DisputeCategory.NO_SHOW, DisputeCategory.DURATION, DisputeCategory.SCHEDULING, DisputeCategory.BILLING),
    fc.constantFrom(null, null, ResolutionEffect.FULL_CREDIT, ResolutionEffect.PARTIAL_CREDIT, ResolutionEffect.RESTORE_PACKAGE_CREDIT),
  ).map(([reporter, picks, category, effect]) => new Report(reporter, picks, category, effect)),
};
