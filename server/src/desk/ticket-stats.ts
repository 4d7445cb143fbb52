import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import { Money } from '../billing/money';
import { badInput } from '../errors';
import { TicketType } from '../tickets/enums';
import { SlaState, slaStateSql } from '../tickets/sla';
import { type CategoryCount, TicketStats, type TutorStats, type WeekStats } from './ticket-stats.type';

const MAX_RANGE_MS = 2 * 366 * 86_400_000;
const round1 = (value: number) => Math.round(value * 10) / 10;
/** avg() of no rows is null: no score, not a zero. */
const averageScore = (value: string | number | null) => (value === null ? null : round1(Number(value)));

type Row = Record<string, any>;

/**
 * The desk's figures for [from, to): what was opened, closed and resolved in the period, the
 * credit notes issued in it, per tutor the disputes against the sessions they taught, and the
 * ratings given in it. Duplicates merged into another ticket count as opened and closed (they
 * came in and were dealt with) but not as resolutions or disputes: the ticket they live on in is.
 */
export async function ticketStats(em: EntityManager, from: Date, to: Date): Promise<TicketStats> {
  if (!(from < to)) throw badInput('to', 'to must be after from');
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw badInput('to', 'The period may be at most two years');
  const run = (sql: string, params: unknown[]): Promise<Row[]> => em.getConnection().execute(sql, params);
  const range = [from, to];
  // Resolution time: the first resolution, or the close when a ticket closed without one.
  const done = 'coalesce(t.resolved_at, t.closed_at)';
  const sla = slaStateSql('t', to);

  const [[counts], [resolution], credited, byCategory, tutors, weekly, [satisfaction]] = await Promise.all([
    run(`select count(*) filter (where t.created_at >= ? and t.created_at < ?)::int as opened,
                count(*) filter (where t.closed_at >= ? and t.closed_at < ?)::int as closed
           from tickets t`, [...range, ...range]),
    run(`select percentile_cont(0.5) within group (order by extract(epoch from ${done} - t.created_at) / 3600) as median_hours,
                count(*)::int as resolved,
                count(*) filter (where ${sla.sql} = ?)::int as met
           from tickets t where ${done} >= ? and ${done} < ? and t.merged_into_id is null`, [...sla.params, SlaState.MET, ...range]),
    run(`select currency, sum(amount_minor)::bigint as amount from credit_notes
          where created_at >= ? and created_at < ? group by currency order by currency`, range),
    run(`select category, count(*)::int as count from tickets t where t.created_at >= ? and t.created_at < ?
          group by category order by count desc, category nulls last`, range),
    run(`with disputes as (
             select tutor_id, count(*)::int as tickets from tickets t
              where t.type = ? and t.tutor_id is not null and t.merged_into_id is null and t.created_at >= ? and t.created_at < ? group by tutor_id),
           taught as (
             select tutor_id, count(*)::int as sessions from tutoring_sessions s
              where s.status = 'COMPLETED' and s.scheduled_start >= ? and s.scheduled_start < ? group by tutor_id)
         select coalesce(d.tutor_id, s.tutor_id) as tutor_id, coalesce(d.tickets, 0) as tickets, coalesce(s.sessions, 0) as sessions
           from disputes d full join taught s on s.tutor_id = d.tutor_id`, [TicketType.DISPUTE, ...range, ...range]),
    run(`with weeks as (
             select generate_series(date_trunc('week', ?::timestamptz at time zone 'UTC'), ?::timestamptz at time zone 'UTC' - interval '1 microsecond', interval '1 week') as week),
           bounds as (
             select week, greatest(week at time zone 'UTC', ?::timestamptz) as lo, least((week + interval '1 week') at time zone 'UTC', ?::timestamptz) as hi from weeks)
         select b.week at time zone 'UTC' as week_start,
                (select count(*) from tickets t where t.created_at >= b.lo and t.created_at < b.hi)::int as opened,
                (select count(*) from tickets t where t.closed_at >= b.lo and t.closed_at < b.hi)::int as closed,
                r.rating, r.ratings
           from bounds b cross join lateral (
             select avg(score) as rating, count(score)::int as ratings from ticket_ratings where rated_at >= b.lo and rated_at < b.hi) r
          order by b.week`, [from, to, ...range]),
    run('select avg(score) as rating, count(*)::int as ratings from ticket_ratings where score is not null and rated_at >= ? and rated_at < ?', range),
  ]);

  const tutorCredits: Row[] = await run(
    `select t.tutor_id, c.currency, sum(c.amount_minor)::bigint as amount from credit_notes c join tickets t on t.id = c.ticket_id
      where c.created_at >= ? and c.created_at < ? and t.tutor_id is not null group by t.tutor_id, c.currency order by c.currency`, range);
  const users = await em.find(User, { id: { $in: tutors.map((row) => row.tutor_id) } });
  const userById = new Map(users.map((user) => [user.id, user]));
  const byTutor: TutorStats[] = tutors
    .filter((row) => row.tickets > 0)
    .map((row) => ({
      tutor: userById.get(row.tutor_id)!,
      tickets: row.tickets,
      sessions: row.sessions,
      disputeRatePercent: row.sessions ? round1((100 * row.tickets) / row.sessions) : 0,
      credited: tutorCredits.filter((c) => c.tutor_id === row.tutor_id).map((c) => Money.of(Number(c.amount), c.currency.trim())),
    }))
    .sort((a, b) => b.disputeRatePercent - a.disputeRatePercent || b.tickets - a.tickets || a.tutor.name.localeCompare(b.tutor.name));

  return Object.assign(new TicketStats(), {
    opened: counts.opened,
    closed: counts.closed,
    medianHoursToResolution: resolution.median_hours === null ? null : round1(Number(resolution.median_hours)),
    slaMetPercent: resolution.resolved ? round1((100 * resolution.met) / resolution.resolved) : null,
    credited: credited.map((row) => Money.of(Number(row.amount), row.currency.trim())),
    byCategory: byCategory.map((row): CategoryCount => ({ category: row.category, count: row.count })),
    byTutor,
    weekly: weekly.map((row): WeekStats => ({
      weekStart: new Date(row.week_start), opened: row.opened, closed: row.closed, satisfactionAverage: averageScore(row.rating), satisfactionResponses: row.ratings,
    })),
    satisfactionAverage: averageScore(satisfaction.rating),
    satisfactionResponses: satisfaction.ratings,
  });
}
