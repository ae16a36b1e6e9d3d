import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { CalendarService, TaxonomyService } from '@kakehashi/directory';
import { systemContext } from '@kakehashi/kernel';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { SECTIONS } from '../document';
import { InterchangeImportService } from '../import/import.service';
import { sampleDirectoryPath } from '../sample-data/sample-directory';
import { InterchangeExportService } from './export.service';

interface Side {
  db: TestDatabase;
  importer: InterchangeImportService;
  exporter: InterchangeExportService;
}

/** Every side reads the directory on the same day, after the sample's first needs have expired. */
const calendar = new CalendarService(null, () => new Date('2026-12-01T03:00:00Z'));

async function side(): Promise<Side> {
  const db = await createTestDatabase();
  const tx = new TransactionalConnection(db.dataSource);
  return { db, importer: new InterchangeImportService(tx, new TaxonomyService(tx), new AuditService(tx), calendar), exporter: new InterchangeExportService(tx, calendar) };
}

const ctx = systemContext('export-spec');
const sampleText = readFileSync(sampleDirectoryPath(), 'utf8');
let source: Side;
let target: Side;
let empty: Side;
let exported: string;

beforeAll(async () => {
  [source, target, empty] = await Promise.all([side(), side(), side()]);
  await source.importer.importText(ctx, sampleText);
  exported = await source.exporter.exportToString(ctx);
});
afterAll(() => Promise.all([source, target, empty].map((s) => s?.db.drop())));

describe('export', () => {
  it('is canonical: exactly JSON.stringify(document, null, 2) plus a newline', () => {
    const doc = JSON.parse(exported);
    expect(exported).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(Object.keys(doc)).toEqual(['format', ...SECTIONS]);
    expect(doc.format).toBe('kakehashi/v1');
  });

  it('holds every record of the sample, sorted by key, every field present', () => {
    const doc = JSON.parse(exported);
    const sample = JSON.parse(sampleText);
    for (const section of SECTIONS) expect(doc[section], section).toHaveLength(sample[section].length);
    const keys: string[] = doc.municipalities.map((m: { key: string }) => m.key);
    expect(keys).toEqual([...keys].sort());
    const pairs: string[] = doc.expertise.map((e: { municipality: string; topic: string }) => `${e.municipality} ${e.topic}`);
    expect(pairs).toEqual([...pairs].sort());
    for (const m of doc.municipalities) expect(Object.keys(m)).toHaveLength(19);
    const need = doc.needs.find((n: { expiresOn: string | null }) => n.expiresOn === null);
    expect(need).toHaveProperty('source', null);
    expect(doc.partnerships.every((p: { outcomes: unknown[] }) => Array.isArray(p.outcomes))).toBe(true);
  });

  it('writes an open need past its expiresOn as EXPIRED, and the rest as recorded', () => {
    const doc = JSON.parse(exported);
    const sample = JSON.parse(sampleText);
    const expired = sample.needs.filter((n: { status?: string; expiresOn?: string | null }) => (n.status ?? 'OPEN') === 'OPEN' && n.expiresOn && n.expiresOn < '2026-12-01');
    expect(expired.map((n: { key: string }) => n.key)).toContain('makassar-leakage');
    for (const need of doc.needs) {
      const recorded = sample.needs.find((n: { key: string }) => n.key === need.key);
      expect(need.status, need.key).toBe(expired.includes(recorded) ? 'EXPIRED' : (recorded.status ?? 'OPEN'));
    }
  });

  it('keeps children in their stored order', () => {
    const doc = JSON.parse(exported);
    const sample = JSON.parse(sampleText);
    for (const p of sample.partnerships) {
      const out = doc.partnerships.find((x: { key: string }) => x.key === p.key);
      expect(out.topics).toEqual(p.topics ?? []);
      expect(out.members).toEqual(p.members ?? []);
    }
  });

  it('round-trips: export → import into an empty database → export is byte-identical', async () => {
    const report = await target.importer.importText(ctx, exported);
    for (const section of SECTIONS) expect(report.sections[section].unchanged, section).toBe(0);
    expect(await target.exporter.exportToString(ctx)).toBe(exported);
    // EXPIRED came back as the open need it was: stored OPEN with its expiresOn.
    const [row] = await target.db.dataSource.query(`SELECT status, to_char(expires_on, 'YYYY-MM-DD') AS expires_on FROM need WHERE key = 'makassar-leakage'`);
    expect(row).toEqual({ status: 'OPEN', expires_on: '2026-03-31' });
  });

  it('import(export) into the source reports everything unchanged', async () => {
    const report = await source.importer.importText(ctx, exported);
    for (const section of SECTIONS) expect(report.sections[section], section).toMatchObject({ created: 0, updated: 0 });
  });

  it('pages through the tables without changing a byte', async () => {
    const progress: string[] = [];
    const paged = await source.exporter.exportToString(ctx, { pageSize: 7, progress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`) });
    expect(paged).toBe(exported);
    const n = JSON.parse(exported).municipalities.length;
    expect(progress).toContain(`municipalities:7/${n}`);
    expect(progress).toContain(`municipalities:${n}/${n}`);
  });

  it('of an empty directory is a valid document with empty sections', async () => {
    const text = await empty.exporter.exportToString(ctx);
    expect(JSON.parse(text)).toEqual({ format: 'kakehashi/v1', ...Object.fromEntries(SECTIONS.map((s) => [s, []])) });
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});
