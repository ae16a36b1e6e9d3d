import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { MoreThan } from 'typeorm';
import { TransactionalConnection } from '@kakehashi/database';
import type { RequestContext } from '@kakehashi/kernel';
import { badCredentials } from '../auth.errors';
import { KnownAddressEntity } from '../rate-limit/known-address.entity';
import { LoginThrottle, type PasswordAttempt } from '../rate-limit/login-throttle';
import { verifyPassword } from './password-hasher';

/** An address stays known this long after its last successful sign-in. */
const KNOWN_ADDRESS_DAYS = 180;

/** Who a password is checked for: null when no such account exists (the check still costs the same). */
export interface PasswordHolder {
  id: string;
  passwordHash: string | null;
  disabledAt: Date | null;
}

/**
 * The one way a password is checked (login, changePassword, accepting an invitation with an
 * existing account): throttled per account and address, per address, and per account for addresses
 * the account was never used from — checked before any hashing, so a throttled guess costs no CPU.
 * A success remembers the address as known for the account.
 */
@Injectable()
export class PasswordCheck {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Resolves when `password` is `holder`'s and the account is enabled; otherwise UNAUTHENTICATED
   * (BAD_CREDENTIALS, the same answer whatever was wrong) or RATE_LIMITED (LOGIN_THROTTLED).
   */
  async verify(ctx: RequestContext, email: string, holder: PasswordHolder | null, password: string, address: string): Promise<void> {
    const attempt: PasswordAttempt = { account: email.trim().toLowerCase(), address };
    await this.throttle.assertAllowed(attempt, async () => holder !== null && (await this.isKnown(ctx, holder.id, address)));
    const ok = (await verifyPassword(password, holder?.passwordHash)) && holder !== null && holder.disabledAt === null;
    if (!ok) {
      await this.throttle.recordFailure(attempt);
      throw badCredentials();
    }
    await this.throttle.recordSuccess(attempt);
    await this.db
      .getRepository(ctx, KnownAddressEntity)
      .upsert({ userId: holder.id, addressHash: hashAddress(address), lastSeenAt: new Date() }, ['userId', 'addressHash']);
  }

  private async isKnown(ctx: RequestContext, userId: string, address: string): Promise<boolean> {
    const since = new Date(Date.now() - KNOWN_ADDRESS_DAYS * 86_400_000);
    return this.db.getRepository(ctx, KnownAddressEntity).exists({ where: { userId, addressHash: hashAddress(address), lastSeenAt: MoreThan(since) } });
  }
}

const hashAddress = (address: string): string => createHash('sha256').update(address, 'utf8').digest('hex');
