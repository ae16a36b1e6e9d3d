import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { CalendarService, TaxonomyService } from '@kakehashi/directory';
import { InterchangeImportService, sampleDirectoryPath } from '@kakehashi/interchange';
import { systemContext, type RequestContext } from '@kakehashi/kernel';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { FactsQueryService } from '../facts/facts-query.service';
import { MATCHING_ENTITIES } from '../feedback/feedback.entity';
import { PartnerSuggestionService } from '../partner/partner-suggestion.service';
import { EvaluationService, type EvaluationReport } from './evaluation.service';

let db: TestDatabase;
let evaluation: EvaluationService;
let importer: InterchangeImportService;
let report: EvaluationReport;
const ctx = systemContext('evaluation-spec');
const counts = async () => (await db.dataSource.query(`SELECT (SELECT count(*) FROM partnership)::int AS p, (SELECT count(*) FROM case_study)::int AS c, (SELECT count(*) FROM expertise)::int AS e, (SELECT string_agg(status::text, ',' ORDER BY key) FROM partnership) AS s`))[0];
const load = async (tx: RequestContext, doc: unknown) => void (await importer.import(tx, doc));

beforeAll(async () => {
  db = await createTestDatabase(MATCHING_ENTITIES);
  const conn = new TransactionalConnection(db.dataSource);
  const taxonomy = new TaxonomyService(conn);
  importer = new InterchangeImportService(conn, taxonomy, new AuditService(conn));
  await importer.importText(ctx, readFileSync(sampleDirectoryPath(), 'utf8'));
  const facts = new FactsQueryService(conn, taxonomy, new CalendarService());
  evaluation = new EvaluationService(conn, facts, new PartnerSuggestionService(facts));
  const before = await counts();
  report = await evaluation.run(ctx, { load });
  expect(await counts()).toEqual(before);
}, 300_000);
afterAll(() => db?.drop());

const mode = (name: string) => report.modes.find((m) => m.mode === name)!;
const method = (m: string, name: string) => mode(m).methods.find((x) => x.method === name)!;

describe('evaluation on the sample directory', () => {
  it('evaluates every documented partnership with a partner and topics history-only, and every completed one on the declared directory', () => {
    expect(mode('history-only').cases).toHaveLength(38);
    expect(mode('as-of-start').cases.length).toBeGreaterThan(50);
    expect(mode('leave-one-out').cases).toHaveLength(mode('as-of-start').cases.length);
  });

  it('never lets the matcher cite the partnership it is asked to find', () => {
    for (const m of report.modes) for (const c of m.cases) expect(c.cited).not.toContain(`PARTNERSHIP:${c.partnershipKey}`);
  });

  it('history-only: ahead of the 3-term heuristic on Hit@3 and MRR, every real provider suggested, no body in more than a third of the top-3 lists', () => {
    const matcher = method('history-only', 'matcher');
    const heuristic = method('history-only', 'heuristic (3-term)');
    // Strictly ahead (73.7% vs 71.0%, 0.609 vs 0.582 on this set): the spreading costs take a
    // share of a score, not a constant, so they no longer swamp the weak cases (docs/matching.md).
    expect(matcher.hit3).toBeGreaterThan(heuristic.hit3);
    expect(matcher.mrr).toBeGreaterThan(heuristic.mrr);
    expect(matcher.coverage).toBeGreaterThanOrEqual(0.95);
    expect(matcher.top3Share).toBeLessThanOrEqual(1 / 3);
    expect(matcher.top3Share).toBeLessThan(heuristic.top3Share);
    // Without the spread the same matcher concentrates again: the spread is what holds the share.
    const ablation = (group: string) => mode('history-only').ablation.find((a) => a.without === group)!.metrics;
    expect(ablation('often suggested').top3Share).toBeGreaterThan(1 / 3);
    // Every other variant is spread over the board as it ranks it, so each holds the third too.
    for (const a of mode('history-only').ablation) if (a.without !== 'often suggested') expect(a.metrics.top3Share).toBeLessThanOrEqual(1 / 3);
    for (const baseline of ['popularity', 'topic-only', 'country-only']) expect(matcher.mrr).toBeGreaterThan(method('history-only', baseline).mrr);
  });

  it('history-only: reports the weights fitted on each fold', () => {
    const m = mode('history-only');
    expect(m.folds).toHaveLength(5);
    expect(m.folds!.reduce((s, f) => s + f.cases, 0)).toBeGreaterThan(30);
    for (const f of m.folds!) expect(f.weights['COUNTRY_EXPERIENCE']).toBeGreaterThan(0);
  });

  it('declared directory: beats popularity, country-only and the heuristic on Hit@3 and MRR in both modes', () => {
    for (const name of ['leave-one-out', 'as-of-start']) {
      const matcher = method(name, 'matcher');
      for (const baseline of ['popularity', 'country-only', 'heuristic (3-term)']) {
        expect(matcher.hit3).toBeGreaterThan(method(name, baseline).hit3);
        expect(matcher.mrr).toBeGreaterThan(method(name, baseline).mrr);
      }
    }
  });

  it('is deterministic', async () => {
    const again = await evaluation.run(ctx, { modes: ['history-only'], load });
    expect(again.modes[0]).toEqual(mode('history-only'));
  });

  it('reads a file of documented partnerships on its own, and names what is wrong in one', async () => {
    const file = {
      japaneseBodies: [
        { key: 'alpha', name: 'Alpha City', latitude: 35, longitude: 139 },
        { key: 'beta', name: 'Beta City', latitude: 34, longitude: 135 },
      ],
      partners: [
        { key: 'p1', name: 'Partner One', country: 'VN' },
        { key: 'p2', name: 'Partner Two', country: 'VN' },
      ],
      partnerships: [
        { provider: 'alpha', partner: 'p1', scheme: 'JICA_GRASSROOTS', topics: ['nrw'], startYear: 2010, ongoing: false },
        { provider: 'alpha', partner: 'p2', scheme: 'JICA_GRASSROOTS', topics: ['nrw.leak-detection'], startYear: 2015, ongoing: false },
        { provider: 'beta', partner: null, scheme: 'JICA_ISSUE_SPECIFIC_TRAINING', topics: ['people'], startYear: 2012, ongoing: true },
      ],
    };
    const r = await evaluation.run(ctx, { historyFile: file, load });
    expect(r.modes.map((m) => m.mode)).toEqual(['history-only']);
    expect(r.modes[0]!.cases.map((c) => c.providerKeys)).toEqual([['alpha'], ['alpha']]);
    expect(r.modes[0]!.methods[0]!.hit1).toBe(1);
    // A partnership two Japanese bodies carried is one case (the partner posts one need); either counts.
    const joint = { ...file, partnerships: [...file.partnerships, { providers: ['beta', 'alpha'], partner: 'p2', scheme: 'JICA_GRASSROOTS', topics: ['nrw'], startYear: 2020, ongoing: false }] };
    const j = await evaluation.run(ctx, { historyFile: joint, load });
    expect(j.modes[0]!.cases.map((c) => c.providerKeys)).toEqual([['alpha'], ['alpha'], ['beta', 'alpha']]);
    expect(j.modes[0]!.cases[2]!.ranks['matcher']).toBe(1); // alpha, who worked with p2 before, is first: a hit though beta is listed first
    await expect(evaluation.run(ctx, { historyFile: { ...file, partnerships: [{ provider: 'gamma', partner: 'p9', topics: ['nrw.nope'] }] }, load })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: expect.arrayContaining([
        { path: '$.partnerships[0].provider', message: 'unknown Japanese body "gamma"' },
        { path: '$.partnerships[0].partner', message: 'unknown partner "p9"' },
        { path: '$.partnerships[0].topics[0]', message: 'unknown topic "nrw.nope"' },
      ]),
    });
  });
});
