import type { DisputeCategory, ResolutionEffect, ResolutionOutcome, TicketType } from '../graphql/generated/graphql';

/**
 * Words for the API's enums. Each record is typed by the generated enum, so a value the schema
 * adds or drops fails the typecheck here; the option lists are the records' keys.
 */
export const TYPE_LABELS: Record<TicketType, string> = {
  DISPUTE: 'Dispute',
  SUPPORT: 'Support',
  FEEDBACK: 'Feedback',
  RISK: 'Risk',
};

export const CATEGORY_LABELS: Record<DisputeCategory, string> = {
  NO_SHOW: 'No-show',
  DURATION: 'Duration (started late or ended early)',
  QUALITY: 'Quality',
  BILLING: 'Billing',
  SCHEDULING: 'Scheduling',
};

export const OUTCOME_LABELS: Record<ResolutionOutcome, string> = {
  IN_FAVOR_OF_PARENT: 'In favour of the parent (full credit)',
  IN_FAVOR_OF_EDUCATOR: 'In favour of the educator (no credit)',
  SPLIT: 'Split (partial credit)',
};

export const EFFECT_LABELS: Record<ResolutionEffect, string> = {
  NONE: 'No money moves',
  FULL_CREDIT: 'Full credit',
  PARTIAL_CREDIT: 'Partial credit',
  RESTORE_PACKAGE_CREDIT: 'Package credit back',
  RESCHEDULE: 'Reschedule',
};

const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as K[];
export const TICKET_TYPES = keysOf(TYPE_LABELS);
export const CATEGORIES = keysOf(CATEGORY_LABELS);
export const OUTCOMES = keysOf(OUTCOME_LABELS);
export const EFFECTS = keysOf(EFFECT_LABELS);

/** Narrows a form's string (an option's value) back to the enum it came from. */
export function enumValue<K extends string>(options: readonly K[], value: string): K | null {
  return (options as readonly string[]).includes(value) ? (value as K) : null;
}
