/** The automations' graphile-worker tasks and job keys. */
export const EVALUATE_TASK = 'automations:evaluate';
export const NO_TUTOR_REPLY_TASK = 'automations:noTutorReply';
export const SWEEP_TASK = 'automations:sweep';
export const AUTOMATIONS_CRONTAB = `* * * * * ${SWEEP_TASK}`;
export const noReplyJobKey = (automationId: string, ticketId: string) => `noreply:${automationId}:${ticketId}`;
