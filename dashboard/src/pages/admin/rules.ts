import type { AutomationActionKind, AutomationTrigger, FactOp, TicketFact } from '../../graphql/generated/graphql';

/** Words for the rules page (the server's enums, as people read them). */
export const TRIGGER_LABELS: Record<AutomationTrigger, string> = {
  TICKET_CREATED: 'A ticket is reported',
  STATUS_CHANGED: 'A ticket changes status',
  COMMENTED: 'Someone comments',
  ATTENDANCE_RECORDED: 'Attendance arrives',
  SLA_AT_RISK: 'A due time is at risk',
  SLA_BREACHED: 'A due time is missed',
  NO_TUTOR_REPLY: 'The tutor does not answer',
};
export const FACT_LABELS: Record<TicketFact, string> = {
  TUTOR_JOINED_MINUTES: 'Minutes the tutor was in the room',
  LEARNER_JOINED_MINUTES: 'Minutes the learner was in the room',
  TUTOR_LATE_MINUTES: 'Minutes the tutor was late',
  DISPUTED_AMOUNT_MINOR: 'Disputed amount (cents)',
  REPORTER_DISPUTES_90_DAYS: "Reporter's disputes in 90 days",
  TUTOR_DISPUTE_RATE_PERCENT: "Tutor's dispute rate (%)",
};
export const OP_LABELS: Record<FactOp, string> = { EQ: 'is', LT: 'is below', LTE: 'is at most', GT: 'is above', GTE: 'is at least' };
export const ACTION_LABELS: Record<AutomationActionKind, string> = {
  RESOLVE: 'Resolve with an action',
  ASSIGN: 'Assign to someone',
  AUTO_ASSIGN: 'Assign by the policy',
  COMMENT: 'Comment to everyone',
  INTERNAL_NOTE: 'Leave a staff note',
  ESCALATE: 'Escalate',
  OPEN_RISK_TICKET: 'Open a risk ticket',
  NOTIFY_STAFF: 'Tell the coordinators',
};
export const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as K[];
