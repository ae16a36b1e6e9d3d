import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { TaxonomyService } from '@kakehashi/directory';
import { InterchangeImportService, sampleDirectoryPath } from '@kakehashi/interchange';
import { systemContext } from '@kakehashi/kernel';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { FactsQueryService } from '../facts/facts-query.service';
import { MATCHING_ENTITIES } from '../feedback/feedback.entity';
import { PartnerSuggestionService } from './partner-suggestion.service';

let db: TestDatabase;
let partners: PartnerSuggestionService;
const ctx = systemContext('makassar-spec');

beforeAll(async () => {
  db = await createTestDatabase(MATCHING_ENTITIES);
  const conn = new TransactionalConnection(db.dataSource);
  const taxonomy = new TaxonomyService(conn);
  await new InterchangeImportService(conn, taxonomy, new AuditService(conn)).importText(ctx, readFileSync(sampleDirectoryPath(), 'utf8'));
  partners = new PartnerSuggestionService(new FactsQueryService(conn, taxonomy));
});
afterAll(() => db?.drop());

describe('partnerSuggestions on the sample directory', () => {
  it('puts Kawasaki near the top for Makassar’s leakage need, with readable reasons', async () => {
    const list = await partners.partnerSuggestions(ctx, 'makassar-leakage', 10);
    for (const s of list) console.log(s.municipality.key, s.score, s.reasons.map((r) => `${r.kind}:${r.weight}`).join(' '), '|', s.mismatches.map((r) => `${r.kind}:${r.weight}`).join(' '));
    console.log(JSON.stringify(list[0]!.reasons, null, 1));
    const rank = list.findIndex((s) => s.municipality.key === 'kawasaki');
    expect(rank).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(3);
    expect(list.map((s) => s.municipality.key)).not.toContain('makassar');
  });
});
