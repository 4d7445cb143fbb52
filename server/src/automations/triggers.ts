import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import { type Tx, inTransaction, txSlot } from '../db/transaction';
import { run } from '../db/raw-sql';
import type { JobQueue } from '../jobs/queue';
import { TicketStatus } from '../tickets/enums';
import type { TicketChange } from '../tickets/ticket-changes';
import type { AutomationEngine } from './engine';
import { AutomationTrigger as T } from './enums';

import { EVALUATE_TASK, NO_TUTOR_REPLY_TASK, SWEEP_TASK } from './job-names';

/** The trigger a person's (or a timer's) change fires; an automation's own changes fire none (no loops). */
export function triggerOf(event: TicketChange): T | null {
  if (!('change' in event) || event.change.automation) return null;
  if (event.type === 'ticket.created') return T.TICKET_CREATED;
  if (event.type === 'ticket.statusChanged') return T.STATUS_CHANGED;
  if (event.type === 'ticket.commented') return T.COMMENTED;
  return null;
}

/** Queued, in the job's own statement, only when something would look at it (an active automation, or the assignment policy for new tickets). */
function onlyIfNeeded(trigger: T) {
  const triggers = trigger === T.TICKET_CREATED ? [T.TICKET_CREATED, T.NO_TUTOR_REPLY] : [trigger];
  const policy = trigger === T.TICKET_CREATED ? ` or exists (select 1 from assignment_policy where mode <> 'MANUAL')` : '';
  return { sql: `(exists (select 1 from automations where active and trigger::text = any(string_to_array(?, ',')))${policy})`, params: [triggers.join(',')] };
}

const queued = txSlot('automation-triggers', () => new Set<string>());

/**
 * The one place ticket changes reach the automations: the listener of ticket.created,
 * ticket.statusChanged and ticket.commented (registered in app/listeners.ts) queues a durable
 * evaluation job inside the change's transaction, so it exists exactly when the change commits and
 * survives restarts; the worker runs it moments later.
 */
export function automationListener(jobs: JobQueue) {
  return (tx: Tx, event: TicketChange): void => {
    const trigger = triggerOf(event);
    if (trigger && 'ticket' in event) enqueue(tx, jobs, event.ticket.id, trigger);
  };
}

function enqueue(tx: Tx, jobs: JobQueue, ticketId: string, trigger: T): void {
  const seen = tx.slot(queued);
  const key = `${trigger}:${ticketId}`;
  if (seen.has(key)) return;
  seen.add(key);
  // Before the job calls go out (jobs/queue.ts sends them at order 900); ahead of deliveries, so a
  // verified no-show is resolved within moments even behind a backlog of messages.
  tx.beforeCommit((em) => jobs.add(em, EVALUATE_TASK, { ticketId, trigger }, { onlyIf: onlyIfNeeded(trigger), priority: -10 }), 800);
}

/**
 * ATTENDANCE_RECORDED: call when a session's attendance arrives (the attendance sync). Inside the
 * sync's transaction (`tx`) the jobs commit with it; without, in a transaction of their own.
 */
export async function onAttendanceRecorded(rootEm: EntityManager, jobs: JobQueue, sessionId: string, tx?: Tx): Promise<number> {
  const work = async (t: Tx) => {
    const open: Array<{ id: string }> = await run(t.em, `select t.id from ticket_sessions ts join tickets t on t.id = ts.ticket_id where ts.session_id = ? and t.status <> ?`, [sessionId, TicketStatus.CLOSED]);
    for (const { id } of open) enqueue(t, jobs, id, T.ATTENDANCE_RECORDED);
    return open.length;
  };
  return tx ? work(tx) : inTransaction(rootEm, work);
}

export function automationTasks(engine: AutomationEngine): TaskList {
  return {
    [EVALUATE_TASK]: async (payload) => {
      const { ticketId, trigger } = payload as { ticketId: string; trigger: T };
      await engine.handle(ticketId, trigger);
    },
    [NO_TUTOR_REPLY_TASK]: async (payload) => {
      const { ticketId, automationId } = payload as { ticketId: string; automationId: string };
      await engine.noTutorReply(ticketId, automationId);
    },
    [SWEEP_TASK]: async () => {
      await engine.sweep();
    },
  };
}
