import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { createDisputableSessions, sql, userId } from '../support/fixtures';

const STATS = `query($from: DateTime!, $to: DateTime!) { ticketStats(from: $from, to: $to) {
  opened closed medianHoursToResolution slaMetPercent credited { amountMinor currency }
  byCategory { category count }
  byTutor { tutor { email } tickets sessions disputeRatePercent credited { amountMinor currency } }
  weekly { weekStart opened closed satisfactionAverage satisfactionResponses } satisfactionAverage satisfactionResponses } }`;

const d = (iso: string) => new Date(iso);
const plusHours = (iso: string, hours: number) => new Date(d(iso).getTime() + hours * 3_600_000);

/**
 * A fortnight in 2030 (Mon 4 to Mon 18 March) nothing else touches, figures worked out by hand:
 *  #1 dispute NO_SHOW, tutor A, opened 4 Mar 10:00, answered +2 h, resolved +10 h, closed 8 Mar: SLA met.
 *  #2 dispute QUALITY, tutor A, opened 5 Mar, answered +30 h (due +24 h: breached), resolved +40 h.
 *  #3 dispute NO_SHOW, tutor B, opened 12 Mar, answered +1 h, resolved +20 h, closed 13 Mar: SLA met.
 *  #4 support ticket, no tutor or category, opened 13 Mar, still open.
 *  #5 dispute BILLING, tutor B, opened and resolved in February, closed 5 Mar.
 *  #6 dispute NO_SHOW, tutor A, opened 6 Mar, merged into #2 the same day (closed, never resolved):
 *     opened and closed, but no resolution time, SLA figure or dispute of tutor A.
 * Ratings: #1 scored 4 on 8 Mar, #3 scored 5 on 13 Mar, #5 scored 2 on 3 Mar (before the period);
 * #6 was asked and never answered.
 * Sessions taught in the fortnight: A 4, B 2 (plus one of A's in February, outside).
 * Credit notes: #1 15.00 EUR, #2 7.00 GBP, #3 10.00 EUR in the fortnight; #5 9.99 EUR in February.
 */
async function createFixture(app: TestApp) {
  const [tutorA, tutorB, parent] = await Promise.all(['tutor@demo.test', 'tutor2@demo.test', 'parent@demo.test'].map((e) => userId(app, e)));
  const { invoiceId } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
  const ticket = async (o: { type: string; category: string | null; tutor: string | null; created: string; answeredAfter?: number; resolvedAfter?: number; closed?: string; mergedInto?: string }) => {
    const [row] = await sql(app,
      `insert into tickets (id, number, type, category, status, title, description, reporter_id, tutor_id, created_at, updated_at,
         first_response_due_at, first_responded_at, resolution_due_at, resolved_at, closed_at, merged_into_id)
       values (gen_random_uuid(), 'T-' || lpad(nextval('ticket_number_seq')::text, 6, '0'), ?, ?, ?, 'Stats fixture', 'fixture', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       returning id`,
      [o.type, o.category, o.closed ? 'CLOSED' : o.resolvedAfter ? 'RESOLVED' : 'ONGOING', parent, o.tutor, d(o.created), d(o.created),
        plusHours(o.created, 24), o.answeredAfter === undefined ? null : plusHours(o.created, o.answeredAfter), plusHours(o.created, 168),
        o.resolvedAfter === undefined ? null : plusHours(o.created, o.resolvedAfter), o.closed ? d(o.closed) : null, o.mergedInto ?? null]);
    return row.id as string;
  };
  const t1 = await ticket({ type: 'DISPUTE', category: 'NO_SHOW', tutor: tutorA, created: '2030-03-04T10:00:00Z', answeredAfter: 2, resolvedAfter: 10, closed: '2030-03-08T00:00:00Z' });
  const t2 = await ticket({ type: 'DISPUTE', category: 'QUALITY', tutor: tutorA, created: '2030-03-05T00:00:00Z', answeredAfter: 30, resolvedAfter: 40 });
  const t3 = await ticket({ type: 'DISPUTE', category: 'NO_SHOW', tutor: tutorB, created: '2030-03-12T00:00:00Z', answeredAfter: 1, resolvedAfter: 20, closed: '2030-03-13T00:00:00Z' });
  await ticket({ type: 'SUPPORT', category: null, tutor: null, created: '2030-03-13T00:00:00Z' });
  const t5 = await ticket({ type: 'DISPUTE', category: 'BILLING', tutor: tutorB, created: '2030-02-20T00:00:00Z', answeredAfter: 1, resolvedAfter: 24, closed: '2030-03-05T12:00:00Z' });
  const t6 = await ticket({ type: 'DISPUTE', category: 'NO_SHOW', tutor: tutorA, created: '2030-03-06T00:00:00Z', closed: '2030-03-06T12:00:00Z', mergedInto: t2 });
  const rating = (ticketId: string, score: number | null, at: string) => sql(app,
    'insert into ticket_ratings (ticket_id, token_hash, asked_at, score, rated_at) values (?, ?, ?, ?, ?)',
    [ticketId, `stats-${ticketId}`, d(at), score, score === null ? null : d(at)]);
  await rating(t1, 4, '2030-03-08T09:00:00Z');
  await rating(t3, 5, '2030-03-13T09:00:00Z');
  await rating(t5, 2, '2030-03-03T09:00:00Z');
  await rating(t6, null, '2030-03-06T12:00:00Z');
  const session = (tutor: string, start: string) => sql(app,
    `insert into tutoring_sessions (id, kind, status, language, subject, scheduled_start, scheduled_end, price_minor, currency, tutor_id)
     values (gen_random_uuid(), 'ONE_ON_ONE', 'COMPLETED', 'English', 'Stats', ?, ?, 3000, 'EUR', ?)`, [d(start), plusHours(start, 1), tutor]);
  for (const day of ['05', '06', '12', '14']) await session(tutorA, `2030-03-${day}T09:00:00Z`);
  for (const day of ['07', '15']) await session(tutorB, `2030-03-${day}T09:00:00Z`);
  await session(tutorA, '2030-02-20T09:00:00Z');
  const note = (ticketId: string, amount: number, currency: string, at: string) => sql(app,
    `insert into credit_notes (id, number, invoice_id, ticket_id, amount_minor, currency, created_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, ?)`,
    [`CN-STATS-${ticketId.slice(0, 8)}-${currency}`, invoiceId, ticketId, amount, currency, d(at)]);
  await note(t1, 1500, 'EUR', '2030-03-06T00:00:00Z');
  await note(t2, 700, 'GBP', '2030-03-07T00:00:00Z');
  await note(t3, 1000, 'EUR', '2030-03-13T00:00:00Z');
  await note(t5, 999, 'EUR', '2030-02-21T00:00:00Z');
}

describe('ticketStats', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    admin = await app.login('admin@demo.test');
    await createFixture(app);
  });
  afterAll(() => app.close());

  it('matches the hand-computed figures of the fixture', async () => {
    const result = await app.gql(STATS, { from: '2030-03-04T00:00:00Z', to: '2030-03-18T00:00:00Z' }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data.ticketStats).toEqual({
      opened: 5,
      closed: 4,
      medianHoursToResolution: 20, // 10, 20, 40 (#6 was merged, not resolved)
      slaMetPercent: 66.7, // #1 and #3 of #1, #2, #3
      credited: [{ amountMinor: 2500, currency: 'EUR' }, { amountMinor: 700, currency: 'GBP' }],
      byCategory: [{ category: 'NO_SHOW', count: 3 }, { category: 'QUALITY', count: 1 }, { category: null, count: 1 }],
      byTutor: [
        { tutor: { email: 'tutor@demo.test' }, tickets: 2, sessions: 4, disputeRatePercent: 50, credited: [{ amountMinor: 1500, currency: 'EUR' }, { amountMinor: 700, currency: 'GBP' }] },
        { tutor: { email: 'tutor2@demo.test' }, tickets: 1, sessions: 2, disputeRatePercent: 50, credited: [{ amountMinor: 1000, currency: 'EUR' }] },
      ],
      weekly: [
        { weekStart: '2030-03-04T00:00:00.000Z', opened: 3, closed: 3, satisfactionAverage: 4, satisfactionResponses: 1 },
        { weekStart: '2030-03-11T00:00:00.000Z', opened: 2, closed: 1, satisfactionAverage: 5, satisfactionResponses: 1 },
      ],
      satisfactionAverage: 4.5, // 4 and 5; #5's 2 came before the period, #6 never answered
      satisfactionResponses: 2,
    });
  });

  it('a period starting mid-week counts only from its start', async () => {
    const { data } = await app.gql(STATS, { from: '2030-03-05T00:00:00Z', to: '2030-03-12T00:00:00Z' }, admin);
    expect(data.ticketStats.weekly).toEqual([
      { weekStart: '2030-03-04T00:00:00.000Z', opened: 2, closed: 3, satisfactionAverage: 4, satisfactionResponses: 1 },
      { weekStart: '2030-03-11T00:00:00.000Z', opened: 0, closed: 0, satisfactionAverage: null, satisfactionResponses: 0 },
    ]);
    expect(data.ticketStats.opened).toBe(2);
    expect([data.ticketStats.satisfactionAverage, data.ticketStats.satisfactionResponses]).toEqual([4, 1]);
  });

  it('is for staff, and refuses a backwards or too long period', async () => {
    const tutor = await app.login('tutor@demo.test');
    expect(errorCode(await app.gql(STATS, { from: '2030-03-04T00:00:00Z', to: '2030-03-18T00:00:00Z' }, tutor))).toBe('FORBIDDEN');
    const backwards = await app.gql(STATS, { from: '2030-03-18T00:00:00Z', to: '2030-03-04T00:00:00Z' }, admin);
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const long = await app.gql(STATS, { from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' }, admin);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
