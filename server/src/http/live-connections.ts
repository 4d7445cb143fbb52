import type { Viewer } from '../auth/viewer';
import { loggerFor } from '../observability/logger';

const log = loggerFor('live');

/** graphql-ws's code for "your credentials are not (or no longer) good". */
export const CLOSE_UNAUTHORIZED = 4401;

export interface LiveConnection {
  viewer: Viewer;
  close(code: number, reason: string): void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The open WebSocket connections of this instance and who is behind each. A connection ends when
 * its token expires (a timer), at once when its token or key is revoked on this instance, and
 * otherwise when the periodic recheck finds its account closed or its credentials revoked.
 */
export class LiveConnections {
  private readonly open = new Map<LiveConnection, NodeJS.Timeout | null>();
  private recheck: NodeJS.Timeout | null = null;
  private findInvalid?: (viewers: Viewer[]) => Promise<Set<Viewer>>;

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

  /** Closes the connections of closed accounts, revoked tokens and revoked API keys; returns how many. */
  async recheckAccounts(): Promise<number> {
    if (!this.open.size || !this.findInvalid) return 0;
    const invalid = await this.findInvalid([...this.open.keys()].map((c) => c.viewer));
    return this.closeMatching((viewer) => invalid.has(viewer));
  }

  /** How credentials are checked (auth/credential-state.ts), set once at boot. */
  useCredentialCheck(findInvalid: (viewers: Viewer[]) => Promise<Set<Viewer>>): void {
    this.findInvalid = findInvalid;
  }

  /** Closes at once the connections whose viewer matches (a sign-out, a revoked key); returns how many. */
  closeMatching(match: (viewer: Viewer) => boolean): number {
    let closed = 0;
    for (const connection of [...this.open.keys()]) {
      if (!match(connection.viewer)) continue;
      connection.close(CLOSE_UNAUTHORIZED, 'Credentials revoked');
      closed += 1;
    }
    return closed;
  }

  startRechecking(intervalMs: number): void {
    this.recheck = setInterval(() => void this.recheckAccounts().catch((e) => log.error({ err: e }, 'live account check failed')), intervalMs);
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
