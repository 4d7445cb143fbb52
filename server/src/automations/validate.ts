import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { SavedFilter } from '../desk/saved-view.entity';
import { badInput } from '../errors';
import { parseId } from '../graphql/ids';
import { ResolutionAction } from '../tickets/resolution-action.entity';
import type { AutomationAction, FactCondition } from './automation.entity';
import { AutomationActionKind as K, AutomationTrigger as T, TicketFact } from './enums';
import type { AutomationActionInput, AutomationInput } from './inputs';

const MAX_NAME = 80;
const MAX_TEXT = 2000;
const MAX_ACTIONS = 10;
/** Deciding or escalating in answer to a person's own move would take the ticket out of their hands. */
const DECIDING_TRIGGERS = [T.TICKET_CREATED, T.ATTENDANCE_RECORDED, T.SLA_AT_RISK, T.SLA_BREACHED, T.NO_TUTOR_REPLY];
const TAKES = {
  actionId: [K.RESOLVE], assigneeId: [K.ASSIGN],
  text: [K.COMMENT, K.INTERNAL_NOTE, K.NOTIFY_STAFF, K.ESCALATE, K.RESOLVE, K.OPEN_RISK_TICKET],
} as const;
const NEEDS_TEXT = [K.COMMENT, K.INTERNAL_NOTE, K.NOTIFY_STAFF];

export function checkName(value: string): string {
  const name = value.trim();
  if (!name) throw badInput('name', 'Give it a name');
  if (name.length > MAX_NAME) throw badInput('name', `The name may have at most ${MAX_NAME} characters`);
  return name;
}

/** A step checked and stored: ids exist, each kind gets only what it takes. `field` prefixes the field at fault. */
export async function checkActions(em: EntityManager, inputs: readonly AutomationActionInput[], trigger: T | null): Promise<AutomationAction[]> {
  if (!inputs.length) throw badInput('actions', 'Add at least one action');
  if (inputs.length > MAX_ACTIONS) throw badInput('actions', `At most ${MAX_ACTIONS} actions`);
  const actions: AutomationAction[] = [];
  for (const [i, input] of inputs.entries()) {
    const field = (name: string) => `actions.${i}.${name}`;
    for (const key of ['actionId', 'assigneeId', 'text'] as const) {
      if (input[key] !== undefined && input[key] !== null && !(TAKES[key] as readonly K[]).includes(input.kind)) {
        throw badInput(field(key), `This kind of action does not take ${key === 'text' ? 'a text' : key === 'actionId' ? 'a resolution action' : 'an assignee'}`);
      }
    }
    if (trigger && (input.kind === K.RESOLVE || input.kind === K.ESCALATE) && !DECIDING_TRIGGERS.includes(trigger)) {
      throw badInput(field('kind'), 'An automation may not resolve or escalate in answer to a status change or a comment');
    }
    const text = input.text?.trim() || null;
    if (text && text.length > MAX_TEXT) throw badInput(field('text'), `At most ${MAX_TEXT} characters`);
    if (NEEDS_TEXT.includes(input.kind) && !text) throw badInput(field('text'), 'Write what it should say');
    if (input.kind === K.OPEN_RISK_TICKET && text && text !== 'REPORTER' && text !== 'TUTOR') throw badInput(field('text'), 'Say whom the risk ticket is about: REPORTER or TUTOR');
    let actionId: string | null = null;
    if (input.kind === K.RESOLVE) {
      if (!input.actionId) throw badInput(field('actionId'), 'Choose the resolution action');
      actionId = parseId(input.actionId, field('actionId'));
      const action = await em.findOne(ResolutionAction, { id: actionId });
      if (!action?.active) throw badInput(field('actionId'), 'No active resolution action with this id');
    }
    let assigneeId: string | null = null;
    if (input.kind === K.ASSIGN) {
      if (!input.assigneeId) throw badInput(field('assigneeId'), 'Choose whom to assign');
      assigneeId = parseId(input.assigneeId, field('assigneeId'));
      const user = await em.findOne(User, { id: assigneeId, active: true });
      if (!user || !isStaff(user.role)) throw badInput(field('assigneeId'), 'Tickets are assigned to coordinators or admins');
    }
    actions.push({ kind: input.kind, actionId, assigneeId, text });
  }
  return actions;
}

const WHOLE_FACTS = [TicketFact.TUTOR_JOINED_MINUTES, TicketFact.LEARNER_JOINED_MINUTES, TicketFact.TUTOR_LATE_MINUTES, TicketFact.DISPUTED_AMOUNT_MINOR, TicketFact.REPORTER_DISPUTES_90_DAYS];

export interface CheckedAutomation {
  name: string;
  active: boolean;
  trigger: T;
  filter: SavedFilter | null;
  facts: FactCondition[];
  actions: AutomationAction[];
  afterHours: number | null;
}

/** Every check of saveAutomation and testAutomation: BAD_USER_INPUT naming the field at fault. */
export async function checkAutomation(em: EntityManager, input: AutomationInput): Promise<CheckedAutomation> {
  const name = checkName(input.name);
  const facts = (input.facts ?? []).map(({ fact, op, value }, i) => {
    if (!Number.isFinite(value) || value < 0) throw badInput(`facts.${i}.value`, 'Compare with a number of at least 0');
    if (WHOLE_FACTS.includes(fact) && !Number.isInteger(value)) throw badInput(`facts.${i}.value`, 'This fact is a whole number');
    if (fact === TicketFact.TUTOR_DISPUTE_RATE_PERCENT && value > 100) throw badInput(`facts.${i}.value`, 'A percentage is at most 100');
    return { fact, op, value };
  });
  const afterHours = input.afterHours ?? null;
  if (input.trigger === T.NO_TUTOR_REPLY) {
    if (afterHours === null || afterHours < 1 || afterHours > 720) throw badInput('afterHours', 'Say after how many hours without a reply (1 to 720)');
  } else if (afterHours !== null) {
    throw badInput('afterHours', 'Only "no reply from the tutor" waits a number of hours');
  }
  const actions = await checkActions(em, input.actions, input.trigger);
  return { name, active: input.active, trigger: input.trigger, filter: storedFilter(input.filter), facts, actions, afterHours };
}

/** The TicketFilter as stored (ids checked and lower-cased; the board's fields only). */
function storedFilter(filter: AutomationInput['filter']): SavedFilter | null {
  if (!filter) return null;
  const id = (value: string | null | undefined, name: string) => (value ? parseId(value, `filter.${name}`) : undefined);
  const kept: SavedFilter = {
    status: filter.status?.length ? filter.status : undefined,
    type: filter.type ?? undefined,
    category: filter.category ?? undefined,
    tutorId: id(filter.tutorId, 'tutorId'),
    assigneeId: id(filter.assigneeId, 'assigneeId'),
    reporterId: id(filter.reporterId, 'reporterId'),
    search: filter.search?.trim() ? filter.search.trim().slice(0, 200) : undefined,
    sla: filter.sla?.length ? filter.sla : undefined,
  };
  if (filter.from || filter.to) throw badInput('filter.from', 'An automation looks at tickets as they change, not at a date range');
  return JSON.parse(JSON.stringify(kept)) as SavedFilter;
}
