import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit';
import { checkNewPassword, hashPassword } from '../auth/passwords';
import { Role, isStaff } from '../auth/roles';
import type { FilterQuery } from '@mikro-orm/core';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { run } from '../db/raw-sql';
import { inTransaction } from '../db/transaction';
import { badInput, conflict, forbidden, notFound } from '../errors';
import { type Page, decodeCursor, pageSize, toPage } from '../db/paging';
import { checkTimeZone, resolveLocale } from '../i18n/locale';
import { type AccountsDeps, checkEmail, checkName } from './deps';

export interface UserFilterInput {
  role?: Role | null;
  active?: boolean | null;
  search?: string | null;
}

/** Staff's list of people, by name then id (keyset), filtered by role, active and a search in name and e-mail. */
export async function listUsers(em: EntityManager, viewer: Viewer, filter: UserFilterInput, first?: number | null, after?: string | null): Promise<Page<User>> {
  if (!isStaff(viewer.role)) throw forbidden('Only staff list people');
  const size = pageSize(first);
  // The cursor names the last person seen; their name (read back) and id are the keyset.
  const cursor = decodeCursor(after, ['uuid']);
  const where: Record<string, unknown> = {};
  if (filter.role) where.role = filter.role;
  if (filter.active !== undefined && filter.active !== null) where.active = filter.active;
  const search = filter.search?.trim().slice(0, 100);
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.$or = [{ name: { $ilike: like } }, { email: { $ilike: like } }];
  }
  const id = cursor?.[0] as string | undefined;
  const name = id ? (await em.findOne(User, { id }, { fields: ['name'] }))?.name ?? '' : '';
  const keyset = id ? { $or: [{ name: { $gt: name } }, { name, id: { $gt: id } }] } : {};
  const [rows, total] = await Promise.all([
    em.find(User, { $and: [where, keyset] } as FilterQuery<User>, { orderBy: [{ name: 'asc' }, { id: 'asc' }], limit: size + 1 }),
    em.count(User, where as FilterQuery<User>),
  ]);
  return toPage(rows, size, (user) => [user.id], total, cursor);
}

async function setActive(deps: AccountsDeps, admin: Viewer, userId: string, active: boolean, address: string | null): Promise<User> {
  if (admin.role !== Role.ADMIN || admin.apiKeyId) throw forbidden('Only admins deactivate or reactivate people');
  if (userId === admin.id) throw badInput('id', 'You cannot deactivate your own account');
  const user = await inTransaction(deps.em, async ({ em }) => {
    const found = await em.findOne(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!found) throw notFound('User');
    if (found.active !== active) {
      found.active = active;
      // Tokens signed before the deactivation stay dead after a reactivation.
      if (!active) found.tokenGeneration += 1;
      await em.flush();
      await recordAudit(em, { action: active ? 'user.reactivated' : 'user.deactivated', actor: admin, address, target: { type: 'User', id: userId } });
    }
    return found;
  });
  deps.auth.revokeUser(userId, { apiKeys: true });
  return user;
}

/** Tokens, the user's API keys and open sockets stop: here at once, elsewhere within CREDENTIAL_CACHE_MS. Their tickets stay. */
export const deactivateUser = (deps: AccountsDeps, admin: Viewer, userId: string, address: string | null) => setActive(deps, admin, userId, false, address);
export const reactivateUser = (deps: AccountsDeps, admin: Viewer, userId: string, address: string | null) => setActive(deps, admin, userId, true, address);

export interface ProfileInput {
  name?: string | null;
  locale?: string | null;
  timezone?: string | null;
}

/** The caller's own name, language (an unknown one is stored as en) and time zone. */
export async function updateProfile(deps: AccountsDeps, viewer: Viewer, input: ProfileInput): Promise<User> {
  if (viewer.apiKeyId) throw forbidden('An API key has no profile');
  const changes: Partial<User> = {};
  if (input.name !== undefined && input.name !== null) changes.name = checkName('name', input.name);
  if (input.locale !== undefined && input.locale !== null) changes.locale = resolveLocale(input.locale);
  if (input.timezone !== undefined && input.timezone !== null) changes.timezone = checkTimeZone('timezone', input.timezone);
  return inTransaction(deps.em, async ({ em }) => {
    const user = await em.findOneOrFail(User, { id: viewer.id });
    Object.assign(user, changes);
    return user;
  });
}

/** True while the database has no admin: the one-time setup page may make the first. */
export async function setupNeeded(em: EntityManager): Promise<boolean> {
  const [row] = await run(em, `select not exists (select 1 from users where role = 'ADMIN') as needed`);
  return row.needed;
}

/** The first admin, from the setup page; refused (FORBIDDEN) once any admin exists. */
export async function createFirstAdmin(deps: AccountsDeps, input: { email: string; name: string; password: string }, address: string | null) {
  const email = checkEmail('email', input.email);
  const name = checkName('name', input.name);
  checkNewPassword('password', input.password);
  const passwordHash = await hashPassword(input.password);
  const user = await inTransaction(deps.em, async ({ em }) => {
    await run(em, 'select pg_advisory_xact_lock(hashtext(?))', ['first-admin']);
    if (!(await setupNeeded(em))) throw forbidden('Setup is already done: an admin exists. Sign in instead.');
    if (await em.count(User, { email })) throw conflict('An account with this e-mail already exists');
    const admin = Object.assign(new User(), { email, name, role: Role.ADMIN, passwordHash, locale: resolveLocale(deps.config.defaultLocale), timezone: deps.config.defaultTimezone });
    em.persist(admin);
    await em.flush();
    await recordAudit(em, { action: 'user.first_admin_created', actor: { id: admin.id }, address, target: { type: 'User', id: admin.id } });
    return admin;
  });
  return deps.auth.startSession(deps.em.fork() as EntityManager, user, address);
}
