import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { inject } from 'vitest';
import { DATABASE_ENTITIES, dataSourceOptions } from '@kakehashi/database';
import { DIRECTORY_ENTITIES } from '@kakehashi/directory';

export interface TestDatabase {
  /** Connection URL of this file's own database. */
  url: string;
  /** A DataSource on it with every entity, migrations applied. */
  dataSource: DataSource;
  /** Closes the DataSource and drops the database. */
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates an empty database on the test server (no migrations). */
export async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `kk_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh database with the real migrations applied, for one test file:
 * `const db = await createTestDatabase(); afterAll(() => db.drop());`
 */
export async function createTestDatabase(
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  extraEntities: MixedList<Function | string | EntitySchema> = [],
): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  const dataSource = new DataSource({
    ...dataSourceOptions({ url: empty.url, poolSize: 5, statementTimeoutMs: 30_000 }),
    entities: [...DATABASE_ENTITIES, ...DIRECTORY_ENTITIES, ...(Array.isArray(extraEntities) ? extraEntities : [])],
  });
  await dataSource.initialize();
  return {
    url: empty.url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await empty.drop();
    },
  };
}
