import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../errors';

/**
 * Slows password guessing: after `maxFailures` wrong passwords for one email within the window,
 * that email is refused with RATE_LIMITED until the window passes. Only failures count, so
 * people who sign in often are never limited. Per instance (memory).
 */
export class LoginThrottle {
  private readonly failures: RateLimiterMemory;

  constructor(maxFailures = 10, windowSeconds = 15 * 60) {
    this.failures = new RateLimiterMemory({ points: maxFailures, duration: windowSeconds, keyPrefix: 'login' });
  }

  async check(email: string): Promise<void> {
    const state = await this.failures.get(email);
    if (state && state.remainingPoints <= 0) throw this.limited(state);
  }

  async recordFailure(email: string): Promise<void> {
    await this.failures.consume(email).catch(() => undefined);
  }

  async reset(email: string): Promise<void> {
    await this.failures.delete(email);
  }

  private limited(state: RateLimiterRes) {
    const seconds = Math.ceil(state.msBeforeNext / 1000);
    return rateLimited(`Too many failed sign-ins for this email; try again in ${seconds} s`, seconds);
  }
}
