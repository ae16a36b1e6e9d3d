import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMunicipality } from '@kakehashi/testing';
import { TEST_ADMIN_TOKEN, startTestApi, type TestApi } from './api-harness';

/** Faults that cost little time: a statement that would wait forever, and racing edits. */
let api: TestApi;
let ds: DataSource;
beforeAll(async () => {
  api = await startTestApi({ DB_STATEMENT_TIMEOUT_MS: '300' });
  ds = api.app.get(DataSource);
});
afterAll(() => api?.close());

describe('statement_timeout', () => {
  it('is set on every pooled connection', async () => {
    const [{ statement_timeout }] = await ds.query('SHOW statement_timeout');
    expect(statement_timeout).toBe('300ms');
  });

  it('cancels a request stuck behind a lock after the timeout, masked, and the service goes on', async () => {
    const blocker = new Client({ connectionString: api.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE topic IN ACCESS EXCLUSIVE MODE');
    const started = performance.now();
    const stuck = await api.gql('{ topics { key } }');
    const ms = performance.now() - started;
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect(stuck.errors).toEqual([{ message: 'Internal server error', path: ['topics'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(3000);
    const after = await api.gql<{ topics: unknown[] }>('{ topics { key } }');
    expect(after.data!.topics).toHaveLength(36);
  });
});

describe('concurrent edits of one record', () => {
  it('let exactly one of five updates with the same version win; the others get CONFLICT', async () => {
    const m = await insertMunicipality(ds);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        api.gql<{ updateMunicipality: { name: string; version: number } }>(
          'mutation($k: String!, $n: String!) { updateMunicipality(input: { key: $k, version: 1, name: $n }) { name version } }',
          { k: m.key, n: `Writer ${i}` },
          TEST_ADMIN_TOKEN,
        ),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(4);
    const [row] = await ds.query('SELECT name, version FROM municipality WHERE id = $1', [m.id]);
    expect(row).toEqual({ name: winners[0]!.data!.updateMunicipality.name, version: 2 });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'municipality' AND entity_key = $1 AND action = 'update'`, [m.key]);
    expect(n).toBe(1);
  });

  it('let exactly one of two creations of the same key win', async () => {
    const key = `race-${Date.now()}`;
    const create = () => api.gql('mutation($k: String!) { createEvent(input: { key: $k, title: "Race" }) { key } }', { k: key }, TEST_ADMIN_TOKEN);
    const results = await Promise.all([create(), create()]);
    expect(results.map((r) => r.errors?.[0]?.extensions?.code ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
  });
});
