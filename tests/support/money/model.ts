import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { expect } from 'vitest';
import { Role } from '../../../server/src/auth/roles';
import type { Viewer } from '../../../server/src/auth/viewer';
import type { Config } from '../../../server/src/config';
import { errorCodeOf } from '../../../server/src/errors';
import type { DisputeCategory, ResolutionEffect, TicketStatus } from '../../../server/src/tickets/enums';
import { type Actor, type TicketAction, type Verdict, decide } from '../../../server/src/tickets/rules';
import type { TicketDeps } from '../../../server/src/tickets/ticket-deps';
import type { TicketService } from '../../../server/src/tickets/tickets.service';
import type { Fixture, Reporter } from './fixture';

/** What the model knows of one ticket: enough to predict every command's verdict. */
export interface ModelTicket {
  /** T1, T2, …: the story's name for it. */
  name: string;
  id: string;
  reporter: Reporter;
  mergedReporters: Reporter[];
  status: TicketStatus;
  category: DisputeCategory;
  requestedEffect: ResolutionEffect | null;
  sessions: Set<string>;
  /** ms since epoch (the sequence clock), or null. */
  autoCloseAt: number | null;
  resolutionDueAt: number;
  mergedInto: string | null;
  /** Status changes so far (the report counts): each must have exactly one log row. */
  statusChanges: number;
}

export interface Model {
  now: number;
  tickets: ModelTicket[];
  cancelled: Set<string>;
  /** Payout id -> the reference it was paid under. */
  paid: Map<string, string>;
  /** split idempotency keys (source id + sessions) -> the ticket the split made. */
  splits: Map<string, string>;
}

/** People who act besides the fixture's reporters. */
export type Staff = 'tutor' | 'coordinator' | 'admin';
export type Person = Reporter | Staff;

export interface Real {
  em: EntityManager;
  tickets: TicketService;
  deps: TicketDeps;
  config: Config;
  fixture: Fixture;
  viewers: Record<Person, Viewer>;
  /** Resolution action ids by category, in a fixed order. */
  actions: Map<string, Array<{ id: string; effect: ResolutionEffect; creditPercent: number | null }>>;
  /** PAID payouts as first seen (with their carries): paid money never changes. */
  paidSnapshot: Map<string, string>;
  /** Commands that ran, per kind and result ('ok' or the error code). */
  counts: Map<string, number>;
  /** Where the time goes: the commands themselves, and the checks after them (ms). */
  timings: { act: number; invariants: number };
}

export const STAFF_ROLES: Record<Staff, Role> = { tutor: Role.TUTOR, coordinator: Role.COORDINATOR, admin: Role.ADMIN };

/** Picks the i-th of a list (commands are generated before the model knows how long its lists are). */
export const nth = <T>(list: readonly T[], i: number): T => list[i % list.length];

export const openTickets = (m: Model) => m.tickets.filter((t) => t.status !== 'CLOSED');

/**
 * Which ticket a command acts on: mostly one in a status where the command can do something
 * (`likely`), otherwise any (those must refuse). Skips `avoid` when it can (a merge's target).
 */
export interface TicketPick { i: number; likely: boolean }
export const pickTicket = (m: Model, pick: TicketPick, likely: readonly string[], avoid?: ModelTicket): ModelTicket => {
  const others = m.tickets.filter((t) => t !== avoid);
  const all = others.length ? others : m.tickets;
  const fitting = all.filter((t) => likely.includes(t.status));
  return nth(pick.likely && fitting.length ? fitting : all, pick.i);
};
export const ticketPick: fc.Arbitrary<TicketPick> = fc.record({ i: fc.nat(9), likely: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) });

/** Whether an open ticket covers the session: its payout must be HELD. */
export const coveredSessions = (m: Model) => new Set(openTickets(m).flatMap((t) => [...t.sessions]));

export function actorOf(who: Person, ticket: ModelTicket): Actor {
  const reporterRole = who === 'parent' || who === 'parent2';
  return {
    role: reporterRole ? Role.PARENT : STAFF_ROLES[who as Staff],
    isReporter: who === ticket.reporter,
    isMergedReporter: reporterRole && ticket.mergedReporters.includes(who as Reporter),
    isTutor: who === 'tutor',
  };
}

/** Everyone in the fixture sees its tickets except a parent who reported none of the merged ones. */
export const sees = (who: Person, t: ModelTicket) => !(who === 'parent' || who === 'parent2') || t.reporter === who || t.mergedReporters.includes(who);

export function verdict(real: Real, m: Model, who: Person, t: ModelTicket, action: TicketAction): Verdict | { ok: false; code: 'NOT_FOUND' } {
  void m;
  if (!sees(who, t)) return { ok: false, code: 'NOT_FOUND' };
  return decide(t.status, action, actorOf(who, t), { coordinatorsDecideEscalations: real.config.coordinatorsDecideEscalations });
}

/** The billed amount of the ticket's disputed lines (the most a partial amount may be). */
export function billedOf(real: Real, t: ModelTicket): number {
  const reporters = new Set([t.reporter, ...t.mergedReporters]);
  return real.fixture.sessions.filter((s) => t.sessions.has(s.id)).reduce((sum, s) => sum + [...reporters].reduce((a, r) => a + s.billedBy[r], 0), 0);
}

/**
 * Runs one service call and checks it ended as the model said: `expected` is 'ok' or an error
 * code. Returns whether it succeeded. A refused call must change nothing (checked by the invariants
 * and the model staying as it was).
 */
export async function expectOutcome<T>(real: Real, kind: string, expected: string, call: () => Promise<T>): Promise<T | undefined> {
  let result: T | undefined;
  let actual = 'ok';
  try {
    result = await call();
  } catch (error) {
    actual = errorCodeOf(error) ?? `unexpected error: ${error instanceof Error ? error.stack : String(error)}`;
  }
  const key = `${kind} ${actual}`;
  real.counts.set(key, (real.counts.get(key) ?? 0) + 1);
  expect(actual, `${kind}: expected ${expected}`).toBe(expected);
  return result;
}

export const sessionLabel = (real: Real, id: string) => real.fixture.sessions.find((s) => s.id === id)?.label ?? id;
