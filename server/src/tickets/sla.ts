import { registerEnumType } from 'type-graphql';
import { TicketStatus } from '../tickets/enums';

/** Where a ticket stands against its first-response and resolution due times. */
export enum SlaState {
  ON_TRACK = 'ON_TRACK',
  /** Less than a quarter of the time to a pending due time is left. */
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
  /** Resolved (or closed) with every due time kept. */
  MET = 'MET',
}
registerEnumType(SlaState, { name: 'SlaState', description: 'AT_RISK: less than a quarter of the time left.' });

/** The ticket times the SLA state is computed from (set by sla/sla-clock.ts). */
export interface SlaTimes {
  status: TicketStatus;
  createdAt: Date;
  firstResponseDueAt?: Date | null;
  firstRespondedAt?: Date | null;
  resolutionDueAt?: Date | null;
  /** When the resolution clock stopped: the first decision, or the escalation. */
  resolutionMetAt?: Date | null;
  escalatedAt?: Date | null;
  escalationDueAt?: Date | null;
  /** Waiting on the reporter since then: every clock stands still. */
  slaPausedAt?: Date | null;
  closedAt?: Date | null;
}

const NOW = '?::timestamptz';
const ms = (date: Date | null | undefined) => (date ? date.getTime() : null);

/**
 * The one SLA rule (slaStateSql below is the same rule in SQL; a test keeps them in step).
 * Three clocks, each with its own due time (none when the ticket type's policy has none): the
 * first response, the resolution (stops at the first decision or the escalation) and the
 * escalated wait (stops when the ticket closes). A clock is breached when it stopped, or (still
 * running) `now` is, after its due time; a paused ticket is judged as of the moment it paused.
 * MET once RESOLVED or CLOSED with nothing breached; AT_RISK when a running clock has less than
 * a quarter of its window left.
 */
export function slaStateOf(ticket: SlaTimes, now: Date = new Date()): SlaState {
  const at = ms(ticket.slaPausedAt) ?? now.getTime();
  const closed = ms(ticket.closedAt);
  const resolutionStop = ms(ticket.resolutionMetAt) ?? closed;
  const responseDue = ms(ticket.firstResponseDueAt);
  const resolutionDue = ms(ticket.resolutionDueAt);
  const escalationDue = ms(ticket.escalationDueAt);
  const responded = ms(ticket.firstRespondedAt);
  if (responseDue !== null && (responded ?? resolutionStop ?? at) > responseDue) return SlaState.BREACHED;
  if (resolutionDue !== null && (resolutionStop ?? at) > resolutionDue) return SlaState.BREACHED;
  if (escalationDue !== null && (closed ?? at) > escalationDue) return SlaState.BREACHED;
  if (ticket.status === TicketStatus.RESOLVED || ticket.status === TicketStatus.CLOSED) return SlaState.MET;
  const atRisk = (due: number, start: number) => (due - at) * 4 < due - start;
  if (ticket.status === TicketStatus.ESCALATED) {
    const start = ms(ticket.escalatedAt);
    return escalationDue !== null && start !== null && atRisk(escalationDue, start) ? SlaState.AT_RISK : SlaState.ON_TRACK;
  }
  const created = ticket.createdAt.getTime();
  if (responseDue !== null && responded === null && atRisk(responseDue, created)) return SlaState.AT_RISK;
  if (resolutionDue !== null && resolutionStop === null && atRisk(resolutionDue, created)) return SlaState.AT_RISK;
  return SlaState.ON_TRACK;
}

/**
 * slaStateOf as an SQL expression over the tickets table aliased `alias`; its parameters are now.
 * Used by the board filter (TicketFilter.sla), the breach sweep and the reports.
 */
export function slaStateSql(alias: string, now: Date = new Date()): { sql: string; params: unknown[] } {
  const t = (column: string) => `${alias}.${column}`;
  const at = `coalesce(${t('sla_paused_at')}, ${NOW})`;
  const stop = `coalesce(${t('resolution_met_at')}, ${t('closed_at')})`;
  const atRisk = (due: string, start: string) => `(${due} - ${at}) * 4 < (${due} - ${start})`;
  const sql = `(case
    when ${t('first_response_due_at')} is not null and coalesce(${t('first_responded_at')}, ${stop}, ${at}) > ${t('first_response_due_at')} then 'BREACHED'
    when ${t('resolution_due_at')} is not null and coalesce(${stop}, ${at}) > ${t('resolution_due_at')} then 'BREACHED'
    when ${t('escalation_due_at')} is not null and coalesce(${t('closed_at')}, ${at}) > ${t('escalation_due_at')} then 'BREACHED'
    when ${t('status')} in ('RESOLVED', 'CLOSED') then 'MET'
    when ${t('status')} = 'ESCALATED' then (case when ${t('escalation_due_at')} is not null and ${t('escalated_at')} is not null
      and ${atRisk(t('escalation_due_at'), t('escalated_at'))} then 'AT_RISK' else 'ON_TRACK' end)
    when ${t('first_response_due_at')} is not null and ${t('first_responded_at')} is null and ${atRisk(t('first_response_due_at'), t('created_at'))} then 'AT_RISK'
    when ${t('resolution_due_at')} is not null and ${stop} is null and ${atRisk(t('resolution_due_at'), t('created_at'))} then 'AT_RISK'
    else 'ON_TRACK' end)`;
  const uses = sql.split(NOW).length - 1;
  return { sql, params: Array(uses).fill(now.toISOString()) };
}

/** The SQL condition and in-memory predicate of `TicketFilter.sla`: one of these states, as of `now`. */
export const slaFilter = {
  sql(alias: string, states: readonly SlaState[], now: Date = new Date()): { sql: string; params: unknown[] } {
    const state = slaStateSql(alias, now);
    return { sql: `${state.sql} in (${states.map(() => '?').join(', ')})`, params: [...state.params, ...states] };
  },
  matches(ticket: SlaTimes, states: readonly SlaState[] | null | undefined, now: Date = new Date()): boolean {
    return !states?.length || states.includes(slaStateOf(ticket, now));
  },
};
