import 'reflect-metadata';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStaff, type Role } from '../../server/src/auth/roles';
import type { Viewer } from '../../server/src/auth/viewer';
import { openAppOrm } from '../../server/src/app/database';
import { DEMO_ACCOUNTS } from '../../server/src/seed/demo-accounts';
import { loadVisibleEventsAfter } from '../../server/src/tickets/event-log';
import { canSeeTicket } from '../../server/src/tickets/ticket-access';
import type { TicketEvent } from '../../server/src/tickets/ticket-event.type';
import { TicketFeed } from '../../server/src/tickets/ticket-feed';
import { Ticket } from '../../server/src/tickets/ticket.entity';
import { internalVisibilitySql, internalVisibleTo, ticketVisibilitySql, ticketVisibleTo } from '../../server/src/tickets/visibility';
import { createTestDatabase } from '../support/database';
import { createTicketDirectly, recordChange } from '../support/ticket-changes';

/**
 * The one visibility spec, built two ways: the SQL condition (lists, by id, ticketEvents) and the
 * in-memory predicate (live fan-out, mutation guard) must agree for every demo account and ticket.
 */
let orm: MikroORM;
let viewers: Array<Viewer & { email: string }>;
const sql = (query: string, params: unknown[] = []): Promise<any[]> => orm.em.fork().getConnection().execute(query, params);

beforeAll(async () => {
  orm = await openAppOrm(await createTestDatabase());
  const app = { orm };
  // Make sure every clause has tickets on both sides: a learner's own, a child's, a parent's own,
  // one without a tutor, and internal as well as public events.
  const own = await createTicketDirectly(app, { reporter: 'learner@demo.test', tutor: 'tutor2@demo.test' });
  await createTicketDirectly(app, { reporter: 'parent2@demo.test', tutor: 'tutor@demo.test' });
  await createTicketDirectly(app, { reporter: 'mia@demo.test', tutor: 'tutor@demo.test' }); // parent's child
  await createTicketDirectly(app, { reporter: 'ola@demo.test', tutor: 'tutor2@demo.test' }); // parent2's child
  const untutored = await createTicketDirectly(app, { reporter: 'parent@demo.test' });
  // Cross-reporter merges (desk/merge.ts records the source's reporter on the target): the learner
  // sees parent2's ticket through their merged one; parent2 sees parent's through Ola's.
  await mergedInto(await createTicketDirectly(app, { reporter: 'parent2@demo.test', tutor: 'tutor2@demo.test', title: MERGED_TARGET }), 'learner@demo.test');
  await mergedInto(await createTicketDirectly(app, { reporter: 'parent@demo.test', tutor: 'tutor@demo.test', title: MERGED_TARGET }), 'ola@demo.test');
  await recordChange(app, own, 'COMMENTED', { internal: true });
  await recordChange(app, untutored, 'COMMENTED');
  const users: Array<{ id: string; email: string; role: Role }> = await sql('select id, email, role from users');
  const demo = new Set<string>(DEMO_ACCOUNTS.map((a) => a.email));
  viewers = users.filter((u) => demo.has(u.email)).map((u) => ({ id: u.id, role: u.role, email: u.email }));
});
afterAll(() => orm?.close());

const MERGED_TARGET = 'Target of a merge across reporters';

/** A ticket of `reporter` closed into `targetId`, as mergeTickets leaves them (merged_reporter_ids is what visibility reads). */
async function mergedInto(targetId: string, reporter: string): Promise<void> {
  const sourceId = await createTicketDirectly({ orm }, { reporter, title: 'Merged duplicate' });
  await sql(`update tickets set status = 'CLOSED', merged_into_id = ? where id = ?`, [targetId, sourceId]);
  await sql(`update tickets t set merged_reporter_ids = array[s.reporter_id] from tickets s where s.id = ? and t.id = ?`, [sourceId, targetId]);
}

describe('ticket visibility', () => {
  it('covers the seven demo accounts and every role', () => {
    expect(viewers).toHaveLength(7);
    expect(new Set(viewers.map((v) => v.role)).size).toBe(5);
  });

  it('is the same in SQL, in memory and in canSeeTicket, for every demo account × every ticket', async () => {
    const em = orm.em.fork() as EntityManager;
    const tickets = await em.find(Ticket, {});
    const links: Array<{ parent_id: string; child_id: string }> = await sql('select parent_id, child_id from parent_links');
    for (const viewer of viewers) {
      const condition = ticketVisibilitySql(viewer, 't');
      const bySql = new Set((await sql(`select t.id from tickets t where ${condition?.sql ?? 'true'}`, condition?.params)).map((r) => r.id));
      const children = new Set(links.filter((l) => l.parent_id === viewer.id).map((l) => l.child_id));
      for (const ticket of tickets) {
        const label = `${viewer.email} / ${ticket.number}`;
        expect(ticketVisibleTo(viewer, ticket, children), label).toBe(bySql.has(ticket.id));
        expect(await canSeeTicket(em, viewer, ticket), label).toBe(bySql.has(ticket.id));
      }
      // Not vacuous: a parent sees a child's ticket; staff see everything, everyone else some tickets but not all.
      if (children.size) expect(tickets.some((t) => children.has(t.reporter.id) && bySql.has(t.id)), viewer.email).toBe(true);
      // Not vacuous either: the learner and parent2 each see one target through a merged ticket only.
      const merged = tickets.filter((t) => t.title === MERGED_TARGET && t.reporter.id !== viewer.id && !children.has(t.reporter.id) && bySql.has(t.id));
      if (['learner@demo.test', 'parent2@demo.test'].includes(viewer.email)) expect(merged.length, viewer.email).toBe(1);
      if (isStaff(viewer.role)) expect(bySql.size, viewer.email).toBe(tickets.length);
      else expect([bySql.size > 0, bySql.size < tickets.length], viewer.email).toEqual([true, true]);
    }
  });
});

describe('internal events and log entries', () => {
  it('are hidden by the SQL and by the predicate alike, for every demo account', async () => {
    for (const table of ['ticket_events', 'issue_logs']) {
      const rows: Array<{ key: string; internal: boolean }> = await sql(`select ctid::text as key, internal from ${table}`);
      expect(rows.some((r) => r.internal) && rows.some((r) => !r.internal), table).toBe(true);
      for (const viewer of viewers) {
        const condition = internalVisibilitySql(viewer, 'x');
        const bySql = new Set((await sql(`select ctid::text as key from ${table} x where ${condition?.sql ?? 'true'}`, condition?.params)).map((r) => r.key));
        for (const row of rows) expect(internalVisibleTo(viewer, row), `${viewer.email} / ${table} ${row.key}`).toBe(bySql.has(row.key));
      }
    }
  });
});

describe('the event log and the live feed', () => {
  it('give every demo account the same events: ticketEvents (SQL) and ticketChanged (in memory)', async () => {
    // A feed that has handled nothing yet delivers every stored event on its next catch-up.
    const feed = new TicketFeed(orm);
    const streams = viewers.map((viewer) => ({ viewer, stream: feed.subscribe(viewer, null) }));
    await feed.reconnected();
    const total = Number((await sql('select count(*) as n from ticket_events'))[0].n);
    for (const { viewer, stream } of streams) {
      const live: number[] = [];
      stream.fail(new Error('end of test'));
      for (;;) {
        const next = await stream.next().catch(() => ({ done: true, value: undefined }));
        if (next.done) break;
        live.push((next.value as TicketEvent).sequence);
      }
      const logged = (await loadVisibleEventsAfter(orm.em.fork() as EntityManager, viewer, 0, 100_000)).map((e) => e.sequence);
      expect(live, viewer.email).toEqual(logged);
      expect(logged.length, viewer.email).toBeGreaterThan(0);
      if (isStaff(viewer.role)) expect(logged.length).toBe(total);
    }
  });
});
