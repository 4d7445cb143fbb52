import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config';
import { inTransaction } from '../db/transaction';
import { badInput, conflict, notFound } from '../errors';
import { TicketEventKind, TicketStatus } from '../tickets/enums';
import { recordChange } from '../tickets/history';
import { canSeeTicket } from '../tickets/ticket-access';
import { Ticket } from '../tickets/ticket.entity';
import { Upload } from './upload.entity';

const MAX_FILES_PER_CALL = 10;

/**
 * Until when evidence may be attached: EVIDENCE_WINDOW after the report, and again after the
 * latest escalation (each side gets a fresh window for the second decision).
 */
export async function evidenceDueAt(em: EntityManager, config: Config, ticket: Ticket): Promise<Date> {
  const rows: Array<{ at: Date | string | null }> = await em.getConnection().execute(
    `select max(created_at) as at from issue_logs where ticket_id = ? and to_status = 'ESCALATED'`, [ticket.id], 'all', em.getTransactionContext());
  const from = rows[0]?.at ? new Date(rows[0].at) : ticket.createdAt;
  return new Date(from.getTime() + config.evidenceWindowMs);
}

/** The rule: anyone who sees an open ticket, before its evidence due time. Null when allowed, else why not. */
export function evidenceRefusal(ticket: Ticket, dueAt: Date, now = new Date()): string | null {
  if (ticket.status === TicketStatus.CLOSED) return 'The ticket is closed';
  if (now > dueAt) return `Evidence was due by ${dueAt.toISOString()}`;
  return null;
}

export interface AttachEvidenceInput {
  ticketId: string;
  uploadIds: string[];
  comment?: string | null;
}

/** Binds the caller's own uploads to a ticket, with a log entry everyone on the ticket sees. */
export async function attachEvidence(em: EntityManager, config: Config, viewer: Viewer, input: AttachEvidenceInput): Promise<Ticket> {
  const uploadIds = [...new Set(input.uploadIds)];
  if (!uploadIds.length) throw badInput('uploadIds', 'Choose at least one file');
  if (uploadIds.length > MAX_FILES_PER_CALL) throw badInput('uploadIds', `At most ${MAX_FILES_PER_CALL} files at a time`);
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > 5000) throw badInput('comment', 'comment is at most 5000 characters');
  return inTransaction(em, async (tx) => {
    const ticket = await tx.em.findOne(Ticket, { id: input.ticketId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!ticket || !(await canSeeTicket(tx.em, viewer, ticket))) throw notFound('Ticket');
    const refusal = evidenceRefusal(ticket, await evidenceDueAt(tx.em, config, ticket));
    if (refusal) throw conflict(refusal);
    const uploads = await tx.em.find(Upload, { id: { $in: uploadIds }, owner: viewer.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (uploads.length !== uploadIds.length) throw badInput('uploadIds', 'Attach files you uploaded (POST /uploads) yourself');
    if (uploads.some((upload) => upload.ticket)) throw badInput('uploadIds', 'A file is already attached to a ticket');
    const now = new Date();
    for (const upload of uploads) Object.assign(upload, { ticket, attachedAt: now });
    const names = uploads.map((upload) => upload.filename).join(', ');
    recordChange(tx, ticket, { actor: viewer, action: 'EVIDENCE_ADDED', comment: comment ? `${comment}\n(${names})` : names, kind: TicketEventKind.UPDATED });
    return ticket;
  });
}
