import { Injectable } from '@nestjs/common';
import { loginThrottled, retryAfterSecondsOf } from '../auth.errors';
import { LimiterStore, type Limiter, type LimitSpec } from './limiter-store';

/**
 * Failed password checks allowed before a wait (fixed windows). Only failures count.
 * - per (account, address): the guesses one address may make against one account;
 * - per address: the guesses one address may make against any accounts (credential stuffing);
 * - per account: the guesses all addresses together may make against one account (a botnet). This
 *   one binds only addresses that have never signed in to the account: the real user's known
 *   addresses are not locked out by strangers' failures.
 * Nothing here locks an account for everybody: a stranger's failures only ever slow that stranger
 * (and, past the per-account budget, other addresses the account has never been used from).
 */
export const LOGIN_LIMITS = {
  accountAddress: { name: 'pw-acct-addr', points: 5, durationS: 15 * 60 },
  address: { name: 'pw-addr', points: 20, durationS: 15 * 60 },
  /** Its points are the setting LOGIN_FAILURES_PER_ACCOUNT (50 by default). */
  account: { name: 'pw-acct', durationS: 60 * 60 },
} as const satisfies Record<string, Omit<LimitSpec, 'points'> & Partial<LimitSpec>>;

/** Where a password check comes from and against whom. */
export interface PasswordAttempt {
  /** The account's lower-cased email (whether or not it exists: the answer must not tell). */
  account: string;
  /** The client's address. */
  address: string;
}

/** The sign-in throttle shared by every password check (login, changePassword, invitations). */
@Injectable()
export class LoginThrottle {
  private readonly accountAddress: Limiter;
  private readonly address: Limiter;
  private readonly account: Limiter;

  constructor(store: LimiterStore) {
    this.accountAddress = store.create(LOGIN_LIMITS.accountAddress);
    this.address = store.create(LOGIN_LIMITS.address);
    this.account = store.create({ ...LOGIN_LIMITS.account, points: store.config.LOGIN_FAILURES_PER_ACCOUNT });
  }

  /**
   * Throws RATE_LIMITED (with the wait) when this attempt may not be checked now. `isKnownAddress`
   * is asked only when the account-wide budget is spent.
   */
  async assertAllowed(attempt: PasswordAttempt, isKnownAddress: () => Promise<boolean>): Promise<void> {
    const [pair, address, account] = await Promise.all([
      this.accountAddress.waitMs(pairKey(attempt)),
      this.address.waitMs(attempt.address),
      this.account.waitMs(attempt.account),
    ]);
    let wait = Math.max(pair, address);
    if (account > 0 && !(await isKnownAddress())) wait = Math.max(wait, account);
    if (wait > 0) throw loginThrottled(retryAfterSecondsOf(wait));
  }

  async recordFailure(attempt: PasswordAttempt): Promise<void> {
    await Promise.all([this.accountAddress.record(pairKey(attempt)), this.address.record(attempt.address), this.account.record(attempt.account)]);
  }

  /** The right password from this address: its own failures against this account are forgiven. */
  async recordSuccess(attempt: PasswordAttempt): Promise<void> {
    await this.accountAddress.reset(pairKey(attempt));
  }
}

const pairKey = (a: PasswordAttempt): string => `${a.account}|${a.address}`;
