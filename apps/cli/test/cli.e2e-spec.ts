import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDirectoryPath } from '@kakehashi/interchange';
import { createEmptyDatabase, runCli, type CliRun } from '@kakehashi/testing';

/*
 * The built CLI as a user runs it: `node scripts/cli.mjs …` in a child process (which builds it
 * first when the sources changed, hence the long timeouts), on this file's own database.
 */

let db: { url: string; drop: () => Promise<void> };
let dir: string;
let imported: CliRun;
const sample = JSON.parse(readFileSync(sampleDirectoryPath(), 'utf8'));

/** The CLI as a script runs it, on this file's database (the harness's runCli: exactly these settings plus PATH). */
const cli = (...args: string[]): Promise<CliRun> => runCli(args, { DATABASE_URL: db.url, SAMPLE_DATA: 'off' });

async function municipalityKeys(): Promise<string[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query('SELECT key FROM municipality ORDER BY key')).rows.map((r) => r.key);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  db = await createEmptyDatabase();
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-cli-'));
  imported = await cli('import', sampleDirectoryPath());
}, 240_000);
afterAll(async () => {
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('kakehashi CLI', () => {
  it('import: exit 0, a summary table on stdout, every record in the database', async () => {
    expect(imported.stderr).not.toMatch(/error/i);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`^municipalities\\s+${sample.municipalities.length}\\s+0\\s+0$`, 'm'));
    expect(imported.stdout).toMatch(new RegExp(`^partnerships\\s+${sample.partnerships.length}\\s+0\\s+0$`, 'm'));
    expect(imported.stdout).toMatch(/^elapsed ms: \d+$/m);
    expect(await municipalityKeys()).toHaveLength(sample.municipalities.length);
  });

  it('export FILE: exit 0, the canonical document in the file', async () => {
    const file = join(dir, 'directory.json');
    const run = await cli('export', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^municipalities\\s+${sample.municipalities.length}$`, 'm'));
    const text = await readFile(file, 'utf8');
    const doc = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(doc.needs).toHaveLength(sample.needs.length);
  }, 120_000);

  it('import of a bad document: exit 1, the problems with their JSON paths, nothing written', async () => {
    const bad = structuredClone(sample);
    bad.municipalities.push({ key: 'brand-new-town', name: 'Brand New Town', kind: 'LOCAL_GOVERNMENT', country: 'JP' });
    bad.municipalities[3].population = -1;
    bad.needs[0].topics = ['not-a-topic'];
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(bad));
    const run = await cli('import', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('$.municipalities[3].population: must be at least 0');
    expect(run.stderr).toContain('$.needs[0].topics[0]: "not-a-topic" is not a topic of the taxonomy');
    expect(run.stdout).toBe('');
    expect(await municipalityKeys()).not.toContain('brand-new-town');
  }, 120_000);

  it('usage errors exit with 2', async () => {
    const run = await cli('import');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing required argument 'file'/);
  }, 120_000);
});
