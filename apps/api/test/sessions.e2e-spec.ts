import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@kakehashi/testing';
import { TEST_ADMIN_TOKEN, startTestApi, type TestApi } from './api-harness';
import { call, changePassword, createEditor, login, type Session } from './account-client';

/**
 * Access tokens die with their session, as an outside client sees it: after logout, after a reused
 * refresh token revoked the session, after the account is disabled, after a password change (other
 * sessions), and when the session is revoked by another replica (within SESSION_CHECK_CACHE_MS).
 * A token without `exp` is refused, and the role is the account's, whatever the token says.
 */
const JWT_SECRET = 'sessions-e2e-secret-0123456789abcdef';
const CACHE_MS = 300;
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ JWT_SECRET, SESSION_CHECK_CACHE_MS: String(CACHE_MS) });
});
afterAll(() => api?.close());

const ME = '{ me { email role } }';
const codeOf = async (token: string) => {
  const res = await call<{ me: { email: string } | null }>(api.url, ME, {}, { token });
  return res.errors?.[0]?.extensions?.reason ?? res.errors?.[0]?.extensions?.code ?? (res.data?.me ? 'OK' : 'ANONYMOUS');
};

async function signIn(name: string): Promise<Session & { password: string }> {
  const editor = await createEditor(api, name);
  const res = await login(api.url, editor.email, editor.password);
  return { ...res.data!.login, password: editor.password };
}

/** An HS256 token signed with the server's secret: what a token leaked or minted earlier looks like. */
function sign(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: 'kakehashi', aud: 'kakehashi-api', iat: Math.floor(Date.now() / 1000), ...claims })}`;
  return `${body}.${createHmac('sha256', JWT_SECRET).update(body).digest('base64url')}`;
}
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('access tokens die with their session', () => {
  it('after logout', async () => {
    const s = await signIn('logout-user');
    expect(await codeOf(s.accessToken)).toBe('OK');
    expect((await call(api.url, 'mutation($t: String!) { logout(refreshToken: $t) }', { t: s.refreshToken })).data).toEqual({ logout: true });
    expect(await codeOf(s.accessToken)).toBe('SESSION_ENDED');
  });

  it('after a reused refresh token revoked the session (the thief and the owner both lose it)', async () => {
    const s = await signIn('reuse-user');
    const refresh = (t: string) => call<{ refreshSession: Session }>(api.url, 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }', { t });
    const rotated = (await refresh(s.refreshToken)).data!.refreshSession;
    expect(await codeOf(rotated.accessToken)).toBe('OK');
    expect((await refresh(s.refreshToken)).errors?.[0]?.extensions?.reason).toBe('REFRESH_REUSED');
    expect(await codeOf(rotated.accessToken)).toBe('SESSION_ENDED');
    expect(await codeOf(s.accessToken)).toBe('SESSION_ENDED');
  });

  it('after the account is disabled', async () => {
    const s = await signIn('disabled-user');
    expect(await codeOf(s.accessToken)).toBe('OK');
    const off = await call(api.url, 'mutation($id: ID!) { setAccountDisabled(input: { userId: $id, disabled: true }) { disabled } }', { id: s.account.id }, { token: TEST_ADMIN_TOKEN });
    expect(off.data).toEqual({ setAccountDisabled: { disabled: true } });
    expect(await codeOf(s.accessToken)).toBe('SESSION_ENDED');
  });

  it('after a password change, in the other sessions only', async () => {
    const here = await signIn('changer');
    const elsewhere = (await login(api.url, 'changer@example.org', here.password)).data!.login;
    expect((await changePassword(api.url, here.password, 'changed-password-1', { token: here.accessToken })).data).toEqual({ changePassword: true });
    expect(await codeOf(elsewhere.accessToken)).toBe('SESSION_ENDED');
    expect(await codeOf(here.accessToken)).toBe('OK');
  });

  it('when another replica revokes it: refused within SESSION_CHECK_CACHE_MS', async () => {
    const s = await signIn('replica-user');
    expect(await codeOf(s.accessToken)).toBe('OK'); // now cached as alive
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    await db.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1`, [s.account.id]); // as another process would
    await db.end();
    const revokedAt = Date.now();
    await waitFor('the access token to be refused', async () => (await codeOf(s.accessToken)) === 'SESSION_ENDED', { timeoutMs: 10_000, intervalMs: 50 });
    expect(Date.now() - revokedAt).toBeLessThan(CACHE_MS + 2_000);
  });

  it('refuses a validly signed token without `exp`', async () => {
    const s = await signIn('no-exp-user');
    const { exp: _exp, ...rest } = claimsOf(s.accessToken);
    expect(await codeOf(sign({ ...rest }))).toBe('TOKEN_INVALID');
    expect(await codeOf(sign({ ...rest, exp: Math.floor(Date.now() / 1000) + 600 }))).toBe('OK'); // the same claims with exp pass
  });

  it('takes the role from the account, not from the token', async () => {
    const s = await signIn('would-be-admin');
    const promoted = sign({ ...claimsOf(s.accessToken), role: 'ADMIN' });
    const me = await call<{ me: { role: string } }>(api.url, ME, {}, { token: promoted });
    expect(me.data?.me.role).toBe('EDITOR');
    const accounts = await call(api.url, '{ accounts(first: 1) { totalCount } }', {}, { token: promoted });
    expect(accounts.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
