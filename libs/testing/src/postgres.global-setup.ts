import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '@kakehashi/database';
import { loadConfig } from '@kakehashi/config';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a database on the test server from which per-file databases are created. */
    postgresAdminUrl: string;
  }
}

/**
 * One PostgreSQL server for a test run: DATABASE_URL when set (CI runs the suites a second time
 * against the machine's PostgreSQL 15), otherwise an embedded one in a temporary directory.
 * Returns the teardown (Vitest ignores a separate `teardown` export next to a default one).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    project.provide('postgresAdminUrl', config.DATABASE_URL);
    return async () => undefined;
  }
  const dir = await mkdtemp(join(tmpdir(), 'kakehashi-test-'));
  const embedded = await startEmbeddedPostgres({ dataDir: dir, database: 'postgres' });
  project.provide('postgresAdminUrl', embedded.url);
  return async () => {
    await embedded.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
