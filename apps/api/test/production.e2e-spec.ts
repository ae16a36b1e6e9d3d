import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './api-harness';

const JWT_SECRET = 'production-test-secret-0123456789abcdef';
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ NODE_ENV: 'production', JWT_SECRET });
});
afterAll(() => api?.close());

const post = async (query: string) => {
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, text: await res.text() };
};

describe('production mode', () => {
  it('refuses introspection', async () => {
    const res = await post('{ __schema { queryType { name } } }');
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/introspection is not allowed/i);
    expect(res.text).not.toContain('"Query"');
  });

  it('gives no field suggestions', async () => {
    const res = await post('{ topic { key } }');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Cannot query field');
    expect(res.text).not.toMatch(/did you mean/i);
  });

  it('serves no IDE landing page', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(text).not.toMatch(/<html|sandbox|graphiql/i);
  });

  // Breaks this file's database on purpose, and mends it again: no test depends on running first or last.
  it('masks a database error as INTERNAL_SERVER_ERROR with no SQL, stack or names', async () => {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    await db.query('ALTER TABLE topic RENAME TO topic_gone');
    const res = await post('{ topics { key } }').finally(async () => {
      await db.query('ALTER TABLE topic_gone RENAME TO topic');
      await db.end();
    });
    expect(JSON.parse(res.text)).toEqual({ errors: [{ message: 'Internal server error', path: ['topics'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: null });
    expect(res.text).not.toMatch(/relation|select|topic_gone|postgres|\.ts|\.js|at /i);
    expect(JSON.parse((await post('{ topics { key } }')).text).errors).toBeUndefined();
  });
});
