import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaff } from '../auth/roles';
import type { Viewer } from '../auth/viewer';
import { DomainError } from '../errors';
import { IssueLog } from './issue-log.entity';
import type { Ticket } from './ticket.entity';

/** What one change did, in words for the person who missed it (the CONFLICT's `changes`). */
export interface MissedChange {
  at: string;
  by: string;
  action: string;
  /** The change in a short sentence, e.g. "Sam Tutor commented: …". */
  summary: string;
}

const DONE: Record<string, string> = {
  ACCEPTED: 'accepted the resolution', AUTO_CLOSED: 'closed it (automatically)', AUTO_ESCALATED: 'escalated it (automatically)',
  COMMENTED: 'commented', CONTACTED_TUTOR: 'contacted the tutor', DECIDED: 'made the final decision', ESCALATED: 'escalated it',
  EVIDENCE_ADDED: 'added evidence', MERGED: 'merged it into another ticket', MERGED_FROM: 'merged another ticket into it',
  RATED: 'rated it', RESOLVED: 'resolved it', SPLIT: 'split sessions off it', ASSIGNED: 'assigned it', UNASSIGNED: 'unassigned it',
};
const quote = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

/**
 * The CONFLICT for a sender who loaded version `expected`: what changed since (each change one log
 * row, newest last; internal notes only for staff), so the sender can read it before sending again.
 */
export async function staleVersionConflict(em: EntityManager, viewer: Viewer | null, ticket: Ticket, expected: number): Promise<DomainError> {
  const missed = Math.max(0, Math.min(ticket.version - expected, 20));
  const logs = missed
    ? await em.find(IssueLog, { ticket: ticket.id }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: missed, populate: ['actor'] })
    : [];
  const staff = !!viewer && isStaff(viewer.role);
  const changes: MissedChange[] = logs.reverse().filter((log) => staff || !log.internal).map((log) => {
    const by = log.actor ? (log.actor.id === viewer?.id ? 'You' : log.actor.name) : 'The system';
    const done = DONE[log.action] ?? log.action.toLowerCase().replace(/_/g, ' ');
    const said = log.comment && ['COMMENTED', 'RESOLVED', 'DECIDED', 'ESCALATED', 'ACCEPTED'].includes(log.action) ? `: “${quote(log.comment)}”` : '';
    return { at: log.createdAt.toISOString(), by, action: log.action, summary: `${by} ${done}${log.internal ? ' (internal note)' : ''}${said}` };
  });
  const list = changes.map((c) => c.summary).join('; ');
  const message = changes.length
    ? `This ticket changed after you opened it: ${list}. Read the changes, then send again if you still want to.`
    : 'This ticket changed after you opened it. Reload it, then send again if you still want to.';
  return new DomainError('CONFLICT', message, undefined, { changes, currentVersion: ticket.version });
}
