import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import { pgArray, run } from '../db/raw-sql';
import type { Tx } from '../db/transaction';
import { badInput } from '../errors';
import { parseIds } from '../graphql/ids';
import { announce } from '../notifications/outbox';
import { TicketStatus } from '../tickets/enums';
import type { Ticket } from '../tickets/ticket.entity';
import { AssignmentPolicyRow } from './automation.entity';
import { AssignmentMode } from './enums';
import type { AssignmentPolicyInput } from './inputs';

/** How the assignment policy appears in the logs of the tickets it assigns. */
export const POLICY_ACTOR = { id: null, name: 'Assignment policy' };

export const loadPolicy = (em: EntityManager) => em.findOneOrFail(AssignmentPolicyRow, { id: 1 });

export async function setPolicy(em: EntityManager, input: AssignmentPolicyInput): Promise<AssignmentPolicyRow> {
  const ids = [...new Set(parseIds(input.coordinatorIds ?? [], 'coordinatorIds'))];
  const users = ids.length ? await em.find(User, { id: { $in: ids }, active: true }) : [];
  if (users.length !== ids.length || users.some((u) => !isStaff(u.role))) throw badInput('coordinatorIds', 'Tickets are assigned to active coordinators or admins');
  if (input.mode !== AssignmentMode.MANUAL && !ids.length) throw badInput('coordinatorIds', 'Choose the coordinators who take tickets');
  const cap = input.maxOpenPerCoordinator ?? null;
  if (cap !== null && (!Number.isInteger(cap) || cap < 1 || cap > 10_000)) throw badInput('maxOpenPerCoordinator', 'The cap is a whole number from 1 to 10000');
  const policy = await loadPolicy(em);
  Object.assign(policy, { mode: input.mode, coordinatorIds: ids, maxOpenPerCoordinator: cap });
  await em.flush();
  return policy;
}

/**
 * Whom the policy gives the next ticket to, or null (MANUAL, or everyone at the cap). Takes the
 * policy's row lock, held until the caller's transaction ends, so concurrent tickets are assigned
 * one after the other: the rotation and the cap see every earlier pick.
 */
export async function pickAssignee(tx: Tx): Promise<{ assigneeId: string | null; reason: 'manual' | 'full' | 'picked' }> {
  const policy = await tx.em.findOneOrFail(AssignmentPolicyRow, { id: 1 }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (policy.mode === AssignmentMode.MANUAL || !policy.coordinatorIds.length) return { assigneeId: null, reason: 'manual' };
  const active = new Set((await tx.em.find(User, { id: { $in: policy.coordinatorIds }, active: true }, { fields: ['id', 'role'] }))
    .filter((u) => u.role === Role.COORDINATOR || u.role === Role.ADMIN).map((u) => u.id));
  const order = policy.coordinatorIds.filter((id) => active.has(id));
  const rows: Array<{ assignee_id: string; n: number }> = await run(tx.em,
    `select assignee_id, count(*)::int as n from tickets where status <> ? and assignee_id = any(?::uuid[]) group by assignee_id`,
    [TicketStatus.CLOSED, pgArray(order)]);
  const load = new Map(rows.map((r) => [r.assignee_id, r.n]));
  const cap = policy.maxOpenPerCoordinator ?? Infinity;
  const open = order.filter((id) => (load.get(id) ?? 0) < cap);
  if (!open.length) return { assigneeId: null, reason: 'full' };
  let chosen: string;
  if (policy.mode === AssignmentMode.ROUND_ROBIN) {
    const last = order.indexOf(policy.lastAssigneeId ?? '');
    const rotated = [...order.slice(last + 1), ...order.slice(0, last + 1)];
    chosen = rotated.find((id) => open.includes(id))!;
  } else {
    chosen = open.reduce((best, id) => ((load.get(id) ?? 0) < (load.get(best) ?? 0) ? id : best), open[0]);
  }
  policy.lastAssigneeId = chosen;
  await tx.em.flush();
  return { assigneeId: chosen, reason: 'picked' };
}

/** Everyone is at the cap: the ticket stays unassigned and the coordinators are told. */
export async function tellStaffNobodyFree(tx: Tx, ticket: Ticket): Promise<void> {
  const coordinators = await tx.em.find(User, { role: Role.COORDINATOR, active: true });
  await announce(tx, {
    event: 'ticket.unassigned',
    ticket,
    title: `${ticket.number} is waiting for someone`,
    body: `Every coordinator of the assignment policy has as many open tickets as allowed, so "${ticket.title}" stays unassigned.`,
    recipients: coordinators.map((user) => ({ user, channels: ['IN_APP'] })),
  });
}
