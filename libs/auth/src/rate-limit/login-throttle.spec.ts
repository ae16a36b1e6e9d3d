import { describe, expect, it } from 'vitest';
import { isDomainError } from '@kakehashi/kernel';
import { LOGIN_LIMITS, LoginThrottle } from './login-throttle';

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return isDomainError(e) ? `${e.code}/${e.reason}` : 'not a domain error';
  }
}

describe('LoginThrottle', () => {
  it('locks an account (any case of its email) after 5 failures, whatever the IP', () => {
    let t = 0;
    const throttle = new LoginThrottle(() => t);
    for (let i = 0; i < LOGIN_LIMITS.account.capacity; i++) {
      expect(codeOf(() => throttle.assertAllowed('Ed@Example.org', `10.0.0.${i}`))).toBeUndefined();
      throttle.recordFailure('Ed@Example.org', `10.0.0.${i}`);
    }
    expect(codeOf(() => throttle.assertAllowed('ed@example.org', '10.9.9.9'))).toBe('RATE_LIMITED/LOGIN_THROTTLED');
    expect(codeOf(() => throttle.assertAllowed('other@example.org', '10.9.9.9'))).toBeUndefined();
    t += LOGIN_LIMITS.account.refillMs;
    expect(codeOf(() => throttle.assertAllowed('ed@example.org', '10.9.9.9'))).toBeUndefined();
  });

  it('locks an IP after 20 failures across different accounts', () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < LOGIN_LIMITS.ip.capacity; i++) throttle.recordFailure(`user${i}@example.org`, '192.0.2.1');
    expect(codeOf(() => throttle.assertAllowed('fresh@example.org', '192.0.2.1'))).toBe('RATE_LIMITED/LOGIN_THROTTLED');
    expect(codeOf(() => throttle.assertAllowed('fresh@example.org', '192.0.2.2'))).toBeUndefined();
  });

  it('clears an account after a successful sign-in', () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@example.org', `ip${i}`);
    throttle.recordSuccess('a@example.org');
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@example.org', `ip${i}`);
    expect(codeOf(() => throttle.assertAllowed('a@example.org', 'ip9'))).toBeUndefined();
  });
});
