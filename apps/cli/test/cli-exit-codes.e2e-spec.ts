import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT, buildApp, createEmptyDatabase, runCli, startServerProcess, type ServerProcess } from '@kakehashi/testing';

/*
 * Exit codes as a calling script sees them (README "Command line": 0 done, 1 failed, 2 usage error),
 * whether the CLI starts the embedded PostgreSQL itself or attaches to the one a running server
 * holds. Each mode has its own DATA_DIR, so neither depends on the other having run.
 */

const good = {
  format: 'kakehashi/v1',
  municipalities: [{ key: 'exit-town', name: 'Exit Town', kind: 'LOCAL_GOVERNMENT', country: 'JP' }],
};
const bad = { format: 'kakehashi/v1', municipalities: [{ key: 'bad-town', name: 'Bad Town', kind: 'CITY', country: 'JP' }] };

let dir: string;
beforeAll(async () => {
  buildApp('cli');
  buildApp('api');
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-exit-'));
  await chmod(dir, 0o755); // the embedded PostgreSQL runs as user postgres when we are root
  await writeFile(join(dir, 'good.json'), JSON.stringify(good));
  await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
}, 240_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each([
  ['without a running server (the CLI starts the embedded database)', 'owned'],
  ['with the server running (the CLI attaches to its database)', 'attached'],
  ['with DATABASE_URL set (an external PostgreSQL)', 'url'],
] as const)('%s', (_mode, mode) => {
  let env: Record<string, string>;
  let server: ServerProcess | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (mode === 'url') {
      const db = await createEmptyDatabase();
      drop = db.drop;
      env = { DATABASE_URL: db.url, DATA_DIR: '/nonexistent/never-used', SAMPLE_DATA: 'off' };
      return;
    }
    env = { DATA_DIR: join(dir, mode), SAMPLE_DATA: 'off' };
    if (mode === 'attached') server = await startServerProcess(env);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await drop?.();
  });

  it('import of an invalid document: exit 1, the problem on stderr, nothing on stdout', async () => {
    const run = await runCli(['import', join(dir, 'bad.json')], env);
    expect(run.stderr).toContain('$.municipalities[0].kind: must be one of');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
  }, 120_000);

  it('import of a valid document: exit 0', async () => {
    const run = await runCli(['import', join(dir, 'good.json')], env);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
  }, 120_000);

  it('export -: exit 0, and stdout is the document alone', async () => {
    const run = await runCli(['export', '-'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).municipalities.map((m: { key: string }) => m.key)).toEqual(['exit-town']);
  }, 120_000);

  it('`npm run -s cli -- export -` (as README shows it in a pipe): stdout is the document alone', async () => {
    const run = await new Promise<{ code: number | null; stdout: string }>((resolvePromise, reject) => {
      const child = spawn('npm', ['run', '-s', 'cli', '--', 'export', '-'], { cwd: REPOSITORY_ROOT, env: { PATH: process.env.PATH ?? '', HOME: dir, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.on('error', reject);
      child.on('close', (code) => resolvePromise({ code, stdout }));
    });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('{')).toBe(true);
    expect(JSON.parse(run.stdout).format).toBe('kakehashi/v1');
  }, 120_000);

  it('export into a directory that does not exist: exit 1', async () => {
    const run = await runCli(['export', join(dir, 'no-such-dir', 'out.json')], env);
    expect(run.stderr).toMatch(/^error: /m);
    expect(run.code).toBe(1);
  }, 120_000);

  it('upkeep --json: exit 0, and stdout is JSON', async () => {
    const run = await runCli(['upkeep', '--json'], env);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  }, 120_000);

  it('import of a document that is not JSON: exit 1, nothing imported', async () => {
    await writeFile(join(dir, 'broken.json'), '{"format": "kakehashi/v1", ');
    const run = await runCli(['import', join(dir, 'broken.json')], env);
    expect(run.stderr).toMatch(/not valid JSON/);
    expect(run.code).toBe(1);
  }, 120_000);

  it('migrate: exit 0', async () => {
    const run = await runCli(['migrate'], env);
    expect(run.stdout).toMatch(/the database is up to date/);
    expect(run.code).toBe(0);
  }, 120_000);
});

describe('usage errors (no database needed)', () => {
  const env = { DATA_DIR: '/nonexistent/never-used' };

  it('every command answers --help with exit 0 and an unknown option with exit 2', async () => {
    const help = await runCli(['--help'], env);
    expect(help.code).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z][a-z-]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['import', 'export', 'migrate', 'seed', 'eval-matching']));
    for (const command of commands) {
      const run = await runCli([command, '--no-such-option'], env);
      expect(run.code, `${command} --no-such-option\n${run.stderr}`).toBe(2);
      expect(run.stderr, command).toMatch(/unknown option/);
      expect((await runCli([command, '--help'], env)).code, `${command} --help`).toBe(0);
    }
  }, 240_000);

  it('an unknown command or a missing argument: exit 2', async () => {
    expect((await runCli(['no-such-command'], env)).code).toBe(2);
    const missing = await runCli(['import'], env);
    expect(missing.stderr).toMatch(/missing required argument 'file'/);
    expect(missing.code).toBe(2);
  }, 120_000);

  it('an unreadable input file: exit 1 before any database is started', async () => {
    const run = await runCli(['import', join(dir, 'missing.json')], env);
    expect(run.stderr).toMatch(/no such file/);
    expect(run.code).toBe(1);
  }, 120_000);
});
