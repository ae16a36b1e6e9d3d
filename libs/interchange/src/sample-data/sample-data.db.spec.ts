import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRootLogger, loadConfig } from '@kakehashi/config';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { TaxonomyService } from '@kakehashi/directory';
import { systemContext } from '@kakehashi/kernel';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { InterchangeImportService } from '../import/import.service';
import { SampleDataBootstrap } from './sample-data.module';
import { SampleDataService } from './sample-data.service';
import { sampleDirectoryPath } from './sample-directory';

let db: TestDatabase;
let sampleData: SampleDataService;
const municipalitiesInFile = JSON.parse(readFileSync(sampleDirectoryPath(), 'utf8')).municipalities.length;
const count = async (): Promise<number> => (await db.dataSource.query('SELECT count(*)::int AS n FROM municipality'))[0].n;
const bootstrap = (SAMPLE_DATA: string) => new SampleDataBootstrap(loadConfig({ SAMPLE_DATA }), sampleData);

beforeAll(async () => {
  db = await createTestDatabase();
  const tx = new TransactionalConnection(db.dataSource);
  const logger = createRootLogger({ LOG_LEVEL: 'silent' });
  sampleData = new SampleDataService(tx, new InterchangeImportService(tx, new TaxonomyService(tx), new AuditService(tx)), logger);
});
afterAll(() => db?.drop());
beforeEach(() => db.dataSource.query('TRUNCATE municipality, event, partnership CASCADE'));

describe('sample data at start', () => {
  it('SAMPLE_DATA=on loads the sample directory into an empty database', async () => {
    await bootstrap('on').onApplicationBootstrap();
    expect(await count()).toBe(municipalitiesInFile);
  });

  it('SAMPLE_DATA=off never loads it', async () => {
    await bootstrap('off').onApplicationBootstrap();
    expect(await count()).toBe(0);
  });

  it('leaves a database that already has municipalities alone', async () => {
    await db.dataSource.query(`INSERT INTO municipality (key, name, kind, country) VALUES ('only-one', 'Only One', 'OTHER', 'JP')`);
    expect(await sampleData.loadIfEmpty(systemContext())).toBeNull();
    await bootstrap('on').onApplicationBootstrap();
    expect(await count()).toBe(1);
  });

  it('two starts at once load it once', async () => {
    const reports = await Promise.all([sampleData.loadIfEmpty(systemContext()), sampleData.loadIfEmpty(systemContext())]);
    expect(reports.filter((r) => r !== null)).toHaveLength(1);
    expect(await count()).toBe(municipalitiesInFile);
  });
});
