import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit';
import { normalizeEmail } from '../auth/auth.service';
import { checkNewPassword, hashPassword } from '../auth/passwords';
import { User } from '../auth/user.entity';
import { inTransaction } from '../db/transaction';
import { badInput } from '../errors';
import { ACCOUNT_EVENTS, queueAccountMail } from './account-mail';
import { type AccountsDeps, hashLinkToken, newLinkToken } from './deps';
import { PasswordReset } from './invitation.entity';

/**
 * Always answers true at once. The lookup and the e-mail happen after the answer, so neither the
 * answer nor its time says whether the address has an account. Only the per-address limit can
 * refuse (RATE_LIMITED), and it counts every request alike.
 */
export async function requestPasswordReset(deps: AccountsDeps, email: string, address: string | null): Promise<boolean> {
  await deps.limits.consume('passwordResetRequestsPerAddress', address ?? 'unknown');
  const key = normalizeEmail(email).slice(0, 254);
  const work = sendResetLink(deps, key).catch((error) => console.error('password reset e-mail failed', error));
  pendingResets.add(work);
  void work.finally(() => pendingResets.delete(work));
  return true;
}

/** Reset requests still being written (tests and shutdown may wait for them). */
export const pendingResets = new Set<Promise<unknown>>();

async function sendResetLink(deps: AccountsDeps, email: string): Promise<void> {
  const em = deps.em.fork() as EntityManager;
  const user = await em.findOne(User, { email, active: true });
  if (!user) return;
  // More requests for one address within the window are answered the same and send nothing.
  try {
    await deps.limits.consume('passwordResetMailsPerEmail', email);
  } catch {
    return;
  }
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(deps.now().getTime() + deps.config.passwordResetTtlMs);
  await inTransaction(em, async ({ em: tx }) => {
    const reset = Object.assign(new PasswordReset(), { user: tx.getReference(User, user.id), tokenHash: hash, expiresAt });
    tx.persist(reset);
    await tx.flush();
    await queueAccountMail(tx, ACCOUNT_EVENTS.passwordReset, user, { linkUrl: `${deps.config.publicUrl}/reset/${encodeURIComponent(token)}`, expiresAt }, reset.id);
  });
}

const INVALID_RESET = 'This reset link is not valid. Check that you opened the whole link, or ask for a new one with "Forgot password?".';

/** Sets a new password with a reset link (once, within its hour); every older token and open socket stops. */
export async function resetPassword(deps: AccountsDeps, token: string, newPassword: string, address: string | null) {
  checkNewPassword('newPassword', newPassword);
  const passwordHash = await hashPassword(newPassword);
  const now = deps.now();
  const user = await inTransaction(deps.em, async ({ em }) => {
    const reset = token.length <= 200 ? await em.findOne(PasswordReset, { tokenHash: hashLinkToken(token) }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!reset) throw badInput('token', INVALID_RESET);
    if (reset.usedAt) throw badInput('token', 'This reset link was already used. Ask for a new one with "Forgot password?" if you need to.');
    if (reset.expiresAt <= now) throw badInput('token', 'This reset link has expired (links work for one hour). Ask for a new one with "Forgot password?".');
    const found = await em.findOneOrFail(User, { id: reset.user.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!found.active) throw badInput('token', INVALID_RESET);
    found.passwordHash = passwordHash;
    found.tokenGeneration += 1;
    // Every other reset link of the account stops working too.
    await em.nativeUpdate(PasswordReset, { user: found.id, usedAt: null }, { usedAt: now });
    reset.usedAt = now;
    await em.flush();
    await recordAudit(em, { action: 'user.password_reset', actor: { id: found.id }, address, target: { type: 'User', id: found.id } });
    return found;
  });
  deps.auth.revokeUser(user.id, { apiKeys: false });
  return deps.auth.startSession(deps.em.fork() as EntityManager, user, address);
}
