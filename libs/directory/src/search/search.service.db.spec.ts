import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactionalConnection } from '@kakehashi/database';
import { createRequestContext } from '@kakehashi/kernel';
import { createTestDatabase, insertCaseStudy, insertMunicipality, insertNeed, insertPartnership, type TestDatabase } from '@kakehashi/testing';
import { SearchService, searchStatement } from './search.service';

let db: TestDatabase;
let search: SearchService;
const ctx = createRequestContext();

beforeAll(async () => {
  db = await createTestDatabase();
  search = new SearchService(new TransactionalConnection(db.dataSource));
  const ds = db.dataSource;
  const kawasaki = await insertMunicipality(ds, { key: 'kawasaki', name: 'Kawasaki City', nameJa: '川崎市', organization: 'Kawasaki City Waterworks and Sewerage Bureau', region: 'Kanto' });
  const yokohama = await insertMunicipality(ds, { key: 'yokohama', name: 'Yokohama City', nameJa: '横浜市', organization: 'Yokohama Waterworks Bureau', region: 'Kanto' });
  const makassar = await insertMunicipality(ds, { key: 'makassar', name: 'Makassar', country: 'ID', organization: 'PDAM Makassar' });
  await insertMunicipality(ds, { key: 'kawaguchi', name: 'Kawaguchi City', nameJa: '川口市' });
  await insertNeed(ds, makassar, { key: 'makassar-leakage', title: 'Reduce underground leakage', description: 'Half of the water produced is lost through leaks in old pipes.' });
  await insertNeed(ds, makassar, { key: 'makassar-meters', title: 'Replace customer meters', description: 'Billing is based on estimates.', topics: ['nrw.metering'] });
  await insertNeed(ds, yokohama, { key: 'yokohama-pr', title: 'Tell citizens about international work', description: 'Public relations for the 50th anniversary.' });
  await insertPartnership(ds, { key: 'kawasaki-makassar-2022', title: 'Kawasaki and Makassar grassroots cooperation', summary: 'Acoustic surveys and repair training.', members: [{ municipality: kawasaki }, { municipality: makassar }] });
  await insertCaseStudy(ds, { key: 'yokohama-africa-training', title: 'Training urban waterworks engineers from Africa', municipalityId: yokohama.id, summary: 'Issue-specific training hosted in Yokohama.' });
});
afterAll(() => db?.drop());

describe('SearchService', () => {
  it('ranks the record whose title has the English word first, stems included', async () => {
    const hits = await search.search(ctx, 'leaks', 10);
    expect(hits[0]).toMatchObject({ kind: 'NEED', key: 'makassar-leakage' });
    expect(hits[0]!.score).toBeGreaterThan(0);
    expect(hits[0]!.score).toBeLessThanOrEqual(1);
  });

  it('finds records filed under a topic named in Japanese, though their own text is English', async () => {
    const hits = await search.search(ctx, '検針', 10); // a Japanese synonym of nrw.metering (meter reading)
    expect(hits.map((h) => h.key)).toEqual(['makassar-meters']);
    const parent = await search.search(ctx, '無収水', 10); // names the whole NRW domain: its children count
    expect(parent.map((h) => h.key)).toContain('makassar-meters');
    expect(parent.map((h) => h.key)).not.toContain('yokohama-pr');
  });

  it('forgives a typo through trigram similarity', async () => {
    const hits = await search.search(ctx, 'leakge', 10);
    expect(hits[0]).toMatchObject({ kind: 'NEED', key: 'makassar-leakage', title: 'Reduce underground leakage' });
  });

  it('finds a Japanese name of two characters by substring, and not its neighbour', async () => {
    const hits = await search.search(ctx, '川崎', 10);
    expect(hits.map((h) => h.key)).toEqual(['kawasaki']);
    expect(hits[0]!.snippet).toContain('川崎市');
    expect((await search.search(ctx, '横浜', 10))[0]).toMatchObject({ kind: 'MUNICIPALITY', key: 'yokohama' });
  });

  it('puts the municipality before records that only mention it', async () => {
    const hits = await search.search(ctx, 'kawasaki', 10);
    expect(hits.map((h) => `${h.kind}:${h.key}`).slice(0, 2)).toEqual(['MUNICIPALITY:kawasaki', 'PARTNERSHIP:kawasaki-makassar-2022']);
  });

  it('takes % and _ literally', async () => {
    expect(await search.search(ctx, '%', 10)).toEqual([]);
    expect(await search.search(ctx, '_', 10)).toEqual([]);
  });

  it('refuses empty, blank and over-long text, and first out of range', async () => {
    for (const text of ['', '   ', 'x'.repeat(201)]) {
      await expect(search.search(ctx, text, 10)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'text' }] });
    }
    await expect(search.search(ctx, 'water', 101)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'first' }] });
  });

  it('limits the number of hits to first', async () => {
    expect(await search.search(ctx, 'city', 2)).toHaveLength(2);
  });

  it('finds its rows on the indexes of search_entry: no table or partition is read whole, whatever the signal', async () => {
    const runner = db.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query('SET LOCAL enable_seqscan = off'); // a table this small would be scanned anyway
      const plans: Record<string, string> = {};
      // PostgreSQL 15 fetches the topic arm's ids (`id = ANY(ARRAY(…))`) from a partition of a few rows
      // with the index condition on kind alone and the ids as a filter; 16 and later put both in the
      // index condition. Asserted where it holds; on 15 the other arms' assertions still apply.
      const [{ server_version_num: version }] = (await runner.query('SHOW server_version_num')) as { server_version_num: string }[];
      const idsInIndexCondition = Number(version) >= 160000;
      for (const text of ['leaks', 'leakge', '検針', 'kawasaki', '川崎']) {
        const { sql, params } = searchStatement(text, 10, '2026-01-01');
        plans[text] = ((await runner.query(`EXPLAIN ${sql}`, params)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
        expect(plans[text], text).not.toMatch(/Seq Scan on (search_entry\w*|municipality|need|partnership|case_study) /);
        // A partition read through its primary key by kind alone is the whole partition.
        if (idsInIndexCondition) expect(plans[text], text).not.toMatch(/Index Cond: \(kind = '\w+'::text\)\n/);
        expect(plans[text], text).toMatch(/search_entry_need_document_idx/);
      }
      for (const text of ['leaks', 'leakge', 'kawasaki']) expect(plans[text], text).toMatch(/search_entry_municipality_search_text_idx/);
      for (const text of ['検針', '川崎']) {
        expect(plans[text], text).toMatch(/search_entry_municipality_grams_idx/);
        expect(plans[text], text).not.toMatch(/search_text_idx/);
      }
      expect(plans['leakge']).toMatch(/search_entry_partnership_short_text_idx/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('sets the trigram threshold for its own statement only', async () => {
    const runner = db.dataSource.createQueryRunner();
    try {
      const before = (await runner.query('SHOW pg_trgm.word_similarity_threshold').catch(() => [{ pg_trgm_word_similarity_threshold: '0.6' }])) as Record<string, string>[];
      const { sql, params } = searchStatement('leakge', 10, '2026-01-01');
      expect(((await runner.query(sql, params)) as { key: string }[])[0]).toMatchObject({ key: 'makassar-leakage' });
      const after = (await runner.query('SHOW pg_trgm.word_similarity_threshold')) as Record<string, string>[];
      expect(Object.values(after[0]!)[0]).toBe(Object.values(before[0]!)[0]);
      expect(Object.values(after[0]!)[0]).not.toBe('0.45');
    } finally {
      await runner.release();
    }
  });
});
