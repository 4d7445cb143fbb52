import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, isStaff } from '../auth/roles';
import { run } from '../db/raw-sql';
import type { Tx } from '../db/transaction';
import { badInput, conflict } from '../errors';
import { type SyncItem, type SyncResultRow, passedEarlierInDryRun, runSyncBatch } from './batch';
import { type SyncRecord, resolveIds } from './records';
import { requireText, requireValidDate } from './validate';

export interface UserSyncItem extends SyncItem {
  role: Role;
  name: string;
  email?: string | null;
  locale?: string | null;
  timezone?: string | null;
  parentExternalId?: string | null;
  active?: boolean | null;
}

const SYNCABLE_ROLES = [Role.LEARNER, Role.PARENT, Role.TUTOR];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** People without an e-mail still need a unique one: a reserved domain nothing is ever sent to. */
export const placeholderEmail = (externalId: string) => `no-email-${createHash('sha256').update(externalId).digest('hex').slice(0, 20)}@sync.invalid`;

export function syncUsers(em: EntityManager, items: UserSyncItem[]): Promise<SyncResultRow[]> {
  const parents = new Map<string, string>();
  const earlier = (externalId: string) => passedEarlierInDryRun(items, externalId) && items.some((i) => i.externalId === externalId && i.role === Role.PARENT);
  return runSyncBatch(em, 'USER', items, (tx, item, record) => applyUser(tx, item, record, parents, earlier), async (all) => {
    for (const [k, v] of await resolveIds(em, 'USER', all.map((i) => i.parentExternalId).filter((p): p is string => !!p))) parents.set(k, v);
  });
}

function checkUser(item: UserSyncItem) {
  requireValidDate(item.sourceUpdatedAt, 'sourceUpdatedAt');
  requireText(item.externalId, 'externalId', 'The external id');
  if (!SYNCABLE_ROLES.includes(item.role)) throw badInput('role', 'Coordinators and admins are made in the desk, not synced; send LEARNER, PARENT or TUTOR');
  const name = requireText(item.name, 'name', 'The name');
  const email = item.email ? item.email.trim().toLowerCase() : null;
  if (email !== null && !EMAIL.test(email)) throw badInput('email', 'This is not an e-mail address');
  if (item.timezone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: item.timezone });
    } catch {
      throw badInput('timezone', `"${item.timezone.slice(0, 60)}" is not a time zone; use an IANA name such as Europe/Berlin`);
    }
  }
  if (item.parentExternalId && item.role !== Role.LEARNER) throw badInput('parentExternalId', 'Only a learner has a parent');
  if (item.parentExternalId === item.externalId) throw badInput('parentExternalId', 'A person cannot be their own parent');
  return { name, email };
}

async function applyUser(tx: Tx, item: UserSyncItem, record: SyncRecord | null, parents: Map<string, string>,
  previewedParent: (externalId: string) => boolean): Promise<{ entityId: string; changed: boolean }> {
  const { name, email } = checkUser(item);
  let parentId: string | null = null;
  if (item.parentExternalId) {
    parentId = parents.get(item.parentExternalId) ?? (await resolveIds(tx.em, 'USER', [item.parentExternalId])).get(item.parentExternalId) ?? null;
    if (!parentId && previewedParent(item.parentExternalId)) return { entityId: record?.entityId ?? randomUUID(), changed: true };
    if (!parentId) throw badInput('parentExternalId', `No parent with the external id "${item.parentExternalId}" was synced yet; sync the parent first`);
    const [parent] = await run(tx.em, 'select role from users where id = ?', [parentId]);
    if (parent.role !== Role.PARENT) throw badInput('parentExternalId', 'That person is not a parent');
  }
  let id = record?.entityId ?? null;
  if (!id && email) id = await adoptByEmail(tx.em, email, item.role);
  let changed = false;
  if (id) {
    const [current] = await run(tx.em, 'select name, email, role, timezone, active from users where id = ? for update', [id]);
    if (isStaff(current.role)) throw conflict('This e-mail belongs to a coordinator or admin of the desk; staff accounts are not synced');
    const next = { name, email: email ?? current.email, role: item.role, timezone: item.timezone ?? current.timezone, active: item.active ?? current.active };
    if (next.email !== current.email && (await emailTaken(tx.em, next.email, id))) throw badInput('email', 'Another person already has this e-mail address');
    changed = next.name !== current.name || next.email !== current.email || next.role !== current.role || next.timezone !== current.timezone || next.active !== current.active;
    if (changed) {
      await run(tx.em, 'update users set name = ?, email = ?, role = ?, timezone = ?, active = ? where id = ?', [next.name, next.email, next.role, next.timezone, next.active, id]);
    }
  } else {
    id = randomUUID();
    changed = true;
    // No password: synced people sign in once an admin gives them one (or through the business's app).
    await run(tx.em,
      `insert into users (id, name, email, role, password_hash, timezone, active, email_notifications) values (?, ?, ?, ?, '!', ?, ?, ?)`,
      [id, name, email ?? placeholderEmail(item.externalId), item.role, item.timezone ?? 'UTC', item.active ?? true, email !== null]);
  }
  if (parentId) changed = (await linkParent(tx.em, id, parentId)) || changed;
  return { entityId: id, changed };
}

/** A person the desk already knows by e-mail (e.g. made before the business synced) becomes the synced one. */
async function adoptByEmail(em: EntityManager, email: string, role: Role): Promise<string | null> {
  const [existing] = await run(em,
    `select u.id, u.role, exists (select 1 from sync_records r where r.kind = 'USER' and r.entity_id = u.id) as synced from users u where u.email = ?`, [email]);
  if (!existing) return null;
  if (existing.synced) throw badInput('email', 'Another synced person already has this e-mail address');
  if (isStaff(existing.role)) throw conflict('This e-mail belongs to a coordinator or admin of the desk; staff accounts are not synced');
  if (existing.role !== role) throw conflict(`A person with this e-mail is already in the desk with another role (${existing.role.toLowerCase()})`);
  return existing.id;
}

const emailTaken = async (em: EntityManager, email: string, except: string) =>
  (await run(em, 'select 1 from users where email = ? and id <> ?', [email, except])).length > 0;

/** The learner's parent is the synced one: other parent links of this learner go. */
async function linkParent(em: EntityManager, childId: string, parentId: string): Promise<boolean> {
  const removed = await run(em, 'delete from parent_links where child_id = ? and parent_id <> ? returning parent_id', [childId, parentId]);
  const added = await run(em, 'insert into parent_links (parent_id, child_id) values (?, ?) on conflict do nothing returning child_id', [parentId, childId]);
  return removed.length > 0 || added.length > 0;
}
