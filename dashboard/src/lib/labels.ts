/** The API's enum values, for selects and filters. */
export const TICKET_TYPES = ['DISPUTE', 'SUPPORT', 'FEEDBACK', 'RISK'] as const;
export const CATEGORIES = ['NO_SHOW', 'DURATION', 'QUALITY', 'BILLING', 'SCHEDULING'] as const;
export const OUTCOMES = ['IN_FAVOR_OF_PARENT', 'IN_FAVOR_OF_EDUCATOR', 'SPLIT'] as const;
export const EFFECTS = ['NONE', 'FULL_CREDIT', 'PARTIAL_CREDIT', 'RESTORE_PACKAGE_CREDIT', 'RESCHEDULE'] as const;

export const CATEGORY_LABELS: Record<string, string> = {
  NO_SHOW: 'No-show',
  DURATION: 'Duration (started late or ended early)',
  QUALITY: 'Quality',
  BILLING: 'Billing',
  SCHEDULING: 'Scheduling',
};

export const OUTCOME_LABELS: Record<string, string> = {
  IN_FAVOR_OF_PARENT: 'In favour of the parent (full credit)',
  IN_FAVOR_OF_EDUCATOR: 'In favour of the educator (no credit)',
  SPLIT: 'Split (partial credit)',
};
