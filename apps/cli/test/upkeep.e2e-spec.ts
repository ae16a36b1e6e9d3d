import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_ENTITIES } from '@kakehashi/auth';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { TaxonomyService } from '@kakehashi/directory';
import { InterchangeImportService, sampleDirectoryPath } from '@kakehashi/interchange';
import { systemContext } from '@kakehashi/kernel';
import { buildApp, createTestDatabase, runCli, type TestDatabase } from '@kakehashi/testing';

/*
 * `npm run cli -- upkeep` as a mail script calls it: JSON on stdout, exit 0 when the list was made
 * (whatever it holds), 2 on a usage error, 1 when the database cannot be reached.
 */
let db: TestDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  buildApp('cli');
  db = await createTestDatabase(AUTH_ENTITIES);
  const tx = new TransactionalConnection(db.dataSource);
  await new InterchangeImportService(tx, new TaxonomyService(tx), new AuditService(tx)).importText(systemContext('upkeep-cli'), readFileSync(sampleDirectoryPath(), 'utf8'));
  await db.dataSource.query(`UPDATE municipality SET last_confirmed_on = current_date - interval '3 years' WHERE key IN ('kawasaki', 'oita')`);
  const [u] = await db.dataSource.query(`INSERT INTO app_user (email, role) VALUES ('editor.kawasaki@upkeep.example', 'EDITOR') RETURNING id`);
  await db.dataSource.query(`INSERT INTO user_municipality (user_id, municipality_id) SELECT $1, id FROM municipality WHERE key = 'kawasaki'`, [u.id]);
  env = { DATABASE_URL: db.url };
}, 240_000);
afterAll(() => db?.drop());

describe('cli upkeep', () => {
  it('--json: exit 0 and a document a script can read, with who to write to and no internal ids', async () => {
    const run = await runCli(['upkeep', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.expiredNeeds.items.map((i: { key: string }) => i.key)).toContain('makassar-leakage');
    const kawasaki = report.staleProfiles.items.find((i: { key: string }) => i.key === 'kawasaki');
    expect(kawasaki.fixers).toEqual([{ email: 'editor.kawasaki@upkeep.example', municipalityKey: 'kawasaki' }]);
    expect(report.staleProfiles.items.find((i: { key: string }) => i.key === 'oita').fixers).toEqual([]);
    expect(run.stdout).not.toMatch(/accountId|municipalityIds/);
  }, 120_000);

  it('text: each section with its items and who can fix them', async () => {
    const run = await runCli(['upkeep'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Upkeep as of \d{4}-\d{2}-\d{2} \(Asia\/Tokyo\)/);
    expect(run.stdout).toMatch(/^Needs past their expiry, still recorded as open: \d+/m);
    expect(run.stdout).toContain('makassar-leakage');
    expect(run.stdout).toContain('→ editor.kawasaki@upkeep.example (kawasaki)');
    expect(run.stdout).toContain('→ no editor of oita: a coordinator');
  }, 120_000);

  it('--limit shows fewer items but counts them all', async () => {
    const report = JSON.parse((await runCli(['upkeep', '--json', '--limit', '1'], env)).stdout);
    expect(report.staleProfiles).toMatchObject({ totalCount: 2 });
    expect(report.staleProfiles.items).toHaveLength(1);
  }, 120_000);

  it('exit 2 on a usage error, exit 1 when the database cannot be reached', async () => {
    const usage = await runCli(['upkeep', '--limit', '0'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--limit/);
    const down = await runCli(['upkeep', '--json'], { DATABASE_URL: db.url.replace(/\/[^/]+$/, '/kk_no_such_database') });
    expect(down.code).toBe(1);
    expect(down.stdout).toBe('');
  }, 120_000);
});
