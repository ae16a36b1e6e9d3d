import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { TaxonomyService } from '@kakehashi/directory';
import { InterchangeImportService, sampleDirectoryPath } from '@kakehashi/interchange';
import { systemContext } from '@kakehashi/kernel';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { FactsQueryService } from '../facts/facts-query.service';
import { MATCHING_ENTITIES } from '../feedback/feedback.entity';
import { PartnerSuggestionService } from '../partner/partner-suggestion.service';
import { EvaluationService, type EvaluationReport } from './evaluation.service';

let db: TestDatabase;
let evaluation: EvaluationService;
let report: EvaluationReport;
const ctx = systemContext('evaluation-spec');
const counts = async () => (await db.dataSource.query(`SELECT (SELECT count(*) FROM partnership)::int AS p, (SELECT count(*) FROM case_study)::int AS c, (SELECT string_agg(status::text, ',' ORDER BY key) FROM partnership) AS s`))[0];

beforeAll(async () => {
  db = await createTestDatabase(MATCHING_ENTITIES);
  const conn = new TransactionalConnection(db.dataSource);
  const taxonomy = new TaxonomyService(conn);
  await new InterchangeImportService(conn, taxonomy, new AuditService(conn)).importText(ctx, readFileSync(sampleDirectoryPath(), 'utf8'));
  const facts = new FactsQueryService(conn, taxonomy);
  evaluation = new EvaluationService(conn, facts, new PartnerSuggestionService(facts));
  const before = await counts();
  report = await evaluation.run(ctx);
  expect(await counts()).toEqual(before);
}, 180_000);
afterAll(() => db?.drop());

const method = (mode: string, name: string) => report.modes.find((m) => m.mode === mode)!.methods.find((m) => m.method === name)!;

describe('leave-one-out evaluation on the sample directory', () => {
  it('evaluates every completed partnership with a provider and a recipient, and leaves the directory as it was', () => {
    for (const m of report.modes) expect(m.cases).toHaveLength(35);
    expect(report.municipalities).toBe(72);
  });

  it('never lets the matcher cite the partnership it is asked to find', () => {
    for (const m of report.modes) for (const c of m.cases) expect(c.cited).not.toContain(`PARTNERSHIP:${c.partnershipKey}`);
  });

  it('beats popularity and random on Hit@3 and MRR in both modes', () => {
    for (const mode of ['leave-one-out', 'as-of-start']) {
      const matcher = method(mode, 'matcher');
      for (const baseline of ['popularity', 'random (expected)']) {
        expect(matcher.hit3).toBeGreaterThan(method(mode, baseline).hit3);
        expect(matcher.mrr).toBeGreaterThan(method(mode, baseline).mrr);
      }
    }
  });

  it('beats topic-only on Hit@3 and MRR when it sees the directory as it stood at each partnership’s start', () => {
    expect(method('as-of-start', 'matcher').hit3).toBeGreaterThan(method('as-of-start', 'topic-only').hit3);
    expect(method('as-of-start', 'matcher').mrr).toBeGreaterThan(method('as-of-start', 'topic-only').mrr);
  });

  it('is deterministic', async () => {
    const again = await evaluation.run(ctx, { modes: ['leave-one-out'] });
    expect(again.modes[0]).toEqual(report.modes.find((m) => m.mode === 'leave-one-out'));
  });
});
