import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../errors';
import type { TicketType } from '../tickets/enums';
import { type BusinessHours, isTimeZone } from './business-hours';
import { BusinessHoursRecord, SlaPolicyRecord } from './sla-settings.entity';
import { type SlaDefaults, type SlaPolicy, defaultPolicy, slaRules } from './sla-policy';

const MINUTE = 60_000;
const MAX_MINUTES = 365 * 24 * 60;
const toMs = (minutes: number | null | undefined) => (minutes === null || minutes === undefined ? null : minutes * MINUTE);
const toMinutes = (ms: number | null) => (ms === null ? null : Math.round(ms / MINUTE));

/** The policy of a type as the admins set it, or the defaults. */
export async function policyFor(em: EntityManager, defaults: SlaDefaults, type: TicketType): Promise<SlaPolicy> {
  const row = await em.findOne(SlaPolicyRecord, { type });
  if (!row) return defaultPolicy(type, defaults);
  return { firstResponseMs: toMs(row.firstResponseMinutes), resolutionMs: toMs(row.resolutionMinutes), escalatedMs: toMs(row.escalatedMinutes), businessHours: row.businessHours };
}

export async function businessHours(em: EntityManager): Promise<BusinessHoursRecord> {
  return (await em.findOne(BusinessHoursRecord, { id: 1 })) ?? new BusinessHoursRecord();
}

/** The clock rules of a ticket type, ready to apply (sla-policy.ts). */
export async function slaRulesFor(em: EntityManager, defaults: SlaDefaults, type: TicketType) {
  const policy = await policyFor(em, defaults, type);
  const hours: BusinessHours | null = policy.businessHours ? await businessHours(em) : null;
  return slaRules(policy, hours);
}

/** Every type's policy, as a record (the defaults for types nobody set). */
export async function listPolicies(em: EntityManager, defaults: SlaDefaults, types: TicketType[]): Promise<SlaPolicyRecord[]> {
  const rows = await em.find(SlaPolicyRecord, {});
  return types.map((type) => rows.find((r) => r.type === type) ?? recordOf(type, defaultPolicy(type, defaults)));
}

function recordOf(type: TicketType, policy: SlaPolicy): SlaPolicyRecord {
  return Object.assign(new SlaPolicyRecord(), {
    type,
    firstResponseMinutes: toMinutes(policy.firstResponseMs),
    resolutionMinutes: toMinutes(policy.resolutionMs),
    escalatedMinutes: toMinutes(policy.escalatedMs),
    businessHours: policy.businessHours,
  });
}

export interface PolicyInput {
  type: TicketType;
  firstResponseMinutes?: number | null;
  resolutionMinutes?: number | null;
  escalatedMinutes?: number | null;
  businessHours: boolean;
}

const minutes = (field: string, label: string, value: number | null | undefined) => {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_MINUTES) throw badInput(field, `${label} must be between 1 minute and 365 days (or empty for none)`);
  return value;
};

/** Applies to tickets reported (or escalated) from now on; tickets already running keep their due times. */
export async function savePolicy(em: EntityManager, input: PolicyInput): Promise<SlaPolicyRecord> {
  const values = {
    firstResponseMinutes: minutes('firstResponseMinutes', 'The first-response target', input.firstResponseMinutes),
    resolutionMinutes: minutes('resolutionMinutes', 'The resolution target', input.resolutionMinutes),
    escalatedMinutes: minutes('escalatedMinutes', 'The escalated-wait target', input.escalatedMinutes),
    businessHours: input.businessHours,
    updatedAt: new Date(),
  };
  const row = (await em.findOne(SlaPolicyRecord, { type: input.type })) ?? em.create(SlaPolicyRecord, { type: input.type, ...values });
  Object.assign(row, values);
  await em.persistAndFlush(row);
  return row;
}

export interface BusinessHoursInput {
  timeZone: string;
  week: Array<{ weekday: number; openMinute: number; closeMinute: number }>;
  daysOff: string[];
}

export async function saveBusinessHours(em: EntityManager, input: BusinessHoursInput): Promise<BusinessHoursRecord> {
  const timeZone = input.timeZone.trim();
  if (!isTimeZone(timeZone)) throw badInput('timeZone', `"${timeZone}" is not a time zone we know; use a name like Europe/Berlin`);
  const seen = new Set<number>();
  for (const day of input.week) {
    if (!Number.isInteger(day.weekday) || day.weekday < 1 || day.weekday > 7) throw badInput('week', 'Weekdays go from 1 (Monday) to 7 (Sunday)');
    if (seen.has(day.weekday)) throw badInput('week', 'Give each weekday at most once');
    seen.add(day.weekday);
    const valid = (m: number) => Number.isInteger(m) && m >= 0 && m <= 24 * 60;
    if (!valid(day.openMinute) || !valid(day.closeMinute) || day.closeMinute <= day.openMinute) {
      throw badInput('week', 'Each open day needs an opening time before its closing time, within the day');
    }
  }
  if (!input.week.length) throw badInput('week', 'Open the office on at least one weekday');
  const daysOff = [...new Set(input.daysOff.map((d) => d.trim()))].sort();
  for (const day of daysOff) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw badInput('daysOff', `"${day}" is not a date; write days off as 2026-12-25`);
  }
  const row = await businessHours(em);
  Object.assign(row, { timeZone, week: [...input.week].sort((a, b) => a.weekday - b.weekday), daysOff, updatedAt: new Date() });
  await em.persistAndFlush(row);
  return row;
}
