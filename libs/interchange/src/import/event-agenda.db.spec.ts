import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { TaxonomyService } from '@kakehashi/directory';
import { systemContext } from '@kakehashi/kernel';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { InterchangeExportService } from '../export/export.service';
import { InvalidDocumentError } from '../interchange.errors';
import { InterchangeImportService } from './import.service';

/* An event's agenda (ADR 21) travels in kakehashi/v1: imported, exported losslessly, its keys checked. */
let db: TestDatabase;
let importer: InterchangeImportService;
let exporter: InterchangeExportService;
const ctx = systemContext('agenda-spec');

const doc = (agenda: unknown) => ({
  format: 'kakehashi/v1',
  municipalities: [
    { key: 'kurume', name: 'Kurume City', kind: 'LOCAL_GOVERNMENT', country: 'JP' },
    { key: 'kitakyushu', name: 'Kitakyushu City', kind: 'LOCAL_GOVERNMENT', country: 'JP' },
  ],
  events: [{ key: 'kyushu-session-2027', title: 'Kyushu study session', date: '2027-02-10', location: 'Fukuoka', agenda }],
});

beforeAll(async () => {
  db = await createTestDatabase();
  const tx = new TransactionalConnection(db.dataSource);
  importer = new InterchangeImportService(tx, new TaxonomyService(tx), new AuditService(tx));
  exporter = new InterchangeExportService(tx);
});
afterAll(() => db?.drop());

describe('event agenda in kakehashi/v1', () => {
  it('imports and exports an agenda as written; the same document again changes nothing', async () => {
    const agenda = [
      { kind: 'PRESENTATION', title: 'Treatment plant operation: Kitakyushu City', municipalities: ['kitakyushu'], topics: ['treatment.operations'] },
      { kind: 'DISCUSSION', title: 'Group 1', municipalities: ['kitakyushu', 'kurume'] },
    ];
    await importer.import(ctx, doc(agenda));
    const [row] = await db.dataSource.query(`SELECT agenda FROM event WHERE key = 'kyushu-session-2027'`);
    expect(row.agenda).toEqual([agenda[0], { ...agenda[1], topics: [] }]);
    const exported = JSON.parse(await exporter.exportToString(ctx));
    expect(exported.events[0].agenda).toEqual([agenda[0], { ...agenda[1], topics: [] }]);
    const again = await importer.import(ctx, doc(agenda));
    expect(again.sections.events).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const changed = await importer.import(ctx, doc([agenda[0]]));
    expect(changed.sections.events).toMatchObject({ updated: 1 });
  });

  it('names an unknown municipality or topic of an agenda by its path, and writes nothing', async () => {
    const error = await importer.import(ctx, doc([{ kind: 'DISCUSSION', title: 'Group 1', municipalities: ['kurume', 'atlantis'], topics: ['no-such-topic'] }])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDocumentError);
    expect((error as InvalidDocumentError).details.map((d) => d.path).sort()).toEqual(['$.events[0].agenda[0].municipalities[1]', '$.events[0].agenda[0].topics[0]']);
    const bad = await importer.import(ctx, doc([{ kind: 'LUNCH', title: 'Lunch' }])).catch((e: unknown) => e);
    expect((bad as InvalidDocumentError).details[0]!.path).toBe('$.events[0].agenda[0].kind');
  });
});
