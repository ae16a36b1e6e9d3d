import { describe, expect, it } from 'vitest';
import { createRootLogger, loadConfig } from '@kakehashi/config';
import { isDomainError } from '@kakehashi/kernel';
import { RateLimitedError } from '../auth.errors';
import { LimiterStore } from './limiter-store';
import { LOGIN_LIMITS, LoginThrottle, type PasswordAttempt } from './login-throttle';

const memoryThrottle = () => new LoginThrottle(new LimiterStore(loadConfig({}), createRootLogger({ LOG_LEVEL: 'silent' })));
const known = async () => true;
const unknown = async () => false;

async function verdict(throttle: LoginThrottle, attempt: PasswordAttempt, isKnown = unknown): Promise<string> {
  try {
    await throttle.assertAllowed(attempt, isKnown);
    return 'allowed';
  } catch (e) {
    if (e instanceof RateLimitedError) expect(e.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    return isDomainError(e) ? `${e.code}/${e.reason}` : String(e);
  }
}

describe('LoginThrottle', () => {
  it('stops one address guessing one account after 5 failures, and only that address', async () => {
    const t = memoryThrottle();
    const attacker = { account: 'ed@example.org', address: '203.0.113.9' };
    for (let i = 0; i < LOGIN_LIMITS.accountAddress.points; i++) {
      expect(await verdict(t, attacker)).toBe('allowed');
      await t.recordFailure(attacker);
    }
    expect(await verdict(t, attacker)).toBe('RATE_LIMITED/LOGIN_THROTTLED');
    expect(await verdict(t, attacker, known)).toBe('RATE_LIMITED/LOGIN_THROTTLED');
    expect(await verdict(t, { account: 'ed@example.org', address: '198.51.100.7' })).toBe('allowed');
    expect(await verdict(t, { account: 'other@example.org', address: '203.0.113.9' })).toBe('allowed');
  });

  it('stops an address after 20 failures across accounts', async () => {
    const t = memoryThrottle();
    for (let i = 0; i < LOGIN_LIMITS.address.points; i++) await t.recordFailure({ account: `user${i}@example.org`, address: '192.0.2.1' });
    expect(await verdict(t, { account: 'fresh@example.org', address: '192.0.2.1' })).toBe('RATE_LIMITED/LOGIN_THROTTLED');
    expect(await verdict(t, { account: 'fresh@example.org', address: '192.0.2.2' })).toBe('allowed');
  });

  it('holds unknown addresses, never known ones, to the per-account budget (a botnet cannot lock the real user out)', async () => {
    const t = memoryThrottle();
    for (let i = 0; i < 50; i++) await t.recordFailure({ account: 'ed@example.org', address: `10.9.${i >> 8}.${i & 255}` });
    expect(await verdict(t, { account: 'ed@example.org', address: '198.51.100.7' }, unknown)).toBe('RATE_LIMITED/LOGIN_THROTTLED');
    expect(await verdict(t, { account: 'ed@example.org', address: '198.51.100.7' }, known)).toBe('allowed');
  });

  it('forgives an address its failures against an account once it gives the right password', async () => {
    const t = memoryThrottle();
    const a = { account: 'a@example.org', address: '10.0.0.1' };
    for (let i = 0; i < 4; i++) await t.recordFailure(a);
    await t.recordSuccess(a);
    for (let i = 0; i < 4; i++) await t.recordFailure(a);
    expect(await verdict(t, a)).toBe('allowed');
  });
});
