import 'reflect-metadata';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppOrm } from '../../server/src/app/database';
import { DisputeCategory, TicketStatus, TicketType } from '../../server/src/tickets/enums';
import { ticketFilterPredicate, ticketFilterSql } from '../../server/src/tickets/ticket-filter';
import { type TicketFilter, toTicketFilterSpec } from '../../server/src/tickets/ticket-filter.input';
import { Ticket } from '../../server/src/tickets/ticket.entity';
import { createTestDatabase } from '../support/database';
import { createTicketDirectly } from '../support/ticket-changes';

/** The board filter, built two ways: SQL (tickets) and in memory (ticketChanged) must agree. */
let orm: MikroORM;
let tickets: Ticket[];
beforeAll(async () => {
  orm = await openAppOrm(await createTestDatabase());
  // Titles that need escaping in LIKE, and one in mixed case.
  await createTicketDirectly({ orm }, { reporter: 'parent@demo.test', tutor: 'tutor@demo.test', title: '100% late_again \\ really' });
  await createTicketDirectly({ orm }, { reporter: 'ola@demo.test', title: 'Camera Was OFF' });
  await orm.em.fork().getConnection().execute("update tickets set assignee_id = (select id from users where email = 'coordinator@demo.test') where title = 'Camera Was OFF'");
  tickets = await (orm.em.fork() as EntityManager).find(Ticket, {}, { orderBy: { createdAt: 'asc' } });
});
afterAll(() => orm?.close());

/** A small deterministic generator, so a failure names a filter that can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { chance: (p: number) => next() < p, pick };
}

const someCase = (text: string, rng: ReturnType<typeof random>) => [...text].map((c) => (rng.chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join('');

function randomFilter(rng: ReturnType<typeof random>): TicketFilter {
  const ticket = rng.pick(tickets);
  const filter: TicketFilter = {};
  if (rng.chance(0.3)) filter.status = Object.values(TicketStatus).filter(() => rng.chance(0.5));
  if (rng.chance(0.2)) filter.type = rng.pick(Object.values(TicketType));
  if (rng.chance(0.2)) filter.category = rng.pick(Object.values(DisputeCategory));
  // Ids as a client may send them: upper case, or someone else's.
  if (rng.chance(0.2) && ticket.tutor) filter.tutorId = ticket.tutor.id.toUpperCase();
  if (rng.chance(0.15)) filter.assigneeId = (ticket.assignee ?? rng.pick(tickets).reporter).id;
  if (rng.chance(0.2)) filter.reporterId = ticket.reporter.id.toUpperCase();
  if (rng.chance(0.5)) {
    const source = rng.pick([ticket.title, ticket.description, ticket.number, '%', '_', '\\', 'no such words']);
    const start = Math.floor(source.length * (rng.chance(0.5) ? 0 : 0.3));
    filter.search = ` ${someCase(source.slice(start, start + 1 + Math.floor(source.length / 2)), rng)} `;
  }
  const at = (t: Ticket) => new Date(t.createdAt.getTime() + (rng.chance(0.5) ? 0 : 1));
  if (rng.chance(0.2)) filter.from = at(rng.pick(tickets));
  if (rng.chance(0.2)) filter.to = at(rng.pick(tickets));
  return filter;
}

describe('the ticket filter', () => {
  it('selects the same tickets in SQL and in memory, for 300 random filters × every ticket', async () => {
    const rng = random(20261124);
    const em = orm.em.fork() as EntityManager;
    let nonTrivial = 0;
    for (let i = 0; i < 300; i += 1) {
      const filter = randomFilter(rng);
      const spec = toTicketFilterSpec(filter);
      const condition = ticketFilterSql(spec, 't');
      const rows: Array<{ id: string }> = await em.getConnection().execute(`select t.id from tickets t where ${condition?.sql ?? 'true'}`, condition?.params ?? []);
      const bySql = new Set(rows.map((r) => r.id));
      const matches = ticketFilterPredicate(spec);
      for (const ticket of tickets) expect(matches(ticket), `${JSON.stringify(filter)} / ${ticket.number}`).toBe(bySql.has(ticket.id));
      if (bySql.size > 0 && bySql.size < tickets.length) nonTrivial += 1;
    }
    expect(nonTrivial).toBeGreaterThan(100);
  });

  it('finds a ticket by its number, whatever the case and spaces around it', async () => {
    const ticket = tickets[tickets.length - 1];
    const spec = toTicketFilterSpec({ search: `  ${ticket.number.toLowerCase()} ` });
    expect(ticketFilterPredicate(spec)(ticket)).toBe(true);
    const condition = ticketFilterSql(spec, 't')!;
    const rows: Array<{ id: string }> = await orm.em.fork().getConnection().execute(`select t.id from tickets t where ${condition.sql}`, condition.params);
    expect(rows.map((r) => r.id)).toEqual([ticket.id]);
  });
});
