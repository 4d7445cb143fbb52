import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, forbidden, unauthenticated } from '../errors';
import { ApiKey } from './api-key.entity';
import { LoginThrottle } from './login-throttle';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { Role } from './roles';
import type { TokenService } from './tokens';
import { User } from './user.entity';
import type { Viewer } from './viewer';

export const API_KEY_SCOPES = ['read', 'write'] as const;
const API_KEY_PREFIX = 'pk_';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export class AuthService {
  private readonly throttle = new LoginThrottle();

  constructor(private readonly tokens: TokenService) {}

  /** Wrong password, unknown email and closed account all get the same answer. */
  async login(em: EntityManager, email: string, password: string): Promise<{ token: string; user: User }> {
    const key = normalizeEmail(email);
    await this.throttle.check(key);
    const user = await em.findOne(User, { email: key }, { populate: ['passwordHash'] });
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(key);
      throw unauthenticated('Wrong email or password');
    }
    await this.throttle.reset(key);
    const token = await this.tokens.sign({ userId: user.id, role: user.role });
    return { token, user };
  }

  /**
   * The caller behind an Authorization header: null without one; UNAUTHENTICATED when it is
   * present but bad, expired, revoked or belongs to a closed account.
   */
  async authenticate(em: EntityManager, header: string | undefined | null): Promise<Viewer | null> {
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
    const credential = match[1];
    if (credential.startsWith(API_KEY_PREFIX)) return this.authenticateApiKey(em, credential);
    const claims = await this.tokens.verify(credential);
    if (!claims) throw unauthenticated('Token is invalid or expired');
    const user = await em.findOne(User, { id: claims.userId }, { fields: ['id', 'role', 'active'] });
    if (!user || !user.active) throw unauthenticated('Account is closed');
    return { id: user.id, role: user.role, expiresAt: claims.expiresAt };
  }

  private async authenticateApiKey(em: EntityManager, key: string): Promise<Viewer> {
    const apiKey = await em.findOne(ApiKey, { keyHash: sha256(key), revokedAt: null }, { populate: ['owner'] });
    if (!apiKey || !apiKey.owner.active) throw unauthenticated('API key is invalid or revoked');
    // Best effort; a lost update of lastUsedAt is harmless.
    void em.fork().nativeUpdate(ApiKey, { id: apiKey.id }, { lastUsedAt: new Date() }).catch(() => undefined);
    return { id: apiKey.owner.id, role: apiKey.owner.role, apiKeyId: apiKey.id, scopes: apiKey.scopes };
  }

  async createApiKey(em: EntityManager, owner: Viewer, name: string, scopes: string[]): Promise<{ key: string; apiKey: ApiKey }> {
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
      owner: em.getReference(User, owner.id),
    });
    await em.persistAndFlush(apiKey);
    return { key, apiKey };
  }
}
