import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './api-harness';
import { changePassword, createEditor, login, type HttpAnswer } from './account-client';

/**
 * Account lockout as outside clients meet it, behind one trusted proxy (TRUST_PROXY=1) so that
 * X-Forwarded-For stands for the client's address: strangers' failures slow the strangers, never
 * the real user; every password check (login, changePassword) is under the same throttle; and a
 * throttled answer follows the one convention of every limit (429, Retry-After, retryAfter).
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ TRUST_PROXY: '1', LOGIN_FAILURES_PER_ACCOUNT: '10' });
});
afterAll(() => api?.close());

/** The one answer every limit gives (the per-client request limit: limits.e2e-spec.ts). */
function expectRateLimited(res: HttpAnswer): void {
  expect(res.status).toBe(429);
  const seconds = Number(res.headers.get('retry-after'));
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'LOGIN_THROTTLED', retryAfter: seconds });
}

describe('account lockout', () => {
  it('five wrong passwords from one address stop that address only: the real user signs in from another', async () => {
    const victim = await createEditor(api, 'victim');
    for (let i = 0; i < 5; i++) {
      const res = await login(api.url, victim.email, `wrong-guess-${i}-pw`, { from: '203.0.113.66' });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(await login(api.url, victim.email, victim.password, { from: '203.0.113.66' }));
    const real = await login(api.url, victim.email, victim.password, { from: '198.51.100.20' });
    expect(real.status).toBe(200);
    expect(real.data?.login.account.email).toBe(victim.email);
  });

  it('one request a minute from the attacker keeps nobody else out', async () => {
    const victim = await createEditor(api, 'steady');
    for (let i = 0; i < 6; i++) await login(api.url, victim.email, `wrong-guess-${i}-pw`, { from: '203.0.113.67' });
    expect((await login(api.url, victim.email, victim.password, { from: '198.51.100.21' })).data?.login.account.email).toBe(victim.email);
    expect((await login(api.url, victim.email, victim.password, { from: '198.51.100.22' })).data?.login.account.email).toBe(victim.email);
  });

  it('failures spread over many addresses hold new addresses back, never one the account signed in from before', async () => {
    const victim = await createEditor(api, 'botnet-target');
    expect((await login(api.url, victim.email, victim.password, { from: '198.51.100.30' })).status).toBe(200); // the user's office
    // 2 addresses × 5 guesses: no address exceeds its own budget, the account's (10 here) is spent.
    for (let a = 0; a < 2; a++) {
      for (let i = 0; i < 5; i++) await login(api.url, victim.email, `spread-guess-${i}-pw`, { from: `203.0.113.${100 + a}` });
    }
    expectRateLimited(await login(api.url, victim.email, victim.password, { from: '198.51.100.99' }));
    const office = await login(api.url, victim.email, victim.password, { from: '198.51.100.30' });
    expect(office.status).toBe(200);
    expect(office.data?.login.account.email).toBe(victim.email);
  }, 60_000);

  it('changePassword with a stolen token is throttled like a sign-in, and shares its budget', async () => {
    const victim = await createEditor(api, 'token-theft');
    const stolen = (await login(api.url, victim.email, victim.password, { from: '198.51.100.40' })).data!.login.accessToken;
    const started = Date.now();
    let answers = 0;
    let last: HttpAnswer | undefined;
    for (let i = 0; i < 250; i++) {
      last = await changePassword(api.url, `guess-number-${i}-pw`, 'a-new-password-1', { token: stolen, from: '203.0.113.77' });
      answers++;
      if (last.status === 429) break;
    }
    expect(answers).toBe(6); // 5 wrong guesses, then refused before any hashing
    expectRateLimited(last!);
    expect(Date.now() - started).toBeLessThan(20_000);
    // The same budget as sign-ins from that address: the attacker cannot switch to `login` either.
    expectRateLimited(await login(api.url, victim.email, victim.password, { from: '203.0.113.77' }));
    // The real user, elsewhere, still changes the password.
    const real = await changePassword(api.url, victim.password, 'a-new-password-1', { token: stolen, from: '198.51.100.40' });
    expect(real.data).toEqual({ changePassword: true });
  });
});
