import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthService } from '../auth/auth.service';
import type { RateLimits } from '../auth/rate-limits';
import type { Config } from '../config';
import { badInput } from '../errors';

/** What the account services need; `now` is injected so tests can move time (link expiry). */
export interface AccountsDeps {
  em: EntityManager;
  config: Config;
  auth: AuthService;
  limits: RateLimits;
  now: () => Date;
}

/** A one-use link token: 32 random bytes; only its SHA-256 is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(field: string, email: string): string {
  const trimmed = email.trim().toLowerCase();
  if (!EMAIL.test(trimmed) || trimmed.length > 254) throw badInput(field, 'Enter a valid e-mail address, such as name@example.com');
  return trimmed;
}

export function checkName(field: string, name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw badInput(field, 'The name must be 1 to 100 characters long');
  return trimmed;
}
