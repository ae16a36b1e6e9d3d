import { loginThrottled } from '../auth.errors';
import { TokenBuckets } from './token-bucket';

/**
 * Failed sign-ins allowed per account (lower-cased email) and per client IP: a burst, then one
 * more per refill interval. Only failures take tokens; a success clears the account's bucket.
 * Checked before the password is hashed, so a locked-out guess costs no CPU.
 */
export const LOGIN_LIMITS = {
  account: { capacity: 5, refillMs: 60_000 },
  ip: { capacity: 20, refillMs: 15_000 },
} as const;

export class LoginThrottle {
  private readonly accounts: TokenBuckets;
  private readonly ips: TokenBuckets;

  constructor(now?: () => number) {
    this.accounts = new TokenBuckets({ ...LOGIN_LIMITS.account, now });
    this.ips = new TokenBuckets({ ...LOGIN_LIMITS.ip, now });
  }

  /** Throws RATE_LIMITED while either the account or the IP has no failures left. */
  assertAllowed(email: string, ip: string): void {
    const wait = Math.max(this.accounts.waitMs(email.toLowerCase()), this.ips.waitMs(ip));
    if (wait > 0) throw loginThrottled(Math.ceil(wait / 1000));
  }

  recordFailure(email: string, ip: string): void {
    this.accounts.take(email.toLowerCase());
    this.ips.take(ip);
  }

  recordSuccess(email: string): void {
    this.accounts.reset(email.toLowerCase());
  }
}
