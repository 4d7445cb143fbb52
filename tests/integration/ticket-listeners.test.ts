import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketChanges } from '../../server/src/tickets/ticket-changes';
import { jobQueue } from '../../server/src/jobs/queue';
import { createTicketService } from '../../server/src/tickets/tickets.service';
import { type TestApp, startTestApp } from '../support/app';
import { reportDispute, resolveForParent } from '../support/disputes';
import { sql, userId } from '../support/fixtures';
import { inRolledBackTransaction } from '../support/rolled-back';

/** What the plug-ins listening to a ticket change wrote for this ticket: webhook events, notifications, rating requests. */
async function written(app: TestApp, ticketId: string) {
  const [row] = await sql(app, `select
      (select count(*)::int from webhook_events where order_key = ?) as webhooks,
      (select count(*)::int from notifications where ticket_id = ?) as notifications,
      (select count(*)::int from graphile_worker.jobs where task_identifier = 'satisfaction.ask' and key = ?) as ratings`,
  [`ticket:${ticketId}`, ticketId, `satisfaction:${ticketId}`]);
  return row as { webhooks: number; notifications: number; ratings: number };
}

describe('the ticket core announces, its plug-ins listen in the same transaction', () => {
  let app: TestApp;
  let ticketId: string;
  let parent: { id: string; role: 'PARENT' };
  beforeAll(async () => {
    // No worker: the rating request stays a queued job, countable.
    app = await startTestApp({ RUN_WORKER: 'false' });
    const parentToken = await app.login('parent@demo.test');
    const ticket = await reportDispute(app, parentToken, { title: 'Listeners: the tutor never came' });
    await resolveForParent(app, await app.login('coordinator@demo.test'), ticket.id);
    ticketId = ticket.id;
    parent = { id: await userId(app, 'parent@demo.test'), role: 'PARENT' };
  });
  afterAll(() => app.close());

  it('registers the listeners of webhooks, notifications and satisfaction at the composition root', () => {
    expect(ticketChanges.registered()).toMatchObject({
      'ticket.statusChanged': ['webhooks', 'notifications'],
      'ticket.closed': ['notifications', 'satisfaction'],
    });
  });

  it('a change whose transaction rolls back leaves no webhook event, notification or rating request', async () => {
    const before = await written(app, ticketId);
    const closed = await inRolledBackTransaction(app.orm, (em) =>
      createTicketService({ em, config: app.services.config, jobs: jobQueue }).accept(parent as never, { ticketId, comment: 'Thanks.' }));
    // The change ran to its end (its listeners too) before the rollback.
    expect(closed.status).toBe('CLOSED');
    expect(await written(app, ticketId)).toEqual(before);
    const [{ status }] = await sql(app, 'select status from tickets where id = ?', [ticketId]);
    expect(status).toBe('RESOLVED');
  });

  it('one that commits leaves exactly one of each', async () => {
    const before = await written(app, ticketId);
    await app.services.tickets.accept(parent as never, { ticketId, comment: 'Thanks.' });
    const after = await written(app, ticketId);
    // The status change for partners; the tutor's one message (the released payout); the reporter's rating request.
    expect(after).toEqual({ webhooks: before.webhooks + 1, notifications: before.notifications + 1, ratings: before.ratings + 1 });
  });
});
