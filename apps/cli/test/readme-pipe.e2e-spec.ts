import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, collectOutput, createEmptyDatabase, REPOSITORY_ROOT } from '@kakehashi/testing';

/**
 * README's export-to-stdout command, run through npm exactly as written there, gives a document
 * on stdout and nothing else: a pipe (`| jq …`) reads clean JSON.
 */
let db: { url: string; drop: () => Promise<void> };
beforeAll(async () => {
  buildApp('cli');
  db = await createEmptyDatabase();
}, 180_000);
afterAll(() => db?.drop());

const readme = readFileSync(resolve(REPOSITORY_ROOT, 'README.md'), 'utf8');

function shell(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('sh', ['-c', command], {
    cwd: REPOSITORY_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: db.url, SAMPLE_DATA: 'off', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collectOutput(child);
}

describe("README's export to stdout", () => {
  it('documents the silent form in the command list and in the pipe example', () => {
    expect(readme).toMatch(/^npm run -s cli -- export - +#/m);
    expect(readme).toContain('`npm run -s cli -- export - | jq');
    expect(readme).not.toMatch(/npm run cli -- export -(?!\w)/);
  });

  it('writes exactly one kakehashi/v1 document on stdout, as a pipe reads it', async () => {
    const command = /^(npm run -s cli -- export -) +#/m.exec(readme)![1]!;
    const run = await shell(`${command} | cat`);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('{')).toBe(true);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'kakehashi/v1', municipalities: [] });
  });
});
