import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessService } from '@kakehashi/auth';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { createRequestContext, systemContext } from '@kakehashi/kernel';
import { createTestDatabase, insertCaseStudy, insertMunicipality, insertNeed, searchEntriesOutOfStep, type TestDatabase } from '@kakehashi/testing';
import { RecordAccess } from '../access/record-access';
import { CalendarService } from '../calendar/calendar.service';
import { ExpertiseService } from '../expertise/expertise.service';
import { KnowledgeCommandService } from '../knowledge/knowledge-command.service';
import { MunicipalityCommandService } from '../municipality/municipality-command.service';
import { MunicipalityQueryService } from '../municipality/municipality-query.service';
import { NeedCommandService } from '../need/need-command.service';
import { PartnershipCommandService } from '../partnership/partnership-command.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { SearchService } from './search.service';

/*
 * The search table (ADR 28) on a real database: it says what the directory says after every kind of
 * write — the services' creates, updates and deletes, topic changes, cascades, plain SQL — in the
 * writing transaction; and Japanese text is found by its grams.
 */
let db: TestDatabase;
let search: SearchService;
const ctx = systemContext('search-entry-spec');
const reader = createRequestContext();
let municipalities: MunicipalityCommandService;
let needs: NeedCommandService;
let partnerships: PartnershipCommandService;
let knowledge: KnowledgeCommandService;
let expertise: ExpertiseService;

const keys = async (text: string): Promise<string[]> => (await search.search(reader, text, 20)).map((h) => `${h.kind}:${h.key}`);

beforeAll(async () => {
  db = await createTestDatabase();
  const conn = new TransactionalConnection(db.dataSource);
  const taxonomy = new TaxonomyService(conn);
  const audit = new AuditService(conn);
  const access = new RecordAccess(new AccessService(conn));
  const calendar = new CalendarService();
  const queries = new MunicipalityQueryService(conn, taxonomy, calendar);
  municipalities = new MunicipalityCommandService(conn, audit, access, calendar);
  needs = new NeedCommandService(conn, taxonomy, queries, audit, access, calendar);
  partnerships = new PartnershipCommandService(conn, taxonomy, queries, audit, access, calendar);
  knowledge = new KnowledgeCommandService(conn, taxonomy, queries, audit, access);
  expertise = new ExpertiseService(conn, taxonomy, audit, access, calendar);
  search = new SearchService(conn);
});
afterAll(() => db?.drop());

describe('search_entry', () => {
  it('follows the services: create, update, topics, expertise and delete, each in its own transaction', async () => {
    await municipalities.create(ctx, { key: 'matsue', name: 'Matsue City', nameJa: '松江市', kind: 'LOCAL_GOVERNMENT', country: 'JP' });
    await municipalities.create(ctx, { key: 'hue', name: 'Hue City', kind: 'UTILITY', country: 'VN' });
    expect(await keys('matsue')).toEqual(['MUNICIPALITY:matsue']);
    expect(await keys('松江')).toEqual(['MUNICIPALITY:matsue']);

    await municipalities.update(ctx, { key: 'matsue', version: 1, name: 'Matsue' });
    expect(await searchEntriesOutOfStep(db.dataSource)).toEqual([]);
    await needs.create(ctx, { key: 'hue-meters', municipality: 'hue', title: 'Replace customer meters', description: 'Billing rests on estimates.' });
    await partnerships.create(ctx, {
      key: 'matsue-hue',
      title: 'Matsue and Hue: water safety plans',
      members: [
        { municipality: 'matsue', role: 'PROVIDER' },
        { municipality: 'hue', role: 'RECIPIENT' },
      ],
    });
    await knowledge.createCaseStudy(ctx, { key: 'cs-matsue-hue', title: 'Lake water treatment with Hue', municipality: 'matsue' });
    expect(await keys('meters')).toEqual(['NEED:hue-meters']);
    expect(await searchEntriesOutOfStep(db.dataSource)).toEqual([]);

    // Topics live in child tables; the entry's topics follow them (the taxonomy signal reads them).
    expect(await keys('検針')).toEqual([]); // a Japanese synonym of nrw.metering
    await needs.update(ctx, { key: 'hue-meters', version: 1, topics: ['nrw.metering'] });
    await expertise.set(ctx, { municipality: 'hue', topic: 'nrw.metering', level: 4 });
    expect(await keys('検針')).toEqual(['MUNICIPALITY:hue', 'NEED:hue-meters']);
    expect(await searchEntriesOutOfStep(db.dataSource)).toEqual([]);
    await expertise.remove(ctx, 'hue', 'nrw.metering');
    expect(await keys('検針')).toEqual(['NEED:hue-meters']);

    await needs.update(ctx, { key: 'hue-meters', version: 2, title: 'Smart meters for Hue' });
    expect(await keys('replace customer')).toEqual([]);
    expect(await keys('smart meters')).toEqual(['NEED:hue-meters']);
    expect(await searchEntriesOutOfStep(db.dataSource)).toEqual([]);

    // Deleting a municipality cascades to its needs and members, and sets its case studies' owner to null.
    await municipalities.delete(ctx, 'hue', 1);
    expect((await keys('hue')).sort()).toEqual(['CASE_STUDY:cs-matsue-hue', 'PARTNERSHIP:matsue-hue']);
    expect(await keys('smart meters')).toEqual([]);
    expect(await searchEntriesOutOfStep(db.dataSource)).toEqual([]);
  });

  it('follows plain SQL too, set-based, and rolls back with the transaction that wrote it', async () => {
    const m = await insertMunicipality(db.dataSource, { key: 'tottori', name: 'Tottori City' });
    for (let i = 0; i < 3; i++) await insertNeed(db.dataSource, m, { key: `tottori-need-${i}`, title: `Tottori need ${i}` });
    await insertCaseStudy(db.dataSource, { key: 'cs-tottori', title: 'Dune sand filters', municipalityId: m.id, topics: ['treatment.water-quality'] });
    await db.dataSource.query(`UPDATE need SET title = 'Sand dunes ' || key WHERE key LIKE 'tottori-need-%'`);
    const needsOf = async (text: string) => (await keys(text)).filter((k) => k.startsWith('NEED:')).sort();
    expect(await needsOf('sand dunes')).toEqual(['NEED:tottori-need-0', 'NEED:tottori-need-1', 'NEED:tottori-need-2']);
    await db.dataSource.query(`DELETE FROM case_study_topic WHERE case_study_id IN (SELECT id FROM case_study WHERE key = 'cs-tottori')`);
    expect(await searchEntriesOutOfStep(db.dataSource)).toEqual([]);

    await db.dataSource
      .transaction(async (tx) => {
        await tx.query(`UPDATE municipality SET name = 'Inaba' WHERE key = 'tottori'`);
        expect((await tx.query(`SELECT title FROM search_entry WHERE key = 'tottori'`))[0].title).toBe('Inaba');
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await keys('inaba')).toEqual([]);
    expect(await searchEntriesOutOfStep(db.dataSource)).toEqual([]);

    await db.dataSource.query('TRUNCATE need_topic');
    await db.dataSource.query(`DELETE FROM need WHERE key LIKE 'tottori-need-%'`);
    expect(await needsOf('sand dunes')).toEqual([]);
    expect(await searchEntriesOutOfStep(db.dataSource)).toEqual([]);
  });

  it('finds Japanese text by its grams: any substring, one character or more, never a mere neighbour', async () => {
    const m = await insertMunicipality(db.dataSource, { key: 'fukui', name: 'Fukui City', nameJa: '福井市' });
    await insertNeed(db.dataSource, m, { key: 'fukui-leaks', title: '漏水探知・修繕の支援を求む', description: '老朽管からの漏水調査が多く、修繕に時間がかかっている。' });
    await insertNeed(db.dataSource, m, { key: 'fukui-quake', title: '浄水場の耐震化', description: '耐震診断を急ぐ。' });
    expect(await keys('漏水調査')).toEqual(['NEED:fukui-leaks']);
    expect(await keys('浄水場')).toContain('NEED:fukui-quake');
    expect(await keys('福井')).toEqual(['MUNICIPALITY:fukui']);
    expect(await keys('査調')).toEqual([]); // both characters are there, not in this order
    expect(await keys('耐')).toEqual(['NEED:fukui-quake']);
    const [{ grams }] = await db.dataSource.query(`SELECT kk_search_grams('fukui 福井市 water') AS grams`);
    expect([...grams].sort()).toEqual(['井', '井市', '市', '福', '福井'].sort());
  });
});
