import { Role, isStaff } from '../auth/roles';
import { TicketStatus } from './enums';

/** What someone can do to an existing ticket. */
export type TicketAction =
  | 'resolve' | 'accept' | 'escalate' | 'assign' | 'comment' | 'commentInternal'
  | 'attachEvidence' | 'split' | 'rate'
  // merge: this ticket closes into another (viewerCan.merge); mergeInto: another ticket closes into this one.
  | 'merge' | 'mergeInto'
  | 'autoClose' | 'autoEscalate';

/** Who is acting, relative to the ticket. `SYSTEM` is the timers. */
export interface Actor {
  role: Role | 'SYSTEM';
  isReporter: boolean;
  /**
   * Reported a ticket merged into this one (desk/merge.ts): takes part in the conversation
   * (comment), but the decision stays with the ticket's own reporter (accept, escalate, rate).
   */
  isMergedReporter: boolean;
  isTutor: boolean;
}

export interface RuleOptions {
  /** Whether coordinators may make the final decision on escalated tickets. */
  coordinatorsDecideEscalations: boolean;
}

type Who = (actor: Actor, options: RuleOptions) => boolean;
const staff: Who = (a) => a.role !== 'SYSTEM' && isStaff(a.role);
const OPEN = [TicketStatus.ONGOING, TicketStatus.RESOLVED, TicketStatus.ESCALATED];

/** The lifecycle table (docs/API.md "Lifecycle"), as data: from, action, who, to. */
export const LIFECYCLE: Array<{ from: TicketStatus[]; action: TicketAction; who: Who; to: TicketStatus | 'same' }> = [
  { from: [TicketStatus.ONGOING], action: 'resolve', who: (a, o) => a.isTutor || staff(a, o), to: TicketStatus.RESOLVED },
  { from: [TicketStatus.RESOLVED], action: 'accept', who: (a) => a.isReporter, to: TicketStatus.CLOSED },
  { from: [TicketStatus.RESOLVED], action: 'autoClose', who: (a) => a.role === 'SYSTEM', to: TicketStatus.CLOSED },
  { from: [TicketStatus.RESOLVED], action: 'escalate', who: (a) => a.isReporter, to: TicketStatus.ESCALATED },
  { from: [TicketStatus.ONGOING], action: 'escalate', who: (a) => a.isTutor || a.role === Role.COORDINATOR, to: TicketStatus.ESCALATED },
  { from: [TicketStatus.ONGOING], action: 'autoEscalate', who: (a) => a.role === 'SYSTEM', to: TicketStatus.ESCALATED },
  {
    from: [TicketStatus.ESCALATED], action: 'resolve',
    who: (a, o) => a.role === Role.ADMIN || (o.coordinatorsDecideEscalations && a.role === Role.COORDINATOR),
    to: TicketStatus.CLOSED,
  },
  { from: OPEN, action: 'assign', who: staff, to: 'same' },
  { from: OPEN, action: 'comment', who: (a, o) => staff(a, o) || a.isReporter || a.isMergedReporter || a.isTutor, to: 'same' },
  { from: OPEN, action: 'commentInternal', who: staff, to: 'same' },
  // Also only until evidenceDueAt (evidence/evidence.service.ts checks the time).
  { from: OPEN, action: 'attachEvidence', who: (a, o) => staff(a, o) || a.isReporter || a.isTutor, to: 'same' },
  // Also only once (satisfaction/satisfaction.service.ts checks for an earlier rating).
  { from: [TicketStatus.CLOSED], action: 'rate', who: (a) => a.isReporter, to: 'same' },
  // Only before a decision: no money has moved yet (desk/split.ts).
  { from: [TicketStatus.ONGOING], action: 'split', who: staff, to: 'same' },
  // Any open duplicate closes into a ticket whose decision is still to come (ONGOING, or ESCALATED
  // awaiting the final one): a RESOLVED target's decision is made, so joining sessions would go undecided.
  // Money a source already moved stays in its ledger and counts for the target (desk/merge.ts).
  { from: OPEN, action: 'merge', who: staff, to: TicketStatus.CLOSED },
  { from: [TicketStatus.ONGOING, TicketStatus.ESCALATED], action: 'mergeInto', who: staff, to: 'same' },
];

export type Verdict = { ok: true; to: TicketStatus } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string };

/**
 * Whether `actor` may do `action` on a ticket in `status`. The status offers the action to
 * nobody: CONFLICT. It offers it, but not to this actor: FORBIDDEN.
 */
export function decide(status: TicketStatus, action: TicketAction, actor: Actor, options: RuleOptions): Verdict {
  const rows = LIFECYCLE.filter((r) => r.action === action && r.from.includes(status));
  if (!rows.length) return { ok: false, code: 'CONFLICT', message: `A ${status} ticket cannot be ${pastTense[action]}` };
  const row = rows.find((r) => r.who(actor, options));
  if (!row) return { ok: false, code: 'FORBIDDEN', message: `You may not ${verb[action]} this ticket while it is ${status}` };
  return { ok: true, to: row.to === 'same' ? status : row.to };
}

const verb: Record<TicketAction, string> = {
  resolve: 'resolve', accept: 'accept the resolution of', escalate: 'escalate', assign: 'assign',
  comment: 'comment on', commentInternal: 'add internal comments to', autoClose: 'close', autoEscalate: 'escalate',
  attachEvidence: 'attach evidence to', merge: 'merge', mergeInto: 'merge tickets into', split: 'split', rate: 'rate',
};
const pastTense: Record<TicketAction, string> = {
  resolve: 'resolved', accept: 'accepted', escalate: 'escalated', assign: 'assigned', comment: 'commented on',
  commentInternal: 'commented on', autoClose: 'closed automatically', autoEscalate: 'escalated automatically',
  attachEvidence: 'given evidence', merge: 'merged', mergeInto: 'merged into', split: 'split', rate: 'rated',
};
