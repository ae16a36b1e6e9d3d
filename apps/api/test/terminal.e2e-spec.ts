import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@kakehashi/database';
import { buildApp, createEmptyDatabase, REPOSITORY_ROOT, waitFor } from '@kakehashi/testing';

/**
 * What a person at a terminal sees from the built server, spawned as `npm start` runs it: one
 * clean message for a bad setting, readable lines on a terminal (JSON otherwise) with one "ready"
 * line and no framework chatter, and a quiet Ctrl-C.
 */
const MAIN = resolve(REPOSITORY_ROOT, 'dist/apps/api/apps/api/src/main.js');
const hasScript = spawnSync('script', ['--version']).status === 0;
const cleanup: (() => Promise<void>)[] = [];

beforeAll(() => buildApp('api'), 180_000);
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

interface Run {
  output(): string;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The server in a process group of its own (as a shell runs a foreground job); `tty` runs it on a pseudo-terminal. */
function run(env: Record<string, string>, tty = false): Run {
  const [command, args] = tty ? ['script', ['-qfec', `"${process.execPath}" "${MAIN}"`, '/dev/null']] : [process.execPath, [MAIN]];
  const child = spawn(command, args as string[], {
    cwd: REPOSITORY_ROOT,
    detached: true,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', SAMPLE_DATA: 'off', NODE_ENV: 'test', LOG_LEVEL: 'info', TERM: 'xterm', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  cleanup.push(async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  });
  return { output: () => out, pid: child.pid!, exited };
}

const READY = /Kakehashi is ready at http:\/\/localhost:(\d+)\/ \(GraphQL IDE at \/graphql\)/;

async function database(): Promise<string> {
  const db = await createEmptyDatabase();
  cleanup.push(db.drop);
  return db.url;
}

describe('the server on a terminal', () => {
  it('names a bad setting in one clean message and exits 1, without a stack trace', async () => {
    const r = run({ PORT: 'abc', DATABASE_URL: await database() });
    const exit = await r.exited;
    expect(exit.code).toBe(1);
    expect(r.output()).toMatch(/^Kakehashi cannot start\. Invalid configuration:\n {2}- PORT: .*\(got "abc"\)\n$/);
    expect(r.output()).not.toMatch(/\n\s+at /);
  });

  it('writes JSON lines when its output is not a terminal: one ready line, no framework start-up chatter', async () => {
    const port = await freePort();
    const r = run({ PORT: String(port), DATABASE_URL: await database() });
    await waitFor('the ready line', () => READY.test(r.output()), { timeoutMs: 90_000 });
    process.kill(-r.pid, 'SIGTERM');
    await r.exited;
    const lines = r.output().trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(records.filter((l) => READY.test(l.msg)).map((l) => l.msg)).toEqual([`Kakehashi is ready at http://localhost:${port}/ (GraphQL IDE at /graphql)`]);
    expect(records.filter((l) => /dependencies initialized|Mapped \{|Starting Nest/.test(l.msg))).toEqual([]);
  });

  it.skipIf(!hasScript)('writes readable lines on a terminal, the ready line among them', async () => {
    const port = await freePort();
    const r = run({ PORT: String(port), DATABASE_URL: await database() }, true);
    await waitFor('the ready line', () => READY.test(r.output()), { timeoutMs: 90_000 });
    process.kill(-r.pid, 'SIGTERM');
    await r.exited;
    const lines = r.output().trim().split(/\r?\n/);
    expect(lines.some((l) => READY.test(l) && /INFO/.test(l))).toBe(true);
    expect(lines.filter((l) => l.trimStart().startsWith('{'))).toEqual([]);
    expect(r.output()).not.toMatch(/dependencies initialized/);
  });

  it('stops quietly on Ctrl-C (SIGINT to the whole process group), its embedded PostgreSQL included', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kakehashi-ctrl-c-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const r = run({ PORT: String(await freePort()), DATA_DIR: dataDir, DB_POOL_SIZE: '4' });
    await waitFor('the ready line', () => READY.test(r.output()), { timeoutMs: 120_000 });
    // Use the pool so that idle connections are open when the signal comes.
    const url = `http://127.0.0.1:${READY.exec(r.output())![1]}/graphql`;
    await Promise.all([1, 2, 3, 4].map(() => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ topics { key } }"}' })));
    const before = r.output().length;
    process.kill(-r.pid, 'SIGINT');
    const exit = await r.exited;
    const after = r
      .output()
      .slice(before)
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(exit.code === 0 || exit.signal === 'SIGINT').toBe(true);
    expect(after.filter((l) => l.level >= 40)).toEqual([]); // no "Postgres pool raised an error"
  });
});
