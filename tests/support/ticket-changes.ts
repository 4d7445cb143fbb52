import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../../server/src/db/transaction';
import type { TicketEventKind, TicketStatus } from '../../server/src/tickets/enums';
import { recordTicketEvent } from '../../server/src/tickets/event-log';
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
    recordTicketEvent(tx, { ticketId: id, kind: 'CREATED' as TicketEventKind, previousStatus: null });
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
    recordTicketEvent(tx, { ticketId, kind: kind as TicketEventKind, previousStatus: (opts.previousStatus ?? null) as TicketStatus | null, internal: opts.internal });
  });
}

/** A completed one-on-one session of `learner` in no open dispute (a new one each call, as each report takes one). */
export async function openSessionOf(app: Orm, learner: string): Promise<string> {
  const rows = await app.orm.em.fork().getConnection().execute(
    `select s.id from tutoring_sessions s join session_participants p on p.session_id = s.id join users l on l.id = p.learner_id
      where s.status = 'COMPLETED' and s.kind = 'ONE_ON_ONE' and l.email = ?
        and not exists (select 1 from ticket_sessions ts where ts.session_id = s.id and ts.open_dispute)
      order by s.scheduled_start desc limit 1`,
    [learner],
  );
  if (!rows.length) throw new Error(`no session of ${learner} left to dispute`);
  return rows[0].id;
}

async function call(app: TestApp, token: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const result = await app.gql(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** The ticket mutations over HTTP, as the dashboard and partner apps call them. */
export const ticketApi = {
  /** reportIssue on a session of `learner`; returns the ticket id. */
  report: async (app: TestApp, token: string, learner: string, title = 'The tutor did not come'): Promise<string> => {
    const sessionId = await openSessionOf(app, learner);
    const data = await call(app, token, 'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }', {
      input: { sessionIds: [sessionId], category: 'NO_SHOW', title, description: 'We waited 20 minutes.' },
    });
    return data.reportIssue.id;
  },
  comment: (app: TestApp, token: string, ticketId: string, body: string, internal = false) =>
    call(app, token, 'mutation($id: ID!, $body: String!, $internal: Boolean) { addTicketComment(ticketId: $id, body: $body, internal: $internal) { id } }', {
      id: ticketId,
      body,
      internal,
    }),
  assign: (app: TestApp, token: string, ticketId: string, assigneeId: string) =>
    call(app, token, 'mutation($id: ID!, $to: ID) { assignTicket(ticketId: $id, assigneeId: $to) { id } }', { id: ticketId, to: assigneeId }),
  resolve: (app: TestApp, token: string, ticketId: string) =>
    call(app, token, 'mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { id status } }', {
      input: { ticketId, outcome: 'IN_FAVOR_OF_EDUCATOR', comment: 'The lesson took place as booked.' },
    }),
};
