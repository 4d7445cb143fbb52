import { registerEnumType } from 'type-graphql';

export enum AutomationTrigger {
  TICKET_CREATED = 'TICKET_CREATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  COMMENTED = 'COMMENTED',
  ATTENDANCE_RECORDED = 'ATTENDANCE_RECORDED',
  SLA_AT_RISK = 'SLA_AT_RISK',
  SLA_BREACHED = 'SLA_BREACHED',
  NO_TUTOR_REPLY = 'NO_TUTOR_REPLY',
}

export enum TicketFact {
  TUTOR_JOINED_MINUTES = 'TUTOR_JOINED_MINUTES',
  LEARNER_JOINED_MINUTES = 'LEARNER_JOINED_MINUTES',
  TUTOR_LATE_MINUTES = 'TUTOR_LATE_MINUTES',
  DISPUTED_AMOUNT_MINOR = 'DISPUTED_AMOUNT_MINOR',
  REPORTER_DISPUTES_90_DAYS = 'REPORTER_DISPUTES_90_DAYS',
  TUTOR_DISPUTE_RATE_PERCENT = 'TUTOR_DISPUTE_RATE_PERCENT',
}

export enum FactOp {
  EQ = 'EQ',
  LT = 'LT',
  LTE = 'LTE',
  GT = 'GT',
  GTE = 'GTE',
}

export enum AutomationActionKind {
  ASSIGN = 'ASSIGN',
  AUTO_ASSIGN = 'AUTO_ASSIGN',
  COMMENT = 'COMMENT',
  INTERNAL_NOTE = 'INTERNAL_NOTE',
  ESCALATE = 'ESCALATE',
  RESOLVE = 'RESOLVE',
  OPEN_RISK_TICKET = 'OPEN_RISK_TICKET',
  NOTIFY_STAFF = 'NOTIFY_STAFF',
}

export enum AssignmentMode {
  MANUAL = 'MANUAL',
  ROUND_ROBIN = 'ROUND_ROBIN',
  LEAST_LOADED = 'LEAST_LOADED',
}

registerEnumType(AutomationTrigger, {
  name: 'AutomationTrigger',
  description: 'When an automation is considered for a ticket.',
  valuesConfig: {
    TICKET_CREATED: { description: 'A ticket was reported.' },
    STATUS_CHANGED: { description: 'A ticket moved to another status.' },
    COMMENTED: { description: 'Someone commented on a ticket.' },
    ATTENDANCE_RECORDED: { description: "The attendance of one of the ticket's sessions arrived." },
    SLA_AT_RISK: { description: 'A due time has less than a quarter of its window left.' },
    SLA_BREACHED: { description: 'A due time passed.' },
    NO_TUTOR_REPLY: { description: 'The tutor has not answered for `afterHours` hours since the report.' },
  },
});
registerEnumType(TicketFact, {
  name: 'TicketFact',
  description: "A fact about a ticket an automation's condition can compare.",
  valuesConfig: {
    TUTOR_JOINED_MINUTES: { description: "Minutes the tutor was in the session's room (the least over the ticket's sessions)." },
    LEARNER_JOINED_MINUTES: { description: 'Minutes the disputed learners were in the room (the least over the sessions).' },
    TUTOR_LATE_MINUTES: { description: 'How late the tutor joined (the most over the sessions; the whole session when never).' },
    DISPUTED_AMOUNT_MINOR: { description: 'What the disputed sessions billed the disputed learners, in minor units.' },
    REPORTER_DISPUTES_90_DAYS: { description: 'Disputes the reporter opened in the last 90 days, this one included.' },
    TUTOR_DISPUTE_RATE_PERCENT: { description: "Share of the tutor's completed sessions of the last 90 days that were disputed, in percent." },
  },
});
registerEnumType(FactOp, {
  name: 'FactOp',
  description: 'How a fact is compared with the value.',
  valuesConfig: {
    EQ: { description: 'Equal.' }, LT: { description: 'Less than.' }, LTE: { description: 'At most.' },
    GT: { description: 'More than.' }, GTE: { description: 'At least.' },
  },
});
registerEnumType(AutomationActionKind, {
  name: 'AutomationActionKind',
  description: 'What an automation or a macro does to the ticket.',
  valuesConfig: {
    ASSIGN: { description: 'Assign to `assigneeId` (a coordinator or admin).' },
    AUTO_ASSIGN: { description: 'Assign by the assignment policy.' },
    COMMENT: { description: 'A public comment with `text`.' },
    INTERNAL_NOTE: { description: 'A staff-only comment with `text`.' },
    ESCALATE: { description: 'Escalate, with `text` as the reason.' },
    RESOLVE: { description: 'Resolve with the resolution action `actionId` (and `text` as the comment).' },
    OPEN_RISK_TICKET: { description: 'Open a RISK ticket about the reporter, or the tutor when `text` is TUTOR (one open per person).' },
    NOTIFY_STAFF: { description: 'Tell every coordinator, with `text`.' },
  },
});
registerEnumType(AssignmentMode, {
  name: 'AssignmentMode',
  description: 'How new tickets are assigned.',
  valuesConfig: {
    MANUAL: { description: 'By people only.' },
    ROUND_ROBIN: { description: "In turn among the policy's coordinators." },
    LEAST_LOADED: { description: 'To the coordinator with the fewest open assigned tickets.' },
  },
});
