import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../api-harness';
import { waitFor } from '@kakehashi/testing';

/** A pool of two, both held by requests stuck behind a lock: the next request must fail, not hang. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ DB_POOL_SIZE: '2', DB_STATEMENT_TIMEOUT_MS: '30000' });
});
afterAll(() => api?.close());

const timed = async <T>(p: Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await p;
  return { value, ms: performance.now() - started };
};

describe('connection pool exhaustion', () => {
  it('fails fast with a masked error while the pool is exhausted, and recovers at once when it frees', async () => {
    const blocker = new Client({ connectionString: api.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    // Municipalities, not topics: the taxonomy is cached per process and one read serves both callers.
    await blocker.query('LOCK TABLE municipality IN ACCESS EXCLUSIVE MODE');
    const holders = [api.gql('{ municipalities(first: 1) { totalCount } }'), api.gql('{ municipalities(first: 2) { totalCount } }')];
    // Another client: inside the blocker's transaction pg_stat_activity is a frozen snapshot.
    const watcher = new Client({ connectionString: api.databaseUrl });
    await watcher.connect();
    await waitFor('both pool connections waiting on the lock', async () => {
      const [{ n }] = (await watcher.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'kakehashi'`)).rows;
      return n >= 2;
    });
    await watcher.end();
    const starved = await timed(api.gql('{ needs(first: 1) { totalCount } }'));
    const health = await timed(fetch(`${api.url}/health`));
    await blocker.query('ROLLBACK');
    await blocker.end();
    const held = await Promise.all(holders);
    const recovered = await timed(api.gql<{ municipalities: { totalCount: number } }>('{ municipalities(first: 1) { totalCount } }'));
    console.log('pool exhaustion:', JSON.stringify({ starvedMs: Math.round(starved.ms), healthStatus: health.value.status, healthMs: Math.round(health.ms), recoveredMs: Math.round(recovered.ms) }));

    expect(starved.value.errors).toEqual([{ message: 'Internal server error', path: ['needs'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(starved.ms).toBeLessThan(7000); // the pool's connection timeout is 5 s
    expect(health.value.status).toBe(503);
    expect(held.every((r) => !r.errors)).toBe(true); // the holders were only slow
    expect(recovered.value.errors).toBeUndefined();
    expect(recovered.ms).toBeLessThan(1000);
  });
});
