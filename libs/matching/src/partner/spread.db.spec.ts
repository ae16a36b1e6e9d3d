import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertExpertise, insertMunicipality, insertNeed } from '@kakehashi/testing';
import { createMatchingHarness, type MatchingHarness } from '../../test/matching-harness';

let h: MatchingHarness;
beforeAll(async () => {
  h = await createMatchingHarness();
});
afterAll(() => h?.db.drop());

const LEAK = 'nrw.leak-detection';
const JP = { kind: 'LOCAL_GOVERNMENT' as const, country: 'JP', region: 'Kanto', languages: ['ja', 'en'], population: 1_000_000, capacity: null, latitude: 35.5, longitude: 139.7 };

describe('spread without declared capacity: how often a body is already suggested (issue 8 part 4)', () => {
  it('a bureau that would top every open need holds no more than a third of their top-3 places, says so with its cost and the needs it names, and stays on every list', async () => {
    const ds = h.db.dataSource;
    // One bureau strong everywhere, and four others each as strong on the topic as it is nearly.
    const big = await insertMunicipality(ds, { ...JP, key: 'spread-big', name: 'Big City' });
    await insertExpertise(ds, big, LEAK, { level: 5 });
    for (const k of ['p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x']) await insertExpertise(ds, await insertMunicipality(ds, { ...JP, key: `spread-${k}` }), LEAK, { level: 4 });
    const needs = [];
    for (let i = 0; i < 6; i++) {
      const utility = await insertMunicipality(ds, { kind: 'UTILITY', country: 'ID', region: 'Asia', languages: ['en'], key: `spread-utility-${i}` });
      needs.push(await insertNeed(ds, utility, { key: `spread-need-${i}`, title: `Leakage ${i}`, topics: [LEAK], schemes: [] }));
    }
    const lists = await Promise.all(needs.map((n) => h.partners.partnerSuggestions(h.ctx, n.key, 10)));
    const tops = lists.map((l) => l.slice(0, 3).map((s) => s.municipality.key));
    // Without the spread it would be first on all six; a third of them is two.
    expect(tops.filter((t) => t.includes(big.key)).length).toBeLessThanOrEqual(2);
    const seen = lists.flat().find((s) => s.municipality.key === big.key)!;
    const m = seen.mismatches.find((x) => x.kind === 'OFTEN_SUGGESTED')!;
    expect(m.weight).toBeGreaterThan(0);
    expect(m.detail).toMatch(/first three for 6 of 6 open needs/);
    expect(m.records.filter((r) => r.type === 'NEED').map((r) => r.key)).toEqual(['spread-need-0', 'spread-need-1', 'spread-need-2']);
    for (const s of lists.flat()) expect(s.reasons.reduce((sum, r) => sum + r.weight, 0)).toBeCloseTo(s.score, 3);
    // Spreading reorders, it does not hide: the bureau is still on every list.
    for (const l of lists) expect(l.map((s) => s.municipality.key)).toContain(big.key);
  });
});
