import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './api-harness';
import { TEST_ADMIN, auditedLoginRequestIds, login } from './account-client';

/**
 * Whose request id goes into the audit log: a client's X-Request-Id only behind a trusted proxy
 * (TRUST_PROXY > 0), otherwise the server's own. Checked as a client sees it: the echoed header
 * and the audit entry the request wrote. (Two files: nestjs-pino keeps one request logger, and
 * with it one request-id function, per process.)
 */
describe('x-request-id without a trusted proxy (TRUST_PROXY=0)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ ...TEST_ADMIN, TRUST_PROXY: '0' });
  });
  afterAll(() => api?.close());

  it('is replaced by the server’s own id, in the response and in the audit log', async () => {
    const res = await login(api.url, TEST_ADMIN.ADMIN_EMAIL, TEST_ADMIN.ADMIN_PASSWORD, { headers: { 'x-request-id': 'forged-by-client-1' } });
    expect(res.data?.login.account.email).toBe(TEST_ADMIN.ADMIN_EMAIL);
    const echoed = res.headers.get('x-request-id');
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    const ids = await auditedLoginRequestIds(api);
    expect(ids).toContain(echoed);
    expect(ids).not.toContain('forged-by-client-1');
  });
});
