import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../db/raw-sql';
import { sessionEvidence } from '../tickets/attendance-facts';
import { disputedParticipants } from '../tickets/disputed-learners';
import { TicketType } from '../tickets/enums';
import type { Ticket } from '../tickets/ticket.entity';
import { FactOp, TicketFact } from './enums';
import type { FactCondition } from './automation.entity';

const MINUTE = 60_000;
const DAY = 86_400_000;
const minutes = (ms: number) => Math.max(0, Math.round(ms / MINUTE));
/** Minutes of [from, to) inside [start, end). */
const within = (from: number, to: number, start: number, end: number) => minutes(Math.min(to, end) - Math.max(from, start));

export type TicketFacts = Record<TicketFact, number | null>;

/**
 * What an automation's condition can compare, for one ticket. Attendance comes from the sessions'
 * records through tickets/evidence.ts (the one reading of attendance); over several sessions the
 * least time present and the most lateness count. Null: the ticket has no session to tell.
 */
export async function factsOf(em: EntityManager, ticket: Ticket, now = new Date(), needed?: ReadonlySet<TicketFact>): Promise<TicketFacts> {
  const wants = (fact: TicketFact) => !needed || needed.has(fact);
  const participants = await disputedParticipants(em, ticket);
  const bySession = new Map<string, typeof participants>();
  for (const p of participants) bySession.set(p.session.id, [...(bySession.get(p.session.id) ?? []), p]);
  const tutorMinutes: number[] = [];
  const learnerMinutes: number[] = [];
  const late: number[] = [];
  let amount = 0;
  for (const learners of bySession.values()) {
    const session = learners[0].session;
    const start = session.scheduledStart.getTime();
    const end = session.scheduledEnd.getTime();
    const evidence = sessionEvidence(session, learners, ticket.category, null);
    const joined = session.tutorJoinedAt?.getTime();
    tutorMinutes.push(joined === undefined ? 0 : within(joined, session.tutorLeftAt?.getTime() ?? end, start, end));
    learnerMinutes.push(Math.max(0, ...learners.map((l) => (l.joinedAt ? within(l.joinedAt.getTime(), l.leftAt?.getTime() ?? end, start, end) : 0))));
    late.push(evidence.tutorLateMinutes ?? evidence.scheduledMinutes);
    amount += session.priceMinor * learners.length;
  }
  const since = new Date(now.getTime() - 90 * DAY);
  // The history facts cost a query each: only when a condition asks for them.
  const [reporter] = wants(TicketFact.REPORTER_DISPUTES_90_DAYS)
    ? await run(em, `select count(*)::int as n from tickets where reporter_id = ? and type = ? and created_at >= ?`, [ticket.reporter.id, TicketType.DISPUTE, since])
    : [{ n: null }];
  let rate: number | null = null;
  if (ticket.tutor && wants(TicketFact.TUTOR_DISPUTE_RATE_PERCENT)) {
    const [row] = await run(em, `
      select count(*)::int as total,
             count(*) filter (where exists (select 1 from ticket_sessions ts join tickets t on t.id = ts.ticket_id
                                            where ts.session_id = s.id and t.type = ?))::int as disputed
        from tutoring_sessions s where s.tutor_id = ? and s.status = 'COMPLETED' and s.scheduled_start >= ?`, [TicketType.DISPUTE, ticket.tutor.id, since]);
    rate = row.total ? Math.round((1000 * row.disputed) / row.total) / 10 : 0;
  }
  const least = (values: number[]) => (values.length ? Math.min(...values) : null);
  return {
    [TicketFact.TUTOR_JOINED_MINUTES]: least(tutorMinutes),
    [TicketFact.LEARNER_JOINED_MINUTES]: least(learnerMinutes),
    [TicketFact.TUTOR_LATE_MINUTES]: late.length ? Math.max(...late) : null,
    [TicketFact.DISPUTED_AMOUNT_MINOR]: bySession.size ? amount : null,
    [TicketFact.REPORTER_DISPUTES_90_DAYS]: reporter.n,
    [TicketFact.TUTOR_DISPUTE_RATE_PERCENT]: rate,
  };
}

/** Every condition holds; a fact the ticket cannot tell (null) holds none. */
export function factsHold(conditions: readonly FactCondition[], facts: TicketFacts): boolean {
  return conditions.every(({ fact, op, value }) => {
    const actual = facts[fact];
    if (actual === null || actual === undefined) return false;
    switch (op) {
      case FactOp.EQ: return actual === value;
      case FactOp.LT: return actual < value;
      case FactOp.LTE: return actual <= value;
      case FactOp.GT: return actual > value;
      case FactOp.GTE: return actual >= value;
    }
  });
}
