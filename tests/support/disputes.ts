import type { TestApp } from './app';

const sql = async (app: Pick<TestApp, 'orm'>, query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params);

/** A completed one-on-one session of `learner` with `tutor`, billed and never credited, in no open dispute. */
export async function freeSession(app: Pick<TestApp, 'orm'>, learner = 'mia@demo.test', tutor = 'tutor@demo.test'): Promise<string> {
  const rows = await sql(
    app,
    `select s.id from tutoring_sessions s
       join session_participants p on p.session_id = s.id join users l on l.id = p.learner_id join users t on t.id = s.tutor_id
      where s.status = 'COMPLETED' and s.kind = 'ONE_ON_ONE' and l.email = ? and t.email = ?
        and not exists (select 1 from ticket_sessions ts where ts.session_id = s.id and ts.open_dispute)
        and exists (select 1 from invoice_lines il where il.session_id = s.id and il.learner_id = l.id and il.credited_minor = 0 and not il.voided)
      order by s.scheduled_start desc limit 1`,
    [learner, tutor],
  );
  if (!rows.length) throw new Error(`no free session of ${learner} with ${tutor}`);
  return rows[0].id;
}

/** reportIssue through the API: a NO_SHOW dispute on a free session. */
export async function reportDispute(app: TestApp, token: string, opts: { title?: string; learner?: string } = {}): Promise<{ id: string; number: string }> {
  const sessionId = await freeSession(app, opts.learner);
  const result = await app.gql(
    'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id number } }',
    { input: { sessionIds: [sessionId], category: 'NO_SHOW', title: opts.title ?? 'The tutor did not come', description: 'We waited 20 minutes.' } },
    token,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.reportIssue;
}

/** resolveTicket by staff, in favour of the parent (a full credit: money moves). */
export async function resolveForParent(app: TestApp, staffToken: string, ticketId: string): Promise<void> {
  const result = await app.gql(
    'mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { id status } }',
    { input: { ticketId, outcome: 'IN_FAVOR_OF_PARENT', comment: 'Sorry about that: the lesson is credited.' } },
    staffToken,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
}

export interface OutboxRow {
  id: string;
  channel: 'EMAIL' | 'TELEGRAM';
  event: string;
  status: string;
  attempts: number;
  last_error: string | null;
  dedupe_key: string;
  external_id: string | null;
  recipient: string;
}

/** Outbox rows of a ticket (with the recipient's email), oldest first. */
export async function outboxOf(app: Pick<TestApp, 'orm'>, ticketId: string): Promise<OutboxRow[]> {
  const rows = await sql(
    app,
    `select o.id, o.channel, o.event, o.status, o.attempts, o.last_error, o.dedupe_key, o.external_id, u.email as recipient
       from outbox_messages o join users u on u.id = o.recipient_id where o.ticket_id = ? order by o.created_at, o.id`,
    [ticketId],
  );
  return rows as unknown as OutboxRow[];
}

/** Polls until `find` returns a row (or throws after the timeout). */
export async function waitForRow(app: Pick<TestApp, 'orm'>, ticketId: string, find: (row: OutboxRow) => boolean, timeoutMs = 20_000): Promise<OutboxRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = (await outboxOf(app, ticketId)).find(find);
    if (row) return row;
    if (Date.now() > deadline) throw new Error(`no matching outbox row; have ${JSON.stringify(await outboxOf(app, ticketId))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the delivery job of an outbox row has finished (graphile-worker deletes a job once it
 * succeeds), so a test can then check that it did nothing more, without guessing a delay.
 */
export async function waitForDeliveryJob(app: Pick<TestApp, 'orm'>, outboxId: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [jobs] = await sql(app, 'select count(*)::int as n from graphile_worker.jobs where key = ?', [`deliver:${outboxId}`]);
    if (jobs.n === 0) return;
    if (Date.now() > deadline) throw new Error(`the delivery job of ${outboxId} is still queued`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
