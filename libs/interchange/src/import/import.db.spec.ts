import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { CalendarService, TaxonomyService } from '@kakehashi/directory';
import { systemContext } from '@kakehashi/kernel';
import { createTestDatabase, searchEntriesOutOfStep, type TestDatabase } from '@kakehashi/testing';
import { SECTIONS, type KakehashiDocument, type PartnershipRecord } from '../document';
import { InvalidDocumentError } from '../interchange.errors';
import { sampleDirectoryPath } from '../sample-data/sample-directory';
import { generateDirectory } from '../generate/generator';
import { InterchangeImportService, type ImportReport } from './import.service';

let db: TestDatabase;
let importer: InterchangeImportService;
const ctx = systemContext('import-spec');
const sampleText = readFileSync(sampleDirectoryPath(), 'utf8');
const sample = (): Required<KakehashiDocument> => JSON.parse(sampleText);

beforeAll(async () => {
  db = await createTestDatabase();
  const tx = new TransactionalConnection(db.dataSource);
  importer = new InterchangeImportService(tx, new TaxonomyService(tx), new AuditService(tx));
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await db.dataSource.query('TRUNCATE municipality, event, partnership, audit_log CASCADE');
});

const TABLES = ['municipality', 'expertise', 'need', 'need_topic', 'partnership', 'partnership_topic', 'partnership_member', 'partnership_outcome', 'case_study', 'case_study_topic', 'event'];
async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await db.dataSource.query(`SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
  return row;
}
/** version and updated_at of every versioned row, by table and key. */
async function versions(): Promise<string[]> {
  const rows: { v: string }[] = await db.dataSource.query(
    ['municipality', 'need', 'partnership', 'case_study', 'event']
      .map((t) => `SELECT '${t}/' || key || '@' || version || '@' || updated_at::text AS v FROM ${t}`)
      .concat(`SELECT 'expertise/' || municipality_id || topic_key || '@' || version || '@' || updated_at::text FROM expertise`)
      .join(' UNION ALL ') + ' ORDER BY 1',
  );
  return rows.map((r) => r.v);
}
const versionOf = async (table: string, key: string): Promise<number> => (await db.dataSource.query(`SELECT version FROM ${table} WHERE key = $1`, [key]))[0].version;
const only = (report: ImportReport) => Object.fromEntries(SECTIONS.flatMap((s) => (report.sections[s].created + report.sections[s].updated ? [[s, report.sections[s]]] : [])));

async function rejection(input: unknown): Promise<InvalidDocumentError> {
  const error = await importer.import(ctx, input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidDocumentError);
  return error as InvalidDocumentError;
}

describe('import of the sample directory', () => {
  it('creates every record of the file, with all their children', async () => {
    const s = sample();
    const report = await importer.importText(ctx, sampleText);
    for (const section of SECTIONS) expect(report.sections[section], section).toEqual({ created: s[section].length, updated: 0, unchanged: 0 });
    const sum = (xs: unknown[][]) => xs.reduce((n, x) => n + x.length, 0);
    expect(await rowCounts()).toEqual({
      municipality: s.municipalities.length,
      expertise: s.expertise.length,
      need: s.needs.length,
      need_topic: sum(s.needs.map((n) => n.topics ?? [])),
      partnership: s.partnerships.length,
      partnership_topic: sum(s.partnerships.map((p) => p.topics ?? [])),
      partnership_member: sum(s.partnerships.map((p) => p.members ?? [])),
      partnership_outcome: sum(s.partnerships.map((p) => p.outcomes ?? [])),
      case_study: s.caseStudies.length,
      case_study_topic: sum(s.caseStudies.map((c) => c.topics ?? [])),
      event: s.events.length,
    });
    const [audit] = await db.dataSource.query(`SELECT action, entity, after FROM audit_log`);
    expect(audit).toMatchObject({ action: 'import', entity: 'directory', after: { municipalities: { created: s.municipalities.length } } });
  });

  it('re-imported, changes nothing: all unchanged, no version or updated_at moves, no audit entry', async () => {
    await importer.importText(ctx, sampleText);
    const before = await versions();
    const counts = await rowCounts();
    const again = await importer.importText(ctx, sampleText);
    for (const section of SECTIONS) expect(again.sections[section], section).toEqual({ created: 0, updated: 0, unchanged: sample()[section].length });
    expect(await versions()).toEqual(before);
    expect(await rowCounts()).toEqual(counts);
    expect(await db.dataSource.query('SELECT count(*)::int AS n FROM audit_log')).toEqual([{ n: 1 }]);
  });

  it('leaves the search table in step (ADR 28): created, changed in place or only in children, and rolled back with a failed import', async () => {
    await importer.importText(ctx, sampleText);
    expect(await searchEntriesOutOfStep(db.dataSource)).toEqual([]);
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM search_entry');
    expect(n).toBe(sample().municipalities.length + sample().needs.length + sample().partnerships.length + sample().caseStudies.length);

    const s = sample();
    s.municipalities[0]!.name = 'Renamed Waterworks';
    s.needs[0]!.title = 'A retitled need';
    s.needs[1]!.topics = ['resilience.earthquake']; // only its children change
    s.partnerships[0]!.topics = [];
    s.expertise = s.expertise.map((e, i) => (i === 0 ? { ...e, topic: 'sewerage.reuse' } : e)); // a new topic for a municipality
    s.caseStudies.push({ key: 'cs-added-by-import', title: '漏水調査の新しい事例', provenance: 'ILLUSTRATIVE' });
    await importer.import(ctx, s);
    expect(await searchEntriesOutOfStep(db.dataSource)).toEqual([]);
    const entry = async (key: string) => (await db.dataSource.query('SELECT title, topics FROM search_entry WHERE key = $1', [key]))[0];
    expect(await entry(s.municipalities[0]!.key)).toMatchObject({ title: 'Renamed Waterworks' });
    expect(await entry(s.needs[0]!.key)).toMatchObject({ title: 'A retitled need' });
    expect((await entry(s.needs[1]!.key)).topics).toEqual(['resilience.earthquake']);
    expect((await entry(s.expertise[0]!.municipality)).topics).toContain('sewerage.reuse');
    expect(await entry('cs-added-by-import')).toMatchObject({ title: '漏水調査の新しい事例' });

    s.needs[2]!.title = 'Never written';
    s.needs[3]!.municipality = 'atlantis';
    await rejection(s);
    expect(await entry(s.needs[2]!.key)).not.toMatchObject({ title: 'Never written' });
    expect(await searchEntriesOutOfStep(db.dataSource)).toEqual([]);
  });

  it('reports progress per phase, ending at the total', async () => {
    const seen: string[] = [];
    await importer.importText(ctx, sampleText, { progress: (p) => seen.push(`${p.phase}:${p.done}/${p.total}`) });
    // Reading (and validating) first, counted in records for a parsed document…
    const records = SECTIONS.reduce((n, section) => n + sample()[section].length, 0);
    expect(seen.at(0)).toBe(`read:${records}/${records}`);
    expect(seen).toContain(`municipalities:${sample().municipalities.length}/${sample().municipalities.length}`);
    expect(seen).toContain(`events:${sample().events.length}/${sample().events.length}`);
  });
});

describe('a document with problems writes nothing', () => {
  it('one bad field: nothing is written and the error names its path', async () => {
    const s = sample();
    (s.municipalities[3] as { population: number }).population = -5;
    const error = await rejection(s);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual([{ path: '$.municipalities[3].population', message: 'must be at least 0' }]);
    expect(Object.values(await rowCounts()).every((n) => n === 0)).toBe(true);
  });

  it('one unknown reference: nothing is written and the error names its path', async () => {
    const s = sample();
    s.needs[5]!.municipality = 'atlantis';
    const error = await rejection(s);
    expect(error.details).toEqual([{ path: '$.needs[5].municipality', message: expect.stringContaining('unknown municipality "atlantis"') }]);
    expect(Object.values(await rowCounts()).every((n) => n === 0)).toBe(true);
  });

  it('leaves existing data exactly as it was', async () => {
    await importer.importText(ctx, sampleText);
    const before = await versions();
    const s = sample();
    s.municipalities[0]!.name = 'Renamed';
    s.expertise[0]!.level = 9;
    await rejection(s);
    expect(await versions()).toEqual(before);
    expect((await db.dataSource.query('SELECT name FROM municipality WHERE key = $1', [s.municipalities[0]!.key]))[0].name).not.toBe('Renamed');
  });

  it('malformed JSON is a BAD_USER_INPUT at $', async () => {
    const error = await importer.importText(ctx, '{"format": "kakehashi/v1",').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDocumentError);
    expect((error as InvalidDocumentError).details[0]!.path).toBe('$');
  });
});

describe('updates', () => {
  beforeEach(async () => {
    await importer.importText(ctx, sampleText);
  });

  it('a change to one field of one record reports exactly 1 updated and bumps only its version', async () => {
    const s = sample();
    const target = s.municipalities[10]!;
    target.population = (target.population ?? 0) + 1;
    const report = await importer.import(ctx, s);
    expect(only(report)).toEqual({ municipalities: { created: 0, updated: 1, unchanged: s.municipalities.length - 1 } });
    expect(await versionOf('municipality', target.key)).toBe(2);
    expect(await versionOf('municipality', s.municipalities[11]!.key)).toBe(1);
  });

  it('expertise is matched by (municipality, topic)', async () => {
    const s = sample();
    const e = s.expertise[0]!;
    e.level = e.level === 5 ? 4 : e.level + 1;
    expect(only(await importer.import(ctx, s))).toEqual({ expertise: { created: 0, updated: 1, unchanged: s.expertise.length - 1 } });
  });

  it('a removed member is detected, replaced, and makes its partnership updated', async () => {
    const s = sample();
    const p = s.partnerships.find((x) => (x.members ?? []).length >= 2) as PartnershipRecord;
    const removed = p.members!.pop()!;
    const report = await importer.import(ctx, s);
    expect(only(report)).toEqual({ partnerships: { created: 0, updated: 1, unchanged: s.partnerships.length - 1 } });
    const members: { key: string }[] = await db.dataSource.query(
      `SELECT m.key FROM partnership_member c JOIN partnership p ON p.id = c.partnership_id JOIN municipality m ON m.id = c.municipality_id WHERE p.key = $1 ORDER BY c.position`,
      [p.key],
    );
    expect(members.map((m) => m.key)).toEqual(p.members!.map((m) => m.municipality));
    expect(members.map((m) => m.key)).not.toContain(removed.municipality);
    expect(await versionOf('partnership', p.key)).toBe(2);
  });

  it('an added outcome and a reordered topic list are changes too', async () => {
    const s = sample();
    const p = s.partnerships[0]!;
    p.outcomes = [...(p.outcomes ?? []), { indicator: 'TRAINEES', before: 0, after: 0.1 + 0.2, note: null }];
    const n = s.needs.find((x) => (x.topics ?? []).length >= 2)!;
    n.topics = [...n.topics!].reverse();
    const report = await importer.import(ctx, s);
    expect(only(report)).toEqual({
      needs: { created: 0, updated: 1, unchanged: s.needs.length - 1 },
      partnerships: { created: 0, updated: 1, unchanged: s.partnerships.length - 1 },
    });
    // Floating-point values compare exactly on the next import: nothing changes.
    const again = await importer.import(ctx, s);
    expect(only(again)).toEqual({});
  });

  it('records absent from the document are left alone, and references may point at the database', async () => {
    const s = sample();
    const existing = s.municipalities[0]!.key;
    const report = await importer.import(ctx, {
      format: 'kakehashi/v1',
      needs: [{ key: 'brand-new-need', municipality: existing, title: 'A new need', topics: ['nrw'] }],
    });
    expect(only(report)).toEqual({ needs: { created: 1, updated: 0, unchanged: 0 } });
    expect((await rowCounts()).municipality).toBe(s.municipalities.length);
    expect((await rowCounts()).need).toBe(s.needs.length + 1);
  });
});

describe('large documents, streamed', () => {
  const streamOf = (text: string) => Readable.from([Buffer.from(text)]);
  let generated: string;
  beforeAll(async () => {
    const parts: string[] = [];
    await generateDirectory({ write: (t) => void parts.push(t) }, { size: 400 });
    generated = parts.join('');
  });

  it('a generated directory arrives whole, children included; re-importing it changes nothing', async () => {
    const doc = JSON.parse(generated) as Required<KakehashiDocument>;
    const first = await importer.importStream(ctx, streamOf(generated));
    for (const section of SECTIONS) expect(first.sections[section], section).toEqual({ created: doc[section].length, updated: 0, unchanged: 0 });
    const counts = await rowCounts();
    const sum = (xs: { length: number }[]) => xs.reduce((n, x) => n + x.length, 0);
    expect(counts.need_topic).toBe(sum(doc.needs.map((n) => n.topics ?? [])));
    expect(counts.partnership_member).toBe(sum(doc.partnerships.map((p) => p.members ?? [])));
    expect(counts.partnership_outcome).toBe(sum(doc.partnerships.map((p) => p.outcomes ?? [])));
    const before = await versions();
    const again = await importer.importStream(ctx, streamOf(generated));
    expect(only(again)).toEqual({});
    expect(await versions()).toEqual(before);
  });

  it('refreshes the planner statistics of the tables it filled (no waiting for autovacuum)', async () => {
    const report = await importer.importStream(ctx, streamOf(generated));
    expect(report.analyzed).toEqual(expect.arrayContaining(['municipality', 'expertise', 'need', 'need_topic', 'partnership_member']));
    const [{ reltuples }] = await db.dataSource.query(`SELECT reltuples::int FROM pg_class WHERE relname = 'municipality'`);
    expect(reltuples).toBe(400);
    // A small follow-up import changes too little to be worth it (autovacuum's own threshold: 50 rows + 10 %).
    const small = await importer.import(ctx, { format: 'kakehashi/v1', events: [{ key: 'one-more-event', title: 'One more' }] });
    expect(small.analyzed).toEqual([]);
  });

  it('names the problems of a streamed document by their paths, and writes nothing', async () => {
    const doc = JSON.parse(generated);
    doc.municipalities[250].population = -3;
    doc.partnerships[7].members[0].municipality = 'nowhere-at-all';
    const error = await importer.importStream(ctx, streamOf(JSON.stringify(doc, null, 2))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDocumentError);
    expect((error as InvalidDocumentError).details.map((d) => d.path)).toEqual(['$.municipalities[250].population', '$.partnerships[7].members[0].municipality']);
    expect((await rowCounts()).municipality).toBe(0);
  });

  it('refuses malformed JSON at $', async () => {
    const error = await importer.importStream(ctx, streamOf(generated.slice(0, 5000))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDocumentError);
    expect((error as InvalidDocumentError).details[0]).toMatchObject({ path: '$', message: expect.stringMatching(/not valid JSON/) });
    expect((await rowCounts()).municipality).toBe(0);
  });
});

describe('lastConfirmedOn (ADR 8)', () => {
  const on = (day: string) => {
    const tx = new TransactionalConnection(db.dataSource);
    return new InterchangeImportService(tx, new TaxonomyService(tx), new AuditService(tx), new CalendarService(null, () => new Date(`${day}T03:00:00Z`)));
  };
  const confirmed = async (table: string, key: string): Promise<string> =>
    (await db.dataSource.query(`SELECT to_char(last_confirmed_on, 'YYYY-MM-DD') AS d FROM ${table} WHERE key = $1`, [key]))[0].d;
  const doc = (extra: Record<string, unknown> = {}, partnership: Record<string, unknown> = {}) => ({
    format: 'kakehashi/v1',
    municipalities: [{ key: 'oita', name: 'Oita City', kind: 'LOCAL_GOVERNMENT', country: 'JP', ...extra }],
    partnerships: [{ key: 'oita-network', title: 'Network', members: [{ municipality: 'oita', role: 'PEER' }], ...partnership }],
  });

  it('left out: new records get the import day; a later import keeps it unless the record changed', async () => {
    await on('2026-01-10').import(ctx, doc());
    expect(await confirmed('municipality', 'oita')).toBe('2026-01-10');
    expect(only(await on('2026-06-01').import(ctx, doc()))).toEqual({});
    expect(await confirmed('municipality', 'oita')).toBe('2026-01-10');
    expect(only(await on('2026-06-01').import(ctx, doc({ population: 475000 })))).toEqual({ municipalities: { created: 0, updated: 1, unchanged: 0 } });
    expect(await confirmed('municipality', 'oita')).toBe('2026-06-01');
  });

  it('given: written as the document says, and a change by itself', async () => {
    await on('2026-01-10').import(ctx, doc());
    expect(only(await on('2026-06-01').import(ctx, doc({ lastConfirmedOn: '2025-03-03' })))).toEqual({ municipalities: { created: 0, updated: 1, unchanged: 0 } });
    expect(await confirmed('municipality', 'oita')).toBe('2025-03-03');
    expect(only(await on('2026-06-01').import(ctx, doc({ lastConfirmedOn: '2025-03-03' })))).toEqual({});
  });

  it('a partnership changed only in its members takes the document’s day, or the import’s', async () => {
    await on('2026-01-10').import(ctx, doc());
    const twoMembers = { members: [{ municipality: 'oita', role: 'PEER' }, { municipality: 'oita-2', role: 'PEER' }] };
    const withSecond = { ...doc({}, twoMembers), municipalities: [...doc().municipalities, { key: 'oita-2', name: 'Oita 2', kind: 'LOCAL_GOVERNMENT', country: 'JP' }] };
    await on('2026-06-01').import(ctx, withSecond);
    expect(await confirmed('partnership', 'oita-network')).toBe('2026-06-01');
    const given = { ...withSecond, partnerships: [{ ...withSecond.partnerships[0], members: [{ municipality: 'oita-2', role: 'PEER' }], lastConfirmedOn: '2026-02-02' }] };
    await on('2026-07-01').import(ctx, given);
    expect(await confirmed('partnership', 'oita-network')).toBe('2026-02-02');
  });

  it('refuses a confirmation after the import day, naming its path', async () => {
    const error = await on('2026-06-01')
      .import(ctx, doc({ lastConfirmedOn: '2026-06-02' }))
      .catch((e: unknown) => e);
    expect((error as InvalidDocumentError).details).toEqual([{ path: '$.municipalities[0].lastConfirmedOn', message: 'must not be after today (2026-06-01)' }]);
  });
});
