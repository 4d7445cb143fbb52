import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit';
import { checkNewPassword, hashPassword } from '../auth/passwords';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { run } from '../db/raw-sql';
import { inTransaction } from '../db/transaction';
import { badInput, conflict, forbidden } from '../errors';
import { checkTimeZone, resolveLocale } from '../i18n/locale';
import { ACCOUNT_EVENTS, queueAccountMail } from './account-mail';
import { type AccountsDeps, checkEmail, checkName, hashLinkToken, newLinkToken } from './deps';
import { Invitation } from './invitation.entity';

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  locale?: string | null;
  timezone?: string | null;
}

/** The roles each inviter may give: admins any, coordinators the people they look after. */
const INVITABLE: Partial<Record<Role, readonly Role[]>> = {
  [Role.ADMIN]: Object.values(Role),
  [Role.COORDINATOR]: [Role.TUTOR, Role.PARENT, Role.LEARNER],
};

/**
 * Invites a person: their account (made now without a password, or a synced one that never had
 * one) and an e-mailed one-use link. `inviter` null: `npm run create-admin`. Returns the link too
 * (the CLI prints it when no mail is configured).
 */
export async function inviteUser(deps: AccountsDeps, inviter: Viewer | null, input: InviteInput, address: string | null = null) {
  if (inviter?.apiKeyId) throw forbidden('An API key cannot invite people');
  const allowed = inviter ? INVITABLE[inviter.role] ?? [] : Object.values(Role);
  if (!allowed.length) throw forbidden('Only staff invite people');
  const email = checkEmail('email', input.email);
  const name = checkName('name', input.name);
  const timezone = input.timezone ? checkTimeZone('timezone', input.timezone) : deps.config.defaultTimezone;
  const locale = resolveLocale(input.locale ?? deps.config.defaultLocale);
  const { token, hash } = newLinkToken();
  const now = deps.now();
  const invitation = await inTransaction(deps.em, async (tx) => {
    const { em } = tx;
    // Two invitations of one new address at once: the second waits and finds the first's account.
    await run(em, 'select pg_advisory_xact_lock(hashtext(?))', [`invite:${email}`]);
    let user = await em.findOne(User, { email }, { populate: ['passwordHash'], lockMode: LockMode.PESSIMISTIC_WRITE });
    if (user?.passwordHash) throw conflict('This person already has an account with a password; they can sign in or reset it');
    if (user && !user.active) throw conflict('This account is deactivated; reactivate it before inviting');
    const role = user?.role ?? input.role;
    if (!allowed.includes(role)) throw forbidden(`You may not invite a person with the role ${role.toLowerCase()}`);
    if (!user) {
      user = Object.assign(new User(), { email, name, role, passwordHash: null, locale, timezone });
      em.persist(user);
    }
    const made = Object.assign(new Invitation(), {
      user, email, role, tokenHash: hash,
      invitedBy: inviter ? em.getReference(User, inviter.id) : null,
      expiresAt: new Date(now.getTime() + deps.config.invitationTtlMs),
    });
    em.persist(made);
    await em.flush();
    const inviterName = inviter ? (await em.findOne(User, { id: inviter.id }, { fields: ['name'] }))?.name : null;
    const mail = await queueAccountMail(em, ACCOUNT_EVENTS.invitation, user, { linkUrl: inviteUrl(deps, token), expiresAt: made.expiresAt, inviterName, role }, made.id);
    await recordAudit(em, { action: 'user.invited', actor: inviter, address, target: { type: 'User', id: user.id }, change: { email, role } });
    return Object.assign(made, { mailId: mail.id });
  });
  return { invitation, link: inviteUrl(deps, token), mailId: invitation.mailId };
}

export const inviteUrl = (deps: Pick<AccountsDeps, 'config'>, token: string) => `${deps.config.publicUrl}/invite/${encodeURIComponent(token)}`;

/** Sets the password of an invited person and signs them in; the link works once, until it expires. */
export async function acceptInvitation(deps: AccountsDeps, token: string, password: string, name: string | null | undefined, address: string | null) {
  checkNewPassword('password', password);
  const newName = name === undefined || name === null ? null : checkName('name', name);
  const passwordHash = await hashPassword(password);
  const now = deps.now();
  const user = await inTransaction(deps.em, async ({ em }) => {
    const invitation = await findInvitation(em, token);
    if (invitation.acceptedAt) throw badInput('token', 'This invitation link was already used. Sign in with your password, or ask for a new invitation.');
    if (invitation.expiresAt <= now) throw badInput('token', 'This invitation link has expired. Ask the person who invited you to send a new one.');
    const found = await em.findOneOrFail(User, { id: invitation.user.id }, { populate: ['passwordHash'], lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!found.active) throw badInput('token', INVALID_INVITATION);
    if (found.passwordHash) throw badInput('token', 'This account already has a password. Sign in, or use "Forgot password?".');
    found.passwordHash = passwordHash;
    if (newName) found.name = newName;
    invitation.acceptedAt = now;
    await em.flush();
    await recordAudit(em, { action: 'user.invitation_accepted', actor: { id: found.id }, address, target: { type: 'User', id: found.id } });
    return found;
  });
  return deps.auth.startSession(deps.em.fork() as EntityManager, user, address);
}

const INVALID_INVITATION = 'This invitation link is not valid. Check that you opened the whole link, or ask for a new invitation.';

async function findInvitation(em: EntityManager, token: string): Promise<Invitation> {
  const invitation = token.length <= 200 ? await em.findOne(Invitation, { tokenHash: hashLinkToken(token) }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!invitation) throw badInput('token', INVALID_INVITATION);
  return invitation;
}

/** Invites, one by one, every active person who never signed in and has no password (synced people); returns how many. */
export async function inviteAllNeverSignedIn(deps: AccountsDeps, inviter: Viewer, address: string | null): Promise<number> {
  const allowed = INVITABLE[inviter.role] ?? [];
  if (!allowed.length || inviter.apiKeyId) throw forbidden('Only staff invite people');
  // Those with a pending invitation already have a working link.
  const people: Array<{ email: string | null; name: string; role: Role }> = await run(deps.em,
    `select u.email, u.name, u.role from users u
      where u.active and u.password_hash is null and u.last_sign_in_at is null and u.role = any(?::user_role[])
        and not exists (select 1 from invitations i where i.user_id = u.id and i.accepted_at is null and i.expires_at > ?)
      order by u.created_at limit 1000`,
    [`{${allowed.join(',')}}`, deps.now()]);
  let sent = 0;
  for (const person of people) {
    if (!person.email) continue;
    await inviteUser(deps, inviter, { email: person.email, name: person.name, role: person.role }, address);
    sent += 1;
  }
  return sent;
}
