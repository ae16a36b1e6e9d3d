import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDirectoryPath } from '@kakehashi/interchange';
import { startTestApi, type TestApi } from './api-harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ SAMPLE_DATA: 'on' });
});
afterAll(() => api?.close());

describe('API start with SAMPLE_DATA=on on an empty database', () => {
  it('has loaded the sample directory before it answers', async () => {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT (SELECT count(*)::int FROM municipality) AS m, (SELECT count(*)::int FROM partnership) AS p');
      const sample = JSON.parse(readFileSync(sampleDirectoryPath(), 'utf8'));
      expect(rows[0]).toEqual({ m: sample.municipalities.length, p: sample.partnerships.length });
    } finally {
      await client.end();
    }
  });
});
