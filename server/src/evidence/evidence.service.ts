import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config';
import { inTransaction } from '../db/transaction';
import { badInput, conflict } from '../errors';
import { TicketEventKind } from '../tickets/enums';
import { recordChange } from '../tickets/history';
import { ticketFor } from '../tickets/ticket-access';
import type { Ticket } from '../tickets/ticket.entity';
import { Upload } from './upload.entity';
import { run } from '../db/raw-sql';

const MAX_FILES_PER_CALL = 10;

/**
 * Until when evidence may be attached: EVIDENCE_WINDOW after the report, and again after the
 * latest escalation (each side gets a fresh window for the second decision).
 */
export const evidenceDueAt = (config: Pick<Config, 'evidenceWindowMs'>, ticket: Ticket, lastEscalatedAt: Date | null): Date =>
  new Date((lastEscalatedAt ?? ticket.createdAt).getTime() + config.evidenceWindowMs);

/** When each ticket was last escalated (tickets never escalated are absent). */
export async function lastEscalations(em: EntityManager, ticketIds: string[]): Promise<Map<string, Date>> {
  if (!ticketIds.length) return new Map();
  const rows: Array<{ ticket_id: string; at: Date | string }> = await run(em,
    `select ticket_id, max(created_at) as at from issue_logs where ticket_id in (?) and to_status = 'ESCALATED' group by ticket_id`, [ticketIds]);
  return new Map(rows.map((r) => [r.ticket_id, new Date(r.at)]));
}

/** Whether the evidence window is still open; who may attach is the lifecycle table's (tickets/rules.ts). */
export const evidenceWindowOpen = (config: Pick<Config, 'evidenceWindowMs'>, ticket: Ticket, lastEscalatedAt: Date | null, now = new Date()) =>
  now <= evidenceDueAt(config, ticket, lastEscalatedAt);

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
    const { ticket } = await ticketFor(tx.em, config, viewer, input.ticketId, 'attachEvidence', { lock: true });
    const dueAt = evidenceDueAt(config, ticket, (await lastEscalations(tx.em, [ticket.id])).get(ticket.id) ?? null);
    if (new Date() > dueAt) throw conflict(`Evidence was due by ${dueAt.toISOString()}`);
    const uploads = await tx.em.find(Upload, { id: { $in: uploadIds }, owner: viewer.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (uploads.length !== uploadIds.length) throw badInput('uploadIds', 'Attach files you uploaded (POST /uploads) yourself');
    if (uploads.some((upload) => upload.ticket)) throw badInput('uploadIds', 'A file is already attached to a ticket');
    const now = new Date();
    for (const upload of uploads) Object.assign(upload, { ticket, attachedAt: now });
    const names = uploads.map((upload) => upload.filename).join(', ');
    await recordChange(tx, ticket, { actor: viewer, action: 'EVIDENCE_ADDED', comment: comment ? `${comment}\n(${names})` : names, kind: TicketEventKind.UPDATED });
    return ticket;
  });
}
