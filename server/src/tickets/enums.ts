import { registerEnumType } from 'type-graphql';

export enum TicketStatus {
  ONGOING = 'ONGOING',
  RESOLVED = 'RESOLVED',
  ESCALATED = 'ESCALATED',
  CLOSED = 'CLOSED',
}
/** The board's column order; also the order of `tickets`. */
export const BOARD_ORDER: readonly TicketStatus[] = [
  TicketStatus.ONGOING,
  TicketStatus.RESOLVED,
  TicketStatus.ESCALATED,
  TicketStatus.CLOSED,
];

export enum TicketType {
  DISPUTE = 'DISPUTE',
  SUPPORT = 'SUPPORT',
  FEEDBACK = 'FEEDBACK',
  RISK = 'RISK',
}
export enum DisputeCategory {
  NO_SHOW = 'NO_SHOW',
  DURATION = 'DURATION',
  QUALITY = 'QUALITY',
  BILLING = 'BILLING',
  SCHEDULING = 'SCHEDULING',
}
export enum ResolutionOutcome {
  IN_FAVOR_OF_PARENT = 'IN_FAVOR_OF_PARENT',
  IN_FAVOR_OF_EDUCATOR = 'IN_FAVOR_OF_EDUCATOR',
  SPLIT = 'SPLIT',
}
export enum ResolutionEffect {
  NONE = 'NONE',
  FULL_CREDIT = 'FULL_CREDIT',
  PARTIAL_CREDIT = 'PARTIAL_CREDIT',
  RESTORE_PACKAGE_CREDIT = 'RESTORE_PACKAGE_CREDIT',
  RESCHEDULE = 'RESCHEDULE',
}
export enum TicketEventKind {
  CREATED = 'CREATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  ASSIGNED = 'ASSIGNED',
  COMMENTED = 'COMMENTED',
  UPDATED = 'UPDATED',
}
registerEnumType(TicketStatus, { name: 'TicketStatus' });
registerEnumType(TicketType, { name: 'TicketType' });
registerEnumType(DisputeCategory, { name: 'DisputeCategory' });
registerEnumType(ResolutionOutcome, { name: 'ResolutionOutcome' });
registerEnumType(ResolutionEffect, { name: 'ResolutionEffect' });
registerEnumType(TicketEventKind, { name: 'TicketEventKind' });
