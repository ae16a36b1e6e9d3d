import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@kakehashi/database';
import { inheritedPath } from '@kakehashi/config';

/** The repository root (where package.json and scripts/ are). */
export const REPOSITORY_ROOT = resolve(__dirname, '../../..');

/**
 * Waits until `probe` returns something other than undefined/false, checking every `intervalMs`;
 * throws `what` after `timeoutMs`. Tests wait on a condition, never on a guessed duration.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, { timeoutMs = 30_000, intervalMs = 25 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Builds an app (only when its sources changed), as `npm start` / `npm run cli` would. */
export function buildApp(app: 'api' | 'cli' | 'graphiql'): void {
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', `import { buildIfNeeded } from './scripts/build-if-needed.mjs'; buildIfNeeded('${app}');`], {
    cwd: REPOSITORY_ROOT,
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`build of ${app} failed:\n${out.stderr}${out.stdout}`);
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the server wrote (stdout and stderr). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

const API_ENTRY = resolve(REPOSITORY_ROOT, 'dist/apps/api/apps/api/src/main.js');

/**
 * The built API as its own process (what a deploy runs), resolved once /health answers. The
 * environment is only what the test gives (plus PATH, which the embedded PostgreSQL needs).
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [API_ENTRY], {
    cwd: REPOSITORY_ROOT,
    env: { PATH: inheritedPath(), HOST: '127.0.0.1', PORT: String(port), SAMPLE_DATA: 'off', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'the server to answer /health',
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited during start:\n${out}`);
      return fetch(`${url}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
    },
    { timeoutMs: 90_000, intervalMs: 100 },
  );
  return {
    child,
    url,
    output: () => out,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as a script would: `node scripts/cli.mjs …` in a child process (which builds it
 * first when sources changed), with exactly `env` plus PATH, and optional stdin.
 */
export function runCli(args: readonly string[], env: Record<string, string>, stdin?: string): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['scripts/cli.mjs', ...args], {
      cwd: REPOSITORY_ROOT,
      env: { PATH: inheritedPath(), LOG_LEVEL: 'warn', ...env },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    collectOutput(child).then(resolvePromise, reject);
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

/** What a child process wrote to stdout and stderr, and its exit code, once it has closed. */
export function collectOutput(child: ChildProcess): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}
