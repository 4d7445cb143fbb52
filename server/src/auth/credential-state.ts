import type { MikroORM } from '@mikro-orm/postgresql';
import type { Role } from './roles';
import type { Viewer } from './viewer';

/** What decides whether a user's token still works. */
export interface AccountState {
  active: boolean;
  role: Role;
  generation: number;
  /** Token ids signed out before they expire. */
  revokedTokens: Set<string>;
}

/** What decides whether an API key still works. */
export interface ApiKeyState {
  id: string;
  ownerId: string;
  role: Role;
  scopes: string[];
}

/**
 * How long an answer about an account or key is trusted without asking the database again. A
 * closed account, a changed role, or a token or key revoked on another instance stops working
 * within this bound; on the instance that revoked it, at once (the entry is dropped).
 */
export const CREDENTIAL_CACHE_MS = 5_000;
const MAX_ENTRIES = 20_000;

interface Entry<T> {
  value: Promise<T>;
  at: number;
}

/** Per-instance cache of account and API key state, so most requests authenticate without a query. */
export class CredentialState {
  private readonly accounts = new Map<string, Entry<AccountState | null>>();
  private readonly keys = new Map<string, Entry<ApiKeyState | null>>();

  constructor(private readonly orm: MikroORM, private readonly ttlMs = CREDENTIAL_CACHE_MS) {}

  account(userId: string): Promise<AccountState | null> {
    return this.cached(this.accounts, userId, async () => (await this.loadAccounts([userId])).get(userId) ?? null);
  }

  apiKey(keyHash: string): Promise<ApiKeyState | null> {
    return this.cached(this.keys, keyHash, async () => {
      const rows = await this.sql<{ id: string; owner_id: string; role: Role; scopes: string[] }>(
        `select k.id, k.owner_id, u.role, k.scopes from api_keys k join users u on u.id = k.owner_id
          where k.key_hash = ? and k.revoked_at is null and u.active`,
        [keyHash],
      );
      const row = rows[0];
      return row ? { id: row.id, ownerId: row.owner_id, role: row.role, scopes: row.scopes } : null;
    });
  }

  /** Drops what this instance knows about a user (their keys included): the next request asks the database. */
  forgetAccount(userId: string): void {
    this.accounts.delete(userId);
    this.keys.clear();
  }

  forgetApiKeys(): void {
    this.keys.clear();
  }

  /** The viewers whose credentials no longer work, checked against the database in two queries (for open sockets). */
  async invalid(viewers: Viewer[]): Promise<Set<Viewer>> {
    const userIds = [...new Set(viewers.filter((v) => !v.apiKeyId).map((v) => v.id))];
    const keyIds = [...new Set(viewers.flatMap((v) => (v.apiKeyId ? [v.apiKeyId] : [])))];
    const accounts = userIds.length ? await this.loadAccounts(userIds) : new Map<string, AccountState>();
    const liveKeys = keyIds.length
      ? new Set((await this.sql<{ id: string }>(
          `select k.id from api_keys k join users u on u.id = k.owner_id where k.id in (?) and k.revoked_at is null and u.active`,
          [keyIds],
        )).map((row) => row.id))
      : new Set<string>();
    const invalid = new Set<Viewer>();
    for (const viewer of viewers) {
      const ok = viewer.apiKeyId ? liveKeys.has(viewer.apiKeyId) : tokenStillValid(accounts.get(viewer.id) ?? null, viewer);
      if (!ok) invalid.add(viewer);
    }
    return invalid;
  }

  private async loadAccounts(userIds: string[]): Promise<Map<string, AccountState>> {
    const rows = await this.sql<{ id: string; active: boolean; role: Role; token_generation: number; revoked: string[] }>(
      `select u.id, u.active, u.role, u.token_generation,
              coalesce(array_agg(r.jti::text) filter (where r.jti is not null), '{}') as revoked
         from users u left join revoked_tokens r on r.user_id = u.id and r.expires_at > now()
        where u.id in (?) group by u.id`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.id, { active: row.active, role: row.role, generation: row.token_generation, revokedTokens: new Set(row.revoked) }]));
  }

  private cached<T>(map: Map<string, Entry<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    if (map.size >= MAX_ENTRIES) map.clear();
    const value = load();
    map.set(key, { value, at: Date.now() });
    // A failed lookup (database away) is not remembered.
    value.catch(() => map.get(key)?.value === value && map.delete(key));
    return value;
  }

  private sql<T>(query: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.getConnection().execute(query, params) as Promise<T[]>;
  }
}

/** A user's token works while the account is open, its generation current and its id not signed out. */
export function tokenStillValid(state: AccountState | null, viewer: Pick<Viewer, 'generation' | 'tokenId'>): boolean {
  return !!state && state.active && viewer.generation === state.generation && !(viewer.tokenId && state.revokedTokens.has(viewer.tokenId));
}
