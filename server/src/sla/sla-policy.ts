import { TicketStatus, TicketType } from '../tickets/enums';
import { type BusinessHours, addBusinessTime, businessTimeBetween } from './business-hours';

/** The SLA targets of one ticket type, in ms; null: that clock does not run. */
export interface SlaPolicy {
  firstResponseMs: number | null;
  resolutionMs: number | null;
  escalatedMs: number | null;
  /** Count only business hours. */
  businessHours: boolean;
}

export interface SlaDefaults {
  firstResponseDueAfterMs: number;
  resolutionDueAfterMs: number;
  escalationDueAfterMs: number;
}

/** A type without an admin's policy: the configured targets, except feedback (praise, ideas), which has none. */
export function defaultPolicy(type: TicketType, defaults: SlaDefaults): SlaPolicy {
  if (type === TicketType.FEEDBACK) return { firstResponseMs: null, resolutionMs: null, escalatedMs: null, businessHours: false };
  return {
    firstResponseMs: defaults.firstResponseDueAfterMs,
    resolutionMs: defaults.resolutionDueAfterMs,
    escalatedMs: defaults.escalationDueAfterMs,
    businessHours: false,
  };
}

/** The clock columns of a ticket (see desk/sla.ts for how they become a state). */
export interface SlaClock {
  status: TicketStatus;
  firstResponseDueAt?: Date | null;
  firstRespondedAt?: Date | null;
  resolutionDueAt?: Date | null;
  resolutionMetAt?: Date | null;
  escalatedAt?: Date | null;
  escalationDueAt?: Date | null;
  slaPausedAt?: Date | null;
}

/** The policy's clock rules, with the business hours they count in (null: around the clock). */
export function slaRules(policy: SlaPolicy, hours: BusinessHours | null) {
  const counting = policy.businessHours ? hours : null;
  const due = (from: Date, ms: number | null) => (ms === null ? null : addBusinessTime(from, ms, counting));
  return {
    /** A new ticket: the first-response and resolution clocks start. */
    start(ticket: SlaClock, now: Date): void {
      ticket.firstResponseDueAt = due(now, policy.firstResponseMs);
      ticket.resolutionDueAt = due(now, policy.resolutionMs);
    },
    /** A reply the reporter can read, from staff or the tutor: the first one is the first response. */
    replied(ticket: SlaClock, now: Date): void {
      ticket.firstRespondedAt ??= now;
    },
    /** A decision: it answers the reporter and stops the resolution clock; nothing waits on the reporter any more. */
    decided(ticket: SlaClock, now: Date): void {
      ticket.firstRespondedAt ??= now;
      ticket.resolutionMetAt ??= now;
      ticket.slaPausedAt = null;
    },
    /** Escalated: the resolution clock stops, the escalated wait starts on its own clock. */
    escalated(ticket: SlaClock, now: Date): void {
      this.resumed(ticket, now);
      ticket.resolutionMetAt ??= now;
      ticket.escalatedAt = now;
      ticket.escalationDueAt = due(now, policy.escalatedMs);
    },
    /** Staff or the tutor wait on the reporter's answer: every clock stands still. */
    paused(ticket: SlaClock, now: Date): void {
      ticket.slaPausedAt ??= now;
    },
    /** The reporter answered: the running clocks go on with the time they had left when paused. */
    resumed(ticket: SlaClock, now: Date): void {
      const pausedAt = ticket.slaPausedAt;
      if (!pausedAt) return;
      ticket.slaPausedAt = null;
      const shift = (dueAt: Date | null | undefined) => {
        if (!dueAt || dueAt <= pausedAt) return dueAt ?? null;
        return addBusinessTime(now, businessTimeBetween(pausedAt, dueAt, counting), counting);
      };
      if (!ticket.firstRespondedAt) ticket.firstResponseDueAt = shift(ticket.firstResponseDueAt);
      if (!ticket.resolutionMetAt) ticket.resolutionDueAt = shift(ticket.resolutionDueAt);
      if (ticket.status === TicketStatus.ESCALATED) ticket.escalationDueAt = shift(ticket.escalationDueAt);
    },
  };
}
