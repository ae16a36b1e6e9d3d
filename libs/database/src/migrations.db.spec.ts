import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { SEEDED_TOPICS } from './topics';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

const tables = async (): Promise<string[]> =>
  (await db.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`)).map(
    (r: { table_name: string }) => r.table_name,
  );

describe('migrations', () => {
  it('seed the whole taxonomy, parents before children, with Japanese labels', async () => {
    const rows: { key: string; parent_key: string | null; label_ja: string }[] = await db.dataSource.query(
      'SELECT key, parent_key, label_ja FROM topic ORDER BY position',
    );
    expect(rows.map((r) => r.key)).toEqual(SEEDED_TOPICS.map((t) => t.key));
    expect(rows.filter((r) => r.parent_key === null)).toHaveLength(9);
    expect(rows.every((r) => r.label_ja.length > 0)).toBe(true);
  });

  it('enable pg_trgm', async () => {
    const [row] = await db.dataSource.query(`SELECT similarity('leakage', 'leakge') AS s`);
    expect(Number(row.s)).toBeGreaterThan(0.3);
  });

  it('map every entity column to a real column of the same nullability (no drift)', async () => {
    const columns: { table_name: string; column_name: string; is_nullable: string }[] = await db.dataSource.query(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const actual = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c.is_nullable === 'YES']));
    const problems: string[] = [];
    for (const meta of db.dataSource.entityMetadatas) {
      for (const col of meta.columns) {
        const name = `${meta.tableName}.${col.databaseName}`;
        if (!actual.has(name)) problems.push(`${name} missing`);
        else if (actual.get(name) !== col.isNullable) problems.push(`${name} nullable: entity ${col.isNullable}, table ${actual.get(name)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('are reversible: all the way down leaves nothing, and up again rebuilds the same tables', async () => {
    const before = await tables();
    const migrations = db.dataSource.migrations.length;
    for (let i = 0; i < migrations; i++) await db.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    await db.dataSource.runMigrations({ transaction: 'all' });
    expect(await tables()).toEqual(before);
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM topic');
    expect(n).toBe(SEEDED_TOPICS.length);
  });
});
