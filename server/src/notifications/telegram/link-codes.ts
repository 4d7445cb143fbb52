import { createHash, randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../../auth/user.entity';
import { inTransaction } from '../../db/transaction';
import { TelegramLinkCode } from './link-code.entity';

export const LINK_CODE_TTL_MS = 15 * 60_000;

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * A new one-time code for the user's deep link. Only its hash is stored, so reading the table
 * does not let anyone link their chat to someone else's account; earlier unused codes stop working.
 */
export async function createLinkCode(em: EntityManager, userId: string, now = new Date()): Promise<{ code: string; expiresAt: Date }> {
  // 24 random bytes as base64url: 32 characters from Telegram's allowed start-parameter alphabet.
  const code = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
  await em.transactional(async (tx) => {
    await tx.nativeDelete(TelegramLinkCode, { user: userId, usedAt: null });
    tx.persist(Object.assign(new TelegramLinkCode(), { codeHash: hashCode(code), user: tx.getReference(User, userId), expiresAt }));
  });
  return { code, expiresAt };
}

/**
 * `/start <code>` from a private chat: uses the code up (once, within its 15 minutes) and links the
 * chat to its user. A chat belongs to one account, so it is unlinked from any other first.
 */
export async function redeemLinkCode(em: EntityManager, code: string, chatId: string, now = new Date()): Promise<User | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(code)) return null;
  return inTransaction(em, async ({ em: tx }) => {
    const link = await tx.findOne(TelegramLinkCode, { codeHash: hashCode(code) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!link || link.usedAt || link.expiresAt <= now) return null;
    link.usedAt = now;
    const user = await tx.findOne(User, { id: link.user.id, active: true });
    if (!user) return null;
    await tx.nativeUpdate(User, { telegramChatId: chatId, id: { $ne: user.id } }, { telegramChatId: null });
    user.telegramChatId = chatId;
    return user;
  });
}

/** The active account linked to a Telegram chat (private chat id = the person's Telegram id). */
export function userByChat(em: EntityManager, chatId: string | number): Promise<User | null> {
  return em.fork().findOne(User, { telegramChatId: String(chatId), active: true });
}
