import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

let dir: string;
const started: EmbeddedDatabase[] = [];
const start = async (): Promise<EmbeddedDatabase> => {
  const db = await startEmbeddedPostgres({ dataDir: dir, database: 'app' });
  started.push(db);
  return db;
};
async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-embedded-'));
});
afterAll(async () => {
  for (const db of started.reverse()) await db.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('embedded PostgreSQL in DATA_DIR', () => {
  it('is attached to while running, and after a clean stop restarts with the same data', async () => {
    const first = await start();
    expect(first.owned).toBe(true);
    await query(first.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives')`);

    const second = await start(); // another process of ours (the CLI while the server runs)
    expect(second.owned).toBe(false);
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'survives' }]);

    await first.stop();
    const restarted = await start(); // the next `npm start`, or a CLI run after the server stopped
    expect(restarted.owned).toBe(true);
    expect(await query(restarted.url, 'SELECT v FROM kept')).toEqual([{ v: 'survives' }]);
  });
});
