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
// First response due after 4 h, resolution after 72 h.
const base: SlaTimes = { createdAt: T0, firstResponseDueAt: at(4), resolutionDueAt: at(72) };

describe('SLA state with an injected clock', () => {
  it('moves ON_TRACK -> AT_RISK -> BREACHED while nobody answers', () => {
    expect(slaStateOf(base, at(1))).toBe(SlaState.ON_TRACK);
    expect(slaStateOf(base, at(2.9))).toBe(SlaState.ON_TRACK);
    expect(slaStateOf(base, at(3.5))).toBe(SlaState.AT_RISK); // half an hour of four left
    expect(slaStateOf(base, at(4))).toBe(SlaState.AT_RISK); // due exactly now: not late yet
    expect(slaStateOf(base, at(4.01))).toBe(SlaState.BREACHED);
  });

  it('after a timely first response the resolution due time counts; resolving in time is MET, late is BREACHED', () => {
    const answered = { ...base, firstRespondedAt: at(2) };
    expect(slaStateOf(answered, at(5))).toBe(SlaState.ON_TRACK);
    expect(slaStateOf(answered, at(60))).toBe(SlaState.AT_RISK); // 12 h of 72 left
    expect(slaStateOf(answered, at(73))).toBe(SlaState.BREACHED);
    expect(slaStateOf({ ...answered, resolvedAt: at(50) }, at(500))).toBe(SlaState.MET);
    expect(slaStateOf({ ...answered, resolvedAt: at(80) }, at(500))).toBe(SlaState.BREACHED);
    // A late first response stays a breach even when resolved in time.
    expect(slaStateOf({ ...base, firstRespondedAt: at(5), resolvedAt: at(6) }, at(7))).toBe(SlaState.BREACHED);
  });

  it('without due times: ON_TRACK while open, MET once closed', () => {
    expect(slaStateOf({ createdAt: T0 }, at(1000))).toBe(SlaState.ON_TRACK);
    expect(slaStateOf({ createdAt: T0, closedAt: at(3) }, at(1000))).toBe(SlaState.MET);
  });
});

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
    const cases: Array<Record<string, Date | null>> = [
      { created_at: T0, first_response_due_at: at(4), first_responded_at: null, resolution_due_at: at(72), resolved_at: null, closed_at: null },
      { created_at: T0, first_response_due_at: at(4), first_responded_at: at(2), resolution_due_at: at(72), resolved_at: null, closed_at: null },
      { created_at: T0, first_response_due_at: at(4), first_responded_at: at(2), resolution_due_at: at(72), resolved_at: at(50), closed_at: null },
      { created_at: T0, first_response_due_at: at(4), first_responded_at: at(5), resolution_due_at: at(72), resolved_at: at(6), closed_at: null },
      { created_at: T0, first_response_due_at: null, first_responded_at: null, resolution_due_at: null, resolved_at: null, closed_at: at(3) },
    ];
    for (const times of cases) {
      await setTimes(id, times);
      for (const hours of [1, 3.5, 4, 4.01, 60, 73, 500]) {
        const state = slaStateSql('t', at(hours));
        const [row] = await sql(app, `select ${state.sql} as state from tickets t where t.id = ?`, [...state.params, id]);
        const inMemory = slaStateOf({
          createdAt: times.created_at!, firstResponseDueAt: times.first_response_due_at, firstRespondedAt: times.first_responded_at,
          resolutionDueAt: times.resolution_due_at, resolvedAt: times.resolved_at, closedAt: times.closed_at,
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

    // Assigning was the first response; the resolution is due in 7 days.
    expect(await breachNotices(unassigned)).toEqual([]);
    const later = new Date(Date.now() + 8 * 24 * HOUR);
    const first = await notifySlaBreaches(app.orm.em as EntityManager, later);
    expect(first).toBeGreaterThanOrEqual(2);
    expect(await breachNotices(unassigned)).toEqual(coordinators);
    expect(await breachNotices(assigned)).toEqual(['admin@demo.test']);

    expect(await notifySlaBreaches(app.orm.em as EntityManager, new Date(later.getTime() + HOUR))).toBe(0);
    expect(await breachNotices(unassigned)).toEqual(coordinators);
    expect(await breachNotices(assigned)).toEqual(['admin@demo.test']);
  });
});
