import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@kakehashi/database';
import { sleep } from './fault-harness';

const ROOT = resolve(__dirname, '../../../..');
const ENTRY = resolve(ROOT, 'dist/apps/api/apps/api/src/main.js');

/** Builds the API (only when sources changed), as `npm start` would. */
export function buildApi(): void {
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', "import { buildIfNeeded } from './scripts/build-if-needed.mjs'; buildIfNeeded('api');"], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`build failed:\n${out.stderr}${out.stdout}`);
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the server wrote to stdout (its JSON logs). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The built server as its own process (what a deploy runs), listening once /health answers. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    // A clean environment: only what the test sets (the server needs no PATH: it runs no programs with DATABASE_URL).
    env: { HOST: '127.0.0.1', PORT: String(port), SAMPLE_DATA: 'off', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start:\n${out}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await sleep(100);
  }
  return { child, url, output: () => out, exited };
}
