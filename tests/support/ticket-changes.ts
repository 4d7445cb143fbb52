import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../../server/src/db/transaction';
import type { TicketEventKind, TicketStatus } from '../../server/src/tickets/enums';
import type { TestApp } from './app';

type Orm = Pick<TestApp, 'orm'>;

export const userIdOf = async (app: Orm, email: string): Promise<string> =>
  (await app.orm.em.fork().getConnection().execute('select id from users where email = ?', [email]))[0].id;

/**
 * A ticket written straight to the tables plus its CREATED event, through the same transaction
 * helper the ticket service uses (so the NOTIFY is the real one). Returns the ticket id.
 */
export async function createTicketDirectly(app: Orm, opts: { reporter: string; tutor?: string; title?: string }): Promise<string> {
  const reporterId = await userIdOf(app, opts.reporter);
  const tutorId = opts.tutor ? await userIdOf(app, opts.tutor) : null;
  return inTransaction(app.orm.em as EntityManager, async (tx) => {
    const rows = await tx.em.getConnection().execute(
      `insert into tickets (id, number, type, category, status, title, description, reporter_id, tutor_id)
       values (gen_random_uuid(), 'T-' || lpad(nextval('ticket_number_seq')::text, 6, '0'), 'DISPUTE', 'NO_SHOW', 'ONGOING', ?, 'made by a test', ?, ?)
       returning id`,
      [opts.title ?? 'Live test ticket', reporterId, tutorId],
      'all',
      tx.em.getTransactionContext(),
    );
    const id = rows[0].id as string;
    tx.recordEvent({ ticketId: id, kind: 'CREATED' as TicketEventKind, previousStatus: null });
    return id;
  });
}

/** One more event on a ticket (a comment, a status change ...), committed with its NOTIFY. */
export async function recordChange(
  app: Orm,
  ticketId: string,
  kind: `${TicketEventKind}`,
  opts: { internal?: boolean; previousStatus?: `${TicketStatus}` } = {},
): Promise<void> {
  await inTransaction(app.orm.em as EntityManager, async (tx) => {
    tx.recordEvent({ ticketId, kind: kind as TicketEventKind, previousStatus: (opts.previousStatus ?? null) as TicketStatus | null, internal: opts.internal });
  });
}
