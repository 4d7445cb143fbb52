import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { planDecision } from '../billing/adjustments';
import { Money } from '../billing/money';
import { inTransaction } from '../db/transaction';
import { notFound } from '../errors';
import { type Page, decodeCursor, pageSize, toPage } from '../db/paging';
import { decisionFor } from '../tickets/decision';
import { disputedParticipants } from '../tickets/disputed-learners';
import { TicketStatus } from '../tickets/enums';
import { ResolutionAction } from '../tickets/resolution-action.entity';
import { Ticket } from '../tickets/ticket.entity';
import { Automation, AutomationRun } from './automation.entity';
import { conditionHolds } from './engine';
import { AutomationActionKind } from './enums';
import type { AutomationInput } from './inputs';
import { checkAutomation } from './validate';

const DAY = 86_400_000;
const MAX_TEST_TICKETS = 1000;

export const listAutomations = (em: EntityManager) => em.find(Automation, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });

export async function saveAutomation(rootEm: EntityManager, viewer: Viewer, input: AutomationInput): Promise<Automation> {
  return inTransaction(rootEm, async ({ em }) => {
    const checked = await checkAutomation(em, input);
    const automation = input.id ? await em.findOne(Automation, { id: input.id }) : Object.assign(new Automation(), { createdBy: em.getReference(User, viewer.id) });
    if (!automation) throw notFound('Automation');
    Object.assign(automation, checked);
    em.persist(automation);
    return automation;
  });
}

export async function deleteAutomation(em: EntityManager, id: string): Promise<boolean> {
  const automation = await em.findOne(Automation, { id });
  if (!automation) throw notFound('Automation');
  await em.removeAndFlush(automation);
  return true;
}

/** Runs of one automation or on one ticket, newest first. */
export async function listRuns(em: EntityManager, filter: { automationId?: string | null; ticketId?: string | null }, first?: number | null, after?: string | null): Promise<Page<AutomationRun>> {
  const size = pageSize(first);
  const where: Record<string, unknown> = {};
  if (filter.automationId) where.automation = filter.automationId;
  if (filter.ticketId) where.ticket = filter.ticketId;
  const cursor = decodeCursor(after, ['timestamp', 'uuid']);
  const keyed = cursor ? { ...where, $or: [{ at: { $lt: new Date(cursor[0] as string) } }, { at: new Date(cursor[0] as string), id: { $lt: cursor[1] } }] } : where;
  const [rows, total] = await Promise.all([
    em.find(AutomationRun, keyed, { orderBy: { at: 'desc', id: 'desc' }, limit: size + 1 }),
    em.count(AutomationRun, where),
  ]);
  return toPage(rows, size, (run) => [run.at.toISOString(), run.id], total, cursor);
}

export interface AutomationTestResult {
  matched: number;
  tickets: Ticket[];
  credited: Money[];
}

/**
 * What the rule would have done to the tickets created in the last `days`: which match its
 * condition now, and what its RESOLVE would credit (the money plan of a decision, not applied).
 * Reads only: no transaction, no lock, nothing written.
 */
export async function testAutomation(rootEm: EntityManager, input: AutomationInput, days = 30, now = new Date()): Promise<AutomationTestResult> {
  const em = rootEm.fork();
  const checked = await checkAutomation(em, input);
  const since = new Date(now.getTime() - Math.min(Math.max(1, Math.floor(days)), 365) * DAY);
  const candidates = await em.find(Ticket, { createdAt: { $gte: since } }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: MAX_TEST_TICKETS });
  const resolve = checked.actions.find((a) => a.kind === AutomationActionKind.RESOLVE);
  const action = resolve?.actionId ? await em.findOne(ResolutionAction, { id: resolve.actionId }) : null;
  const matched: Ticket[] = [];
  const credited = new Map<string, number>();
  for (const ticket of candidates) {
    if (!(await conditionHolds(em, checked, ticket, now))) continue;
    matched.push(ticket);
    if (!action || ticket.status !== TicketStatus.ONGOING) continue;
    const plan = await planDecision(em, ticket.id, await disputedParticipants(em, ticket), decisionFor(null, action.effect, action.creditPercent, null));
    if (plan.currency && plan.creditMinor) credited.set(plan.currency, (credited.get(plan.currency) ?? 0) + plan.creditMinor);
  }
  return { matched: matched.length, tickets: matched.slice(0, 100), credited: [...credited].map(([currency, minor]) => Money.of(minor, currency)) };
}
