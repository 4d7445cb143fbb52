import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { holdPayouts } from '../billing/payouts';
import { pgArray, run } from '../db/raw-sql';
import { type Tx, inTransaction } from '../db/transaction';
import { badInput, notFound } from '../errors';
import { TicketEventKind, TicketStatus } from '../tickets/enums';
import { recordChange } from '../tickets/history';
import { ticketChanges } from '../tickets/ticket-changes';
import { reporterIdsOf } from '../tickets/disputed-learners';
import { canSeeTicket, ticketFor } from '../tickets/ticket-access';
import type { TicketDeps } from '../tickets/ticket-deps';
import { Ticket } from '../tickets/ticket.entity';
import { closeTicket } from '../tickets/tickets.service';

const MAX_SOURCES = 20;

export interface MergeRequest {
  targetId: string;
  sourceIds: string[];
  comment?: string | null;
}

/**
 * Closes duplicate tickets into the one that lives on. Each source (any open status) is CLOSED
 * with mergedInto = target through the same close as every other ticket; its sessions, its
 * conversation (the report, public and internal comments, evidence notes, copied into the target's
 * log with their times) and its attachments join the target (ONGOING or ESCALATED: its decision is
 * still to come); both logs say so and the source's reporter and tutor are told. Money a source
 * already moved stays in its ledger; the target's decision counts it (billing/adjustments.ts
 * ledgerTotals), so no line is credited twice. The payouts of the moved sessions stay held until
 * the target closes. A source of another reporter (two parents of one group class) makes its
 * reporter one of the target's mergedReporterIds: they see the target and may comment, their
 * learners are disputed too, and the decision (accept, escalate, rate) stays with the target's
 * reporter (tickets/visibility.ts, rules.ts, disputed-learners.ts). Sources must have the target's
 * tutor (a dispute is about one tutor's sessions) and currency. A retry returns the target
 * without doing anything again: sources already merged into it are skipped.
 */
export async function mergeTickets(deps: TicketDeps, viewer: Viewer, request: MergeRequest): Promise<Ticket> {
  const sourceIds = [...new Set(request.sourceIds)].sort();
  if (!sourceIds.length) throw badInput('sourceIds', 'Choose the tickets to merge');
  if (sourceIds.length > MAX_SOURCES) throw badInput('sourceIds', `At most ${MAX_SOURCES} tickets at a time`);
  if (sourceIds.includes(request.targetId)) throw badInput('sourceIds', 'A ticket cannot be merged into itself');
  const comment = request.comment?.trim() || null;
  if (comment && comment.length > 5000) throw badInput('comment', 'comment is at most 5000 characters');
  return inTransaction(deps.em, async (tx) => {
    const { em } = tx;
    // Every ticket involved, locked in id order: merges and decisions on them queue up, never deadlock.
    await run(em, 'select id from tickets where id = any(?::uuid[]) order by id for update', [pgArray([request.targetId, ...sourceIds])]);
    const sources = await Promise.all(sourceIds.map((id) => visibleTicket(em, viewer, id)));
    const pending = sources.filter((source) => source.mergedInto?.id !== request.targetId);
    if (!pending.length) return visibleTicket(em, viewer, request.targetId);
    const { ticket: target } = await ticketFor(em, deps.config, viewer, request.targetId, 'mergeInto', { lock: false });
    for (const { id } of pending) await ticketFor(em, deps.config, viewer, id, 'merge', { lock: false });
    for (const source of pending) checkCompatible(source, target);
    for (const source of pending) await mergeOne(tx, deps, viewer, source, target, comment);
    const numbers = pending.map((source) => source.number).join(', ');
    await ticketChanges.raise(tx, { type: 'ticket.merged', target, sources: pending });
    await recordChange(tx, target, { actor: viewer, action: 'MERGED_FROM', comment: [`Merged ${numbers} into this ticket`, comment].filter(Boolean).join(': '), kind: TicketEventKind.UPDATED });
    return target;
  });
}

async function visibleTicket(em: EntityManager, viewer: Viewer, id: string): Promise<Ticket> {
  const ticket = await em.findOne(Ticket, { id });
  if (!ticket || !(await canSeeTicket(em, viewer, ticket))) throw notFound('Ticket');
  return ticket;
}

function checkCompatible(source: Ticket, target: Ticket): void {
  if (source.tutor && source.tutor.id !== target.tutor?.id) throw badInput('sourceIds', `${source.number} is about another tutor's sessions`);
  if (source.currency && target.currency && source.currency !== target.currency) throw badInput('sourceIds', `${source.number} is in another currency`);
}

async function mergeOne(tx: Tx, deps: TicketDeps, viewer: Viewer, source: Ticket, target: Ticket, comment: string | null): Promise<void> {
  const { em } = tx;
  await copyConversation(em, source, target);
  const sessionIds = await moveSessions(em, source.id, target.id);
  await run(em, 'update uploads set ticket_id = ? where ticket_id = ?', [target.id, source.id]);
  target.currency ??= source.currency;
  // The source's reporters (its own and those merged into it) now follow the target.
  target.mergedReporterIds = reporterIdsOf(source).concat(target.mergedReporterIds)
    .filter((id, index, ids) => id !== target.reporter.id && ids.indexOf(id) === index);
  source.mergedInto = target;
  await recordChange(tx, source, {
    actor: viewer, action: 'MERGED', comment: [`Merged into ${target.number}`, comment].filter(Boolean).join(': '),
    to: TicketStatus.CLOSED, kind: TicketEventKind.STATUS_CHANGED,
  });
  await closeTicket(tx, deps.timers, source);
  // Held while the source was open, held now by the target (a no-op unless something released them).
  await holdPayouts(em, sessionIds);
}

/** The source's report, comments and evidence notes, as entries of the target's log at their own times. */
async function copyConversation(em: EntityManager, source: Ticket, target: Ticket): Promise<void> {
  await run(em,
    `insert into issue_logs (id, ticket_id, actor_id, action, comment, internal, created_at)
     select gen_random_uuid(), ?, actor_id, case when action = 'REPORTED' then 'COMMENTED' else action end,
            ? || case when action = 'REPORTED' then ? else '' end || coalesce(comment, ''), internal, created_at
       from issue_logs where ticket_id = ? and action in ('REPORTED', 'COMMENTED', 'EVIDENCE_ADDED')`,
    [target.id, `[${source.number}] `, `reported "${source.title}": `, source.id]);
}

/**
 * The source's session links become the target's, open-dispute flags and all. A session already on
 * the target keeps the target's link, marked disputed if either was (the source's goes first: the
 * partial unique index allows one open dispute per session). Returns the moved sessions' ids.
 */
async function moveSessions(em: EntityManager, sourceId: string, targetId: string): Promise<string[]> {
  const links: Array<{ session_id: string; open_dispute: boolean }> = await run(em, 'select session_id, open_dispute from ticket_sessions where ticket_id = ?', [sourceId]);
  const onTarget = new Set((await run(em, 'select session_id from ticket_sessions where ticket_id = ?', [targetId])).map((row) => row.session_id as string));
  const shared = links.filter((link) => onTarget.has(link.session_id));
  if (shared.length) {
    await run(em, 'delete from ticket_sessions where ticket_id = ? and session_id = any(?::uuid[])', [sourceId, pgArray(shared.map((l) => l.session_id))]);
    const disputed = shared.filter((link) => link.open_dispute).map((l) => l.session_id);
    if (disputed.length) await run(em, 'update ticket_sessions set open_dispute = true where ticket_id = ? and session_id = any(?::uuid[])', [targetId, pgArray(disputed)]);
  }
  await run(em, 'update ticket_sessions set ticket_id = ? where ticket_id = ?', [targetId, sourceId]);
  return links.map((link) => link.session_id);
}
