import { createHash, randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit';
import { inTransaction } from '../db/transaction';
import { badInput, forbidden, notFound, unauthenticated } from '../errors';
import { ApiKey } from './api-key.entity';
import { CredentialState, tokenStillValid } from './credential-state';
import { checkNewPassword, hashPassword, verifyPassword } from './passwords';
import type { RateLimits } from './rate-limits';
import { Role, isStaff } from './roles';
import { API_KEY_SCOPES } from './scopes';
import type { TokenService } from './tokens';
import { User } from './user.entity';
import type { Viewer } from './viewer';

const API_KEY_PREFIX = 'pk_';

/** The one answer to a wrong password, an unknown e-mail and a deactivated account. */
export const WRONG_CREDENTIALS = 'Wrong email or password';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Which live credentials a revocation ends (open WebSockets are closed with it). */
export type RevokedMatch = (viewer: Viewer) => boolean;

export class AuthService {
  readonly state: CredentialState;
  private readonly revocationListeners: Array<(match: RevokedMatch) => void> = [];

  constructor(private readonly tokens: TokenService, private readonly orm: MikroORM, private readonly limits: RateLimits) {
    this.state = new CredentialState(orm);
  }

  /** Called with each revocation made on this instance (other instances notice within CREDENTIAL_CACHE_MS). */
  onRevoked(listener: (match: RevokedMatch) => void): void {
    this.revocationListeners.push(listener);
  }

  /** Wrong password, unknown email and closed account all get the same answer. */
  async login(em: EntityManager, email: string, password: string, address: string | null): Promise<{ token: string; user: User }> {
    const key = normalizeEmail(email);
    const from = address ?? 'unknown';
    const pair = `${key} ${from}`;
    await this.limits.check('loginFailuresPerAddress', from);
    await this.limits.check('loginFailuresPerEmailAndAddress', pair);
    const user = await em.findOne(User, { email: key }, { populate: ['passwordHash'] });
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok || !user.active) {
      await this.limits.record('loginFailuresPerEmailAndAddress', pair);
      await this.limits.record('loginFailuresPerAddress', from);
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    await this.limits.reset('loginFailuresPerEmailAndAddress', pair);
    return this.startSession(em, user, address);
  }

  /** A signed-in session for `user` (any way of signing in): the token, the last sign-in, staff audited. */
  async startSession(em: EntityManager, user: User, address: string | null): Promise<{ token: string; user: User }> {
    user.lastSignInAt = new Date();
    await em.nativeUpdate(User, { id: user.id }, { lastSignInAt: user.lastSignInAt });
    if (isStaff(user.role)) await recordAudit(em, { action: 'auth.sign_in', actor: { id: user.id }, address });
    const token = await this.tokens.sign({ userId: user.id, role: user.role, generation: user.tokenGeneration });
    return { token, user };
  }

  /** Every token (and with `apiKeys` every API key) and open socket of the user stops: here at once, on other instances within CREDENTIAL_CACHE_MS. */
  revokeUser(userId: string, options: { apiKeys: boolean }): void {
    this.revoked(userId, (v) => v.id === userId && (options.apiKeys || !v.apiKeyId));
  }

  /**
   * The caller behind an Authorization header: null without one; UNAUTHENTICATED when it is
   * present but bad, expired, revoked or belongs to a closed account. Answered from a short
   * per-instance cache (CredentialState), so most requests cost no query.
   */
  async authenticate(header: string | undefined | null): Promise<Viewer | null> {
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
    const credential = match[1];
    if (credential.startsWith(API_KEY_PREFIX)) return this.authenticateApiKey(credential);
    const claims = await this.tokens.verify(credential);
    if (!claims) throw unauthenticated('Token is invalid or expired');
    const viewer: Viewer = { id: claims.userId, role: claims.role, expiresAt: claims.expiresAt, tokenId: claims.tokenId, generation: claims.generation };
    const account = await this.state.account(claims.userId);
    if (!tokenStillValid(account, viewer)) throw unauthenticated('Token was revoked or the account is closed');
    // The role as it is now, not as it was when the token was signed.
    return { ...viewer, role: account!.role };
  }

  private async authenticateApiKey(key: string): Promise<Viewer> {
    const apiKey = await this.state.apiKey(sha256(key));
    if (!apiKey) throw unauthenticated('API key is invalid or revoked');
    await this.limits.consume('apiKeyRequests', apiKey.id);
    // Best effort; a lost update of lastUsedAt is harmless.
    void this.orm.em.fork().nativeUpdate(ApiKey, { id: apiKey.id }, { lastUsedAt: new Date() }).catch(() => undefined);
    return { id: apiKey.ownerId, role: apiKey.role, apiKeyId: apiKey.id, scopes: apiKey.scopes };
  }

  /** Every older token of the caller stops working; the answer carries a new one. */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, address: string | null): Promise<{ token: string; user: User }> {
    if (viewer.apiKeyId) throw forbidden('An API key cannot change a password');
    checkNewPassword('newPassword', newPassword);
    if (newPassword === currentPassword) throw badInput('newPassword', 'newPassword must differ from the current one');
    await this.limits.check('passwordChecksPerUser', viewer.id);
    const user = await inTransaction(this.orm.em as EntityManager, async ({ em }) => {
      const found = await em.findOne(User, { id: viewer.id }, { populate: ['passwordHash'], lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!found || !found.active) throw unauthenticated('Account is closed');
      if (!(await verifyPassword(found.passwordHash, currentPassword))) return null;
      found.passwordHash = await hashPassword(newPassword);
      found.tokenGeneration += 1;
      await recordAudit(em, { action: 'auth.password_changed', actor: viewer, target: { type: 'User', id: viewer.id }, address });
      return found;
    });
    if (!user) {
      await this.limits.record('passwordChecksPerUser', viewer.id);
      throw badInput('currentPassword', 'currentPassword is wrong');
    }
    this.revoked(viewer.id, (v) => v.id === viewer.id && !v.apiKeyId);
    const token = await this.tokens.sign({ userId: user.id, role: user.role, generation: user.tokenGeneration });
    return { token, user };
  }

  /** This token stops working at once; `everywhere`: every token of the caller. */
  async logout(viewer: Viewer, everywhere: boolean, address: string | null): Promise<boolean> {
    if (viewer.apiKeyId) throw forbidden('An API key is revoked, not signed out');
    const em = this.orm.em.fork() as EntityManager;
    if (everywhere || !viewer.tokenId) {
      await inTransaction(em, async ({ em: tx }) => {
        await tx.getConnection().execute('update users set token_generation = token_generation + 1 where id = ?', [viewer.id]);
        if (isStaff(viewer.role)) await recordAudit(tx, { action: 'auth.signed_out_everywhere', actor: viewer, address });
      });
      this.revoked(viewer.id, (v) => v.id === viewer.id && !v.apiKeyId);
    } else {
      await em.getConnection().execute(
        `insert into revoked_tokens (jti, user_id, expires_at) values (?, ?, ?) on conflict (jti) do nothing`,
        [viewer.tokenId, viewer.id, new Date(viewer.expiresAt ?? Date.now())],
      );
      this.revoked(viewer.id, (v) => v.tokenId === viewer.tokenId);
    }
    return true;
  }

  async createApiKey(em: EntityManager, owner: Viewer, name: string, scopes: string[], address: string | null): Promise<{ key: string; apiKey: ApiKey }> {
    if (owner.role !== Role.ADMIN) throw forbidden('Only admins create API keys');
    if (!name.trim() || name.length > 100) throw badInput('name', 'name must be 1 to 100 characters');
    const unknown = scopes.filter((s) => !(API_KEY_SCOPES as readonly string[]).includes(s));
    if (scopes.length === 0 || unknown.length) throw badInput('scopes', `scopes must be some of: ${API_KEY_SCOPES.join(', ')}`);
    const key = API_KEY_PREFIX + randomBytes(24).toString('base64url');
    const apiKey = Object.assign(new ApiKey(), {
      name: name.trim(),
      prefix: key.slice(0, 10),
      keyHash: sha256(key),
      scopes: [...new Set(scopes)],
    });
    await inTransaction(em, async ({ em: tx }) => {
      apiKey.owner = tx.getReference(User, owner.id);
      tx.persist(apiKey);
      await tx.flush();
      await recordAudit(tx, { action: 'api_key.created', actor: owner, target: { type: 'ApiKey', id: apiKey.id }, address, change: { name: apiKey.name, scopes: apiKey.scopes } });
    });
    return { key, apiKey };
  }

  /** The key stops working at once here (open sockets closed) and within CREDENTIAL_CACHE_MS elsewhere. */
  async revokeApiKey(em: EntityManager, admin: Viewer, id: string, address: string | null): Promise<ApiKey> {
    if (admin.role !== Role.ADMIN) throw forbidden('Only admins revoke API keys');
    const apiKey = await inTransaction(em, async ({ em: tx }) => {
      const found = await tx.findOne(ApiKey, { id });
      if (!found) throw notFound('API key');
      if (!found.revokedAt) {
        found.revokedAt = new Date();
        await tx.flush();
        await recordAudit(tx, { action: 'api_key.revoked', actor: admin, target: { type: 'ApiKey', id }, address, change: { name: found.name } });
      }
      return found;
    });
    this.state.forgetApiKeys();
    for (const listener of this.revocationListeners) listener((v) => v.apiKeyId === id);
    return apiKey;
  }

  /** Admins change roles; the user's requests use the new role at once here and within CREDENTIAL_CACHE_MS elsewhere. */
  async setUserRole(em: EntityManager, admin: Viewer, userId: string, role: Role): Promise<User> {
    if (admin.role !== Role.ADMIN) throw forbidden('Only admins change roles');
    if (userId === admin.id) throw badInput('userId', 'Admins do not change their own role');
    const user = await inTransaction(em, async ({ em: tx }) => {
      const found = await tx.findOne(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!found) throw notFound('User');
      if (found.role !== role) {
        await recordAudit(tx, { action: 'user.role_changed', actor: admin, target: { type: 'User', id: userId }, change: { from: found.role, to: role } });
        found.role = role;
      }
      return found;
    });
    // Open sockets were authorised under the old role: they reconnect under the new one.
    this.revoked(userId, (v) => v.id === userId);
    return user;
  }

  private revoked(userId: string, match: RevokedMatch): void {
    this.state.forgetAccount(userId);
    for (const listener of this.revocationListeners) listener(match);
  }
}
