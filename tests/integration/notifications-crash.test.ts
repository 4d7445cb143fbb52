import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-accounts';
import { type TestApp, startTestApp } from '../support/app';
import { createTestDatabase } from '../support/database';
import { freeSession, outboxOf, waitForDeliveryJob, waitForRow } from '../support/disputes';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';

let sink: SmtpSink;
let databaseUrl: string;
let first: ServerProcess | undefined;
let restarted: TestApp | undefined;

beforeAll(async () => {
  sink = await startSmtpSink();
  databaseUrl = await createTestDatabase();
});
afterAll(async () => {
  await first?.stop();
  await restarted?.close();
  await sink?.stop();
});

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('a crash between commit and send', () => {
  it('loses nothing: the message goes out after a restart, exactly once', async () => {
    // A server process whose worker never gets to the job: the change commits, then the process is killed.
    first = await startServerProcess(databaseUrl, { RUN_WORKER: 'false', SMTP_URL: sink.url });
    const token = (await gql(first.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: 'parent@demo.test', p: DEMO_PASSWORD })).login.token;
    const probe = await startTestApp({ DATABASE_URL: databaseUrl, RUN_WORKER: 'false' });
    let ticketId: string;
    try {
      const sessionId = await freeSession(probe);
      const ticket = (
        await gql(
          first.url,
          'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id number } }',
          { input: { sessionIds: [sessionId], category: 'NO_SHOW', title: 'Crash test', description: 'Committed, then the server died.' } },
          token,
        )
      ).reportIssue;
      ticketId = ticket.id;
      first.child.kill('SIGKILL');
      await first.stop();
      first = undefined;

      const [row] = (await outboxOf(probe, ticketId)).filter((r) => r.channel === 'EMAIL');
      expect(row).toMatchObject({ status: 'PENDING', attempts: 0, recipient: 'tutor@demo.test' });
      const jobs = await probe.orm.em.fork().getConnection().execute('select count(*)::int as n from graphile_worker.jobs where key = ?', [`deliver:${row.id}`]);
      expect(jobs[0].n).toBe(1);
      expect(sink.received).toHaveLength(0);
    } finally {
      await probe.close();
    }

    // Restart with the worker on the same database.
    restarted = await startTestApp({ DATABASE_URL: databaseUrl, SMTP_URL: sink.url });
    const sent = await waitForRow(restarted, ticketId!, (r) => r.channel === 'EMAIL' && r.status === 'SENT', 30_000);
    expect(sent.attempts).toBe(1);
    await waitForDeliveryJob(restarted, sent.id);
    const copies = sink.received.filter((m) => m.mail.messageId === sent.external_id);
    expect(copies).toHaveLength(1);
    expect(copies[0].to).toEqual(['tutor@demo.test']);
    expect(copies[0].mail.text).toContain(`/tickets/${ticketId!}`);
  });
});
