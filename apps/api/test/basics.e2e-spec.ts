import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './api-harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('the API over HTTP', () => {
  it('serves the taxonomy with Japanese labels', async () => {
    const res = await api.gql<{ topics: { key: string; labelJa: string; parentKey: string | null }[] }>('{ topics { key labelJa parentKey } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.topics).toHaveLength(36);
    expect(res.data!.topics.find((t) => t.key === 'nrw.leak-detection')).toMatchObject({ parentKey: 'nrw', labelJa: expect.stringMatching(/漏水/) });
  });

  it('reports health with the database check', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('answers a malformed query with BAD_USER_INPUT and a request id header', async () => {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ topics { nope } }' }) });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a request body over 100 kB with 413', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ topics { key } } # ${'x'.repeat(120_000)}` }),
    });
    expect(res.status).toBe(413);
  });
});
