import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlaState, type SlaTimes, slaStateOf, slaStateSql } from '../../server/src/tickets/sla';
import { notifySlaBreaches } from '../../server/src/desk/sla-breaches';
import { type TestApp, startTestApp } from '../support/app';
import { sql, userId } from '../support/fixtures';
import { ticketApi } from '../support/ticket-changes';

const HOUR = 3_600_000;
const T0 = new Date('2026-11-02T08:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
// The rule itself, with an injected clock, is tested in tests/unit/sla-policy.test.ts.

describe('SLA on the server', () => {
  let app: TestApp;
  let coordinator: string;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    coordinator = await app.login('coordinator@demo.test');
  });
  afterAll(() => app.close());

  const setTimes = (id: string, times: Record<string, Date | null>) => {
    const columns = Object.keys(times);
    return sql(app, `update tickets set ${columns.map((c) => `${c} = ?`).join(', ')} where id = ?`, [...Object.values(times), id]);
  };

  it('the SQL rule agrees with slaStateOf on every case', async () => {
    const parent = await app.login('parent@demo.test');
    const id = await ticketApi.report(app, parent, 'mia@demo.test', 'SLA sql check');
    const base = { created_at: T0, first_response_due_at: at(4), first_responded_at: null, resolution_due_at: at(72), resolution_met_at: null,
      escalated_at: null, escalation_due_at: null, sla_paused_at: null, closed_at: null };
    const cases: Array<[string, Record<string, Date | null>]> = [
      ['ONGOING', base],
      ['ONGOING', { ...base, first_responded_at: at(2) }],
      ['RESOLVED', { ...base, first_responded_at: at(2), resolution_met_at: at(50) }],
      ['RESOLVED', { ...base, first_responded_at: at(5), resolution_met_at: at(6) }],
      ['CLOSED', { ...base, first_response_due_at: null, resolution_due_at: null, closed_at: at(3) }],
      ['ESCALATED', { ...base, first_responded_at: at(1), resolution_met_at: at(2), escalated_at: at(2), escalation_due_at: at(50) }],
      ['CLOSED', { ...base, first_responded_at: at(1), resolution_met_at: at(2), escalated_at: at(2), escalation_due_at: at(50), closed_at: at(40) }],
      ['ONGOING', { ...base, first_responded_at: at(1), sla_paused_at: at(3) }],
    ];
    for (const [status, times] of cases) {
      await setTimes(id, times);
      await sql(app, 'update tickets set status = ? where id = ?', [status, id]);
      for (const hours of [1, 3.5, 4, 4.01, 45, 60, 73, 500]) {
        const state = slaStateSql('t', at(hours));
        const [row] = await sql(app, `select ${state.sql} as state from tickets t where t.id = ?`, [...state.params, id]);
        const inMemory = slaStateOf({
          status: status as SlaTimes['status'], createdAt: times.created_at!, firstResponseDueAt: times.first_response_due_at, firstRespondedAt: times.first_responded_at,
          resolutionDueAt: times.resolution_due_at, resolutionMetAt: times.resolution_met_at, escalatedAt: times.escalated_at,
          escalationDueAt: times.escalation_due_at, slaPausedAt: times.sla_paused_at, closedAt: times.closed_at,
        }, at(hours));
        expect({ hours, state: row.state }).toEqual({ hours, state: inMemory });
      }
    }
  });

  it('filters the board by SLA state and shows slaState on tickets', async () => {
    const parent = await app.login('parent@demo.test');
    const late = await ticketApi.report(app, parent, 'mia@demo.test', 'SLA filter late');
    const fresh = await ticketApi.report(app, parent, 'mia@demo.test', 'SLA filter fresh');
    await setTimes(late, { created_at: new Date(Date.now() - 10 * HOUR), first_response_due_at: new Date(Date.now() - HOUR) });
    const query = `query($f: TicketFilter) { tickets(filter: $f, first: 100) { edges { node { id slaState } } } }`;
    const breached = (await app.gql(query, { f: { sla: ['BREACHED'] } }, coordinator)).data.tickets.edges.map((e: any) => e.node);
    expect(breached.map((t: any) => t.id)).toContain(late);
    expect(breached.map((t: any) => t.id)).not.toContain(fresh);
    expect(breached.every((t: any) => t.slaState === 'BREACHED')).toBe(true);
    const onTrack = (await app.gql(query, { f: { sla: ['ON_TRACK', 'AT_RISK'], search: 'SLA filter' } }, coordinator)).data.tickets.edges.map((e: any) => e.node);
    expect(onTrack).toEqual([{ id: fresh, slaState: 'ON_TRACK' }]);
    const bad = await app.gql(query, { f: { sla: ['LATE'] } }, coordinator);
    expect(bad.errors?.length).toBeGreaterThan(0);
  });

  it('a breach notifies every coordinator when unassigned, only the assignee otherwise, and only once', async () => {
    const parent = await app.login('parent@demo.test');
    const unassigned = await ticketApi.report(app, parent, 'mia@demo.test', 'SLA breach unassigned');
    const assigned = await ticketApi.report(app, parent, 'mia@demo.test', 'SLA breach assigned');
    const adminId = await userId(app, 'admin@demo.test');
    await ticketApi.assign(app, coordinator, assigned, adminId);
    const breachNotices = async (ticketId: string) =>
      (await sql(app, `select u.email from notifications n join users u on u.id = n.user_id where n.ticket_id = ? and n.title like '%breached its SLA'`, [ticketId]))
        .map((r) => r.email).sort();
    const coordinators = (await sql(app, `select email from users where role = 'COORDINATOR' and active`)).map((r) => r.email).sort();

    // Assigning is no first response: the first-response clock runs out after 24 h.
    expect(await breachNotices(unassigned)).toEqual([]);
    const later = new Date(Date.now() + 24 * HOUR + 5 * 60_000);
    const first = await notifySlaBreaches(app.orm.em as EntityManager, later);
    expect(first).toBeGreaterThanOrEqual(2);
    expect(await breachNotices(unassigned)).toEqual(coordinators);
    expect(await breachNotices(assigned)).toEqual(['admin@demo.test']);

    expect(await notifySlaBreaches(app.orm.em as EntityManager, new Date(later.getTime() + HOUR))).toBe(0);
    expect(await breachNotices(unassigned)).toEqual(coordinators);
    expect(await breachNotices(assigned)).toEqual(['admin@demo.test']);
  });

  it('breaches found long after they happened (at start-up) come as one summary per coordinator, not a burst', async () => {
    const parent = await app.login('parent@demo.test');
    const ids = [
      await ticketApi.report(app, parent, 'mia@demo.test', 'SLA stale one'),
      await ticketApi.report(app, parent, 'mia@demo.test', 'SLA stale two'),
    ];
    const stillOpen = await sql(app, `select id from tickets where sla_breach_notified_at is null and status <> 'CLOSED'`);
    const before = (await sql(app, `select count(*)::int as n from notifications`))[0].n;
    const muchLater = new Date(Date.now() + 30 * 24 * HOUR);
    expect(await notifySlaBreaches(app.orm.em as EntityManager, muchLater)).toBe(0);
    const added = await sql(app, `select n.title, n.body, u.email from notifications n join users u on u.id = n.user_id order by n.created_at desc limit ?`, [
      (await sql(app, `select count(*)::int as n from notifications`))[0].n - before,
    ]);
    const coordinators = (await sql(app, `select email from users where role = 'COORDINATOR' and active`)).map((r) => r.email).sort();
    expect(added.map((n) => n.email).sort()).toEqual(coordinators);
    const count = Number(/^(\d+) tickets are past an SLA due time$/.exec(added[0].title)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(stillOpen.length);
    expect(added[0].body).toContain('"Breached"');
    const marked = await sql(app, 'select count(*)::int as n from tickets where id = any(?::uuid[]) and sla_breach_notified_at is not null', [`{${ids.join(',')}}`]);
    expect(marked[0].n).toBe(2);
  });
});
