import type { MikroORM } from '@mikro-orm/postgresql';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../errors';

/** Every abuse limit: points per window (seconds). Counters live in PostgreSQL, so all instances share them. */
export const ABUSE_LIMITS = {
  /**
   * Failed sign-ins for one e-mail from one address. Not per e-mail alone: a stranger's wrong
   * passwords from elsewhere would then lock the owner out of their own account.
   */
  loginFailuresPerEmailAndAddress: { points: 10, duration: 15 * 60 },
  /** Failed sign-ins from one address, whatever the e-mail (one guesser trying many accounts). */
  loginFailuresPerAddress: { points: 50, duration: 15 * 60 },
  /** Wrong current passwords given to changePassword by one signed-in user. */
  passwordChecksPerUser: { points: 10, duration: 15 * 60 },
  /** requestPasswordReset calls from one address. */
  passwordResetRequestsPerAddress: { points: 20, duration: 60 * 60 },
  /** Reset e-mails to one address (more requests are answered the same and send nothing). */
  passwordResetMailsPerEmail: { points: 3, duration: 15 * 60 },
  /** Requests with one API key. */
  apiKeyRequests: { points: 600, duration: 60 },
  /** New WebSocket connections from one address (WS_CONNECTIONS_PER_MINUTE). */
  webSocketConnections: { points: 60, duration: 60 },
  /** reportIssue calls by one user (REPORT_ISSUE_LIMIT per hour). */
  reportIssue: { points: 30, duration: 60 * 60 },
};

export type LimitName = keyof typeof ABUSE_LIMITS;
type Limits = Record<LimitName, { points: number; duration: number }>;

const MESSAGES: Record<LimitName, string> = {
  loginFailuresPerEmailAndAddress: 'Too many failed sign-ins for this email from this address',
  loginFailuresPerAddress: 'Too many failed sign-ins from this address',
  passwordChecksPerUser: 'Too many wrong passwords',
  passwordResetRequestsPerAddress: 'Too many password reset requests from this address',
  passwordResetMailsPerEmail: 'Too many password reset requests for this email',
  apiKeyRequests: 'Too many requests with this API key',
  webSocketConnections: 'Too many new connections from this address',
  reportIssue: 'Too many reports',
};

/**
 * The abuse limits of every instance, on rate-limiter-flexible's PostgreSQL store (table
 * rate_limits). While the database is away each instance falls back to counting in memory.
 */
export class RateLimits {
  private readonly limiters: Record<LimitName, RateLimiterPostgres>;

  constructor(orm: MikroORM, overrides: Partial<Limits> = {}) {
    const storeClient = orm.em.getKnex();
    const limits: Limits = { ...ABUSE_LIMITS, ...overrides };
    const make = (name: LimitName) => {
      const { points, duration } = limits[name];
      return new RateLimiterPostgres({
        storeClient, storeType: 'knex', tableName: 'rate_limits', tableCreated: true, keyPrefix: name, points, duration,
        clearExpiredByTimeout: false,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      });
    };
    this.limiters = Object.fromEntries(Object.keys(ABUSE_LIMITS).map((name) => [name, make(name as LimitName)])) as Record<LimitName, RateLimiterPostgres>;
  }

  /** Counts one use; RATE_LIMITED (with retryAfter seconds) once the window's points are spent. */
  async consume(name: LimitName, key: string): Promise<void> {
    try {
      await this.limiters[name].consume(limitKey(key));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw limited(name, error);
      throw error;
    }
  }

  /** RATE_LIMITED when the points are already spent, without counting this call. */
  async check(name: LimitName, key: string): Promise<void> {
    const state = await this.limiters[name].get(limitKey(key)).catch(() => null);
    if (state && state.remainingPoints <= 0 && state.msBeforeNext > 0) throw limited(name, state);
  }

  /** Counts a failure that the caller will answer anyway (e.g. a wrong password). */
  async record(name: LimitName, key: string): Promise<void> {
    await this.limiters[name].penalty(limitKey(key)).catch(() => undefined);
  }

  async reset(name: LimitName, key: string): Promise<void> {
    await this.limiters[name].delete(limitKey(key)).catch(() => undefined);
  }

  /** Deletes counters whose window ended (a job calls this now and then). */
  async pruneExpired(orm: MikroORM): Promise<void> {
    await orm.em.getConnection().execute('delete from rate_limits where expire < ?', [Date.now()]);
  }
}

/** The store's key column holds 255 characters; an overlong email or address is cut, not refused. */
const limitKey = (key: string) => key.slice(0, 200);

function limited(name: LimitName, state: RateLimiterRes) {
  const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  return rateLimited(`${MESSAGES[name]}; try again in ${seconds} s`, seconds);
}
