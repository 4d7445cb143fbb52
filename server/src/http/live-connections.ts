import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ApiKey } from '../auth/api-key.entity';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';

/** graphql-ws's code for "your credentials are not (or no longer) good". */
export const CLOSE_UNAUTHORIZED = 4401;

export interface LiveConnection {
  viewer: Viewer;
  close(code: number, reason: string): void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The open WebSocket connections of this instance and who is behind each. A connection ends when
 * its token expires (a timer) or its account is closed / API key revoked (checked periodically
 * for all connections in two queries).
 */
export class LiveConnections {
  private readonly open = new Map<LiveConnection, NodeJS.Timeout | null>();
  private recheck: NodeJS.Timeout | null = null;

  constructor(private readonly orm: MikroORM) {}

  get size(): number {
    return this.open.size;
  }

  /** Tracks a connection; returns the function that forgets it (call on close). */
  add(connection: LiveConnection): () => void {
    const expiresAt = connection.viewer.expiresAt;
    let expiry: NodeJS.Timeout | null = null;
    if (expiresAt !== undefined) {
      const ms = expiresAt - Date.now();
      if (ms <= 0) connection.close(CLOSE_UNAUTHORIZED, 'Token expired');
      // A token that outlives the longest timer is rechecked when that timer fires.
      else expiry = setTimeout(() => this.expire(connection), Math.min(ms, MAX_TIMER_MS));
      expiry?.unref();
    }
    this.open.set(connection, expiry);
    return () => {
      const timer = this.open.get(connection);
      if (timer) clearTimeout(timer);
      this.open.delete(connection);
    };
  }

  /** Closes the connections of closed accounts and revoked API keys; returns how many. */
  async recheckAccounts(): Promise<number> {
    if (!this.open.size) return 0;
    const userIds = new Set<string>();
    const keyIds = new Set<string>();
    for (const { viewer } of this.open.keys()) {
      userIds.add(viewer.id);
      if (viewer.apiKeyId) keyIds.add(viewer.apiKeyId);
    }
    const em = this.orm.em.fork() as EntityManager;
    const closedUsers = new Set(
      (await em.find(User, { id: { $in: [...userIds] }, active: false }, { fields: ['id'] })).map((u) => u.id),
    );
    const revokedKeys = keyIds.size
      ? new Set((await em.find(ApiKey, { id: { $in: [...keyIds] }, revokedAt: { $ne: null } }, { fields: ['id'] })).map((k) => k.id))
      : new Set<string>();
    let closed = 0;
    for (const connection of [...this.open.keys()]) {
      const { viewer } = connection;
      if (closedUsers.has(viewer.id) || (viewer.apiKeyId && revokedKeys.has(viewer.apiKeyId))) {
        connection.close(CLOSE_UNAUTHORIZED, 'Account closed or key revoked');
        closed += 1;
      }
    }
    return closed;
  }

  startRechecking(intervalMs: number): void {
    this.recheck = setInterval(() => void this.recheckAccounts().catch((e) => console.error('live account check failed', e)), intervalMs);
    this.recheck.unref();
  }

  stop(): void {
    if (this.recheck) clearInterval(this.recheck);
    this.recheck = null;
    for (const timer of this.open.values()) if (timer) clearTimeout(timer);
  }

  private expire(connection: LiveConnection): void {
    const expiresAt = connection.viewer.expiresAt ?? 0;
    if (expiresAt > Date.now()) {
      this.open.set(connection, setTimeout(() => this.expire(connection), Math.min(expiresAt - Date.now(), MAX_TIMER_MS)));
      return;
    }
    connection.close(CLOSE_UNAUTHORIZED, 'Token expired');
  }
}
