import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../errors';
import { DisputeCategory, ResolutionEffect } from './enums';
import { ResolutionAction } from './resolution-action.entity';
import type { ResolutionActionInput } from './ticket.input';

function checked(input: ResolutionActionInput) {
  const label = input.label.trim();
  if (!label || label.length > 120) throw badInput('label', 'label must be 1 to 120 characters');
  const percent = input.creditPercent ?? null;
  if (input.effect === ResolutionEffect.PARTIAL_CREDIT) {
    if (percent === null || !Number.isInteger(percent) || percent < 1 || percent > 99) throw badInput('creditPercent', 'A partial credit needs creditPercent from 1 to 99');
  } else if (percent !== null) {
    throw badInput('creditPercent', 'creditPercent goes only with PARTIAL_CREDIT');
  }
  return { category: input.category ?? null, label, effect: input.effect, creditPercent: percent, active: input.active ?? true };
}

/** Active actions for a category (and those for every category), in the admins' order. */
export function listResolutionActions(em: EntityManager, category: DisputeCategory | null | undefined, includeInactive: boolean) {
  const where: Record<string, unknown> = category ? { $or: [{ category }, { category: null }] } : {};
  if (!includeInactive) where.active = true;
  return em.find(ResolutionAction, where, { orderBy: { category: 'asc', sortOrder: 'asc', label: 'asc' } });
}

export async function createResolutionAction(em: EntityManager, input: ResolutionActionInput): Promise<ResolutionAction> {
  const action = Object.assign(new ResolutionAction(), checked(input));
  await em.persistAndFlush(action);
  return action;
}

/**
 * Edits an action. Actions are never deleted (tickets point at them); `active: false` retires
 * one. Once used, its effect and percent stay as they were so past decisions keep their meaning.
 */
export async function updateResolutionAction(em: EntityManager, id: string, input: ResolutionActionInput): Promise<ResolutionAction> {
  const action = await em.findOne(ResolutionAction, { id });
  if (!action) throw notFound('Resolution action');
  const next = checked(input);
  const used = (await em.getConnection().execute('select 1 from tickets where resolution_action_id = ? limit 1', [id])).length > 0;
  if (used && (next.effect !== action.effect || next.creditPercent !== (action.creditPercent ?? null))) {
    throw badInput('effect', 'This action was already used: deactivate it and create a new one to change what it does');
  }
  Object.assign(action, next);
  await em.flush();
  return action;
}

/** The defaults the demo starts with, per DESIGN: one list per category. */
export const DEFAULT_RESOLUTION_ACTIONS: ResolutionActionInput[] = [
  { category: DisputeCategory.NO_SHOW, label: 'Void the session and restore the package credit', effect: ResolutionEffect.FULL_CREDIT },
  { category: DisputeCategory.NO_SHOW, label: 'Learner did not show: no credit', effect: ResolutionEffect.NONE },
  { category: DisputeCategory.DURATION, label: 'Partial credit for the missing time (50%)', effect: ResolutionEffect.PARTIAL_CREDIT, creditPercent: 50 },
  { category: DisputeCategory.DURATION, label: 'Reschedule the missing time', effect: ResolutionEffect.RESCHEDULE },
  { category: DisputeCategory.QUALITY, label: 'Mediate with the educator', effect: ResolutionEffect.NONE },
  { category: DisputeCategory.QUALITY, label: 'Reassign the educator and credit the session', effect: ResolutionEffect.FULL_CREDIT },
  { category: DisputeCategory.BILLING, label: 'Issue a credit note for the session', effect: ResolutionEffect.FULL_CREDIT },
  { category: DisputeCategory.BILLING, label: 'Billing was correct: explain the charge', effect: ResolutionEffect.NONE },
  { category: DisputeCategory.SCHEDULING, label: 'Reschedule the session', effect: ResolutionEffect.RESCHEDULE },
  { category: DisputeCategory.SCHEDULING, label: 'Give a session credit', effect: ResolutionEffect.RESTORE_PACKAGE_CREDIT },
];
