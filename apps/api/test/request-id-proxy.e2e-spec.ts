import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './api-harness';
import { TEST_ADMIN, auditedLoginRequestIds, login } from './account-client';

/**
 * Whose request id goes into the audit log: a client's X-Request-Id only behind a trusted proxy
 * (TRUST_PROXY > 0), otherwise the server's own. This file: behind a proxy. Checked as a client sees it: the echoed header
 * and the audit entry the request wrote. (Two files: nestjs-pino keeps one request logger, and
 * with it one request-id function, per process.)
 */
describe('x-request-id behind a trusted proxy (TRUST_PROXY=1)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ ...TEST_ADMIN, TRUST_PROXY: '1' });
  });
  afterAll(() => api?.close());

  it('is the proxy’s, in the response and in the audit log', async () => {
    const res = await login(api.url, TEST_ADMIN.ADMIN_EMAIL, TEST_ADMIN.ADMIN_PASSWORD, { headers: { 'x-request-id': 'proxy-assigned-7' } });
    expect(res.data?.login.account.email).toBe(TEST_ADMIN.ADMIN_EMAIL);
    expect(res.headers.get('x-request-id')).toBe('proxy-assigned-7');
    expect(await auditedLoginRequestIds(api)).toContain('proxy-assigned-7');
  });

  it('still mints one when the proxy sends none or an unusable one', async () => {
    const res = await login(api.url, TEST_ADMIN.ADMIN_EMAIL, TEST_ADMIN.ADMIN_PASSWORD, { headers: { 'x-request-id': 'not ok; <script>' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
