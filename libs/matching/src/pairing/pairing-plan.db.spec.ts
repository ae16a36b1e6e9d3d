import { describe, expect, it } from 'vitest';
import { insertExpertise, insertMunicipality, insertNeed, insertPartnership, uniqueKey } from '@kakehashi/testing';
import type { DataSource } from 'typeorm';
import { withMatchingHarness, type MatchingHarness } from '../../test/matching-harness';
import { QueryLog } from '@kakehashi/database';
import { PARTNER_PROFILE } from '../scoring/partner-score';
import { rankPartners } from '../partner/partner-suggestion.service';

let h: MatchingHarness;
let ds: DataSource;
withMatchingHarness((harness) => ([h, ds] = [harness, harness.db.dataSource]));

/** The best total over every feasible plan, by exhaustion over the plan's own candidate scores. */
function bruteForce(needs: string[], scores: Map<string, Map<string, number>>, capacity: Map<string, number>): number {
  let best = 0;
  const used = new Map<string, number>();
  const walk = (i: number, total: number) => {
    if (i === needs.length) return void (best = Math.max(best, total));
    walk(i + 1, total);
    for (const [provider, score] of scores.get(needs[i]!) ?? []) {
      if ((used.get(provider) ?? 0) >= (capacity.get(provider) ?? 0)) continue;
      used.set(provider, (used.get(provider) ?? 0) + 1);
      walk(i + 1, total + score);
      used.set(provider, used.get(provider)! - 1);
    }
  };
  walk(0, 0);
  return best;
}

describe('pairingPlan on a small directory', () => {
  it('beats greedy where greedy gives the one strong provider to the wrong need, and matches brute force', async () => {
    const recipient = await insertMunicipality(ds, { kind: 'UTILITY', country: 'VN', region: 'Asia', languages: ['en'] });
    const run = uniqueKey('p').slice(2);
    const n1 = await insertNeed(ds, recipient, { key: `n1-${run}`, topics: ['sewerage.septage'] });
    const n2 = await insertNeed(ds, recipient, { key: `n2-${run}`, topics: ['sewerage.reuse'] });
    const strong = await insertMunicipality(ds, { key: `strong-${run}`, languages: ['ja', 'en'], capacity: 1 });
    const narrow = await insertMunicipality(ds, { key: `narrow-${run}`, languages: ['ja', 'en'], capacity: 1 });
    await insertExpertise(ds, strong, 'sewerage.septage', { level: 5 });
    await insertExpertise(ds, strong, 'sewerage.reuse', { level: 5 });
    await insertExpertise(ds, narrow, 'sewerage.septage', { level: 4 });

    const plan = await h.pairing.pairingPlan(h.ctx, { needKeys: [n1.key, n2.key] });
    expect(plan.pairs.map((p) => `${p.need.key}:${p.municipality.key}`).sort()).toEqual([`${n1.key}:${narrow.key}`, `${n2.key}:${strong.key}`]);
    expect(plan.greedy.totalScore).toBeLessThan(plan.totalScore);
    expect(plan.distinctProviders).toBe(2);

    const scores = new Map<string, Map<string, number>>();
    for (const n of [n1, n2]) {
      const list = await h.partners.score({ ...h.ctx, actor: null }, await h.facts.taxonomy(h.ctx), (await h.facts.needsByKey(h.ctx, [n.key]))[0]!, {
        first: 10,
        needId: n.id,
        profile: { ...PARTNER_PROFILE, disabled: new Set(['CAPACITY']) },
      });
      scores.set(n.key, new Map(list.map((s) => [s.facts.municipality.key, s.card.score])));
    }
    const capacity = new Map(plan.providers.map((p) => [p.municipality.key, p.remaining]));
    for (const k of [strong.key, narrow.key]) capacity.set(k, 1);
    expect(plan.totalScore).toBeCloseTo(bruteForce([n1.key, n2.key], scores, capacity), 4);
  });

  it('never assigns more than the remaining capacity and says why a need is left out', async () => {
    const recipient = await insertMunicipality(ds, { kind: 'UTILITY', country: 'KH', region: 'Asia', languages: ['en'] });
    const run = uniqueKey('q').slice(2);
    const needs = await Promise.all([1, 2, 3].map((i) => insertNeed(ds, recipient, { key: `q${i}-${run}`, topics: ['resources.watershed'] })));
    const only = await insertMunicipality(ds, { key: `only-${run}`, languages: ['ja', 'en'], capacity: 3 });
    await insertExpertise(ds, only, 'resources.watershed', { level: 5 });
    await insertPartnership(ds, { status: 'ACTIVE', members: [{ municipality: only, role: 'PROVIDER' }, { municipality: await insertMunicipality(ds), role: 'RECIPIENT' }] });
    const plan = await h.pairing.pairingPlan(h.ctx, { needKeys: needs.map((n) => n.key) });
    expect(plan.pairs.filter((p) => p.municipality.key === only.key)).toHaveLength(2);
    expect(plan.providers.find((p) => p.municipality.key === only.key)).toMatchObject({ remaining: 2, assigned: 2 });
    expect(plan.unassigned).toHaveLength(1);
    expect(plan.unassigned[0]!.reason).toMatch(/given to needs|at capacity/);
  });

  it('reads the candidates of many needs at once: the same lists as one need at a time, in about 3 statements a need instead of 8', async () => {
    await h.importSample();
    const tax = await h.facts.taxonomy(h.ctx);
    const needs = await h.facts.needsByKey(h.ctx, await h.facts.recordedOpenNeedKeys(h.ctx, 12));
    expect(needs.length).toBeGreaterThan(5);
    const ranked = (p: { prepared: Parameters<typeof rankPartners>[1]; candidates: Parameters<typeof rankPartners>[2] }) =>
      rankPartners(tax, p.prepared, p.candidates, PARTNER_PROFILE, 10).map((s) => `${s.facts.municipality.key} ${s.card.score.toFixed(6)}`);
    const planCtx = { ...h.ctx, actor: null }; // as a plan reads: nobody's dismissals
    await h.partners.spread(planCtx, tax); // the board's spread, kept for minutes, is read first by both
    let before = QueryLog.statements;
    const one = [];
    for (const need of needs) one.push(await h.partners.prepare(planCtx, tax, need, need.id, 60));
    const oneByOne = QueryLog.statements - before;
    before = QueryLog.statements;
    const many = await h.partners.prepareMany(planCtx, tax, needs.map((need) => ({ need, needId: need.id })), 60);
    const together = QueryLog.statements - before;
    expect(many.map(ranked)).toEqual(one.map(ranked));
    expect(oneByOne).toBe(8 * needs.length);
    expect(together).toBeLessThanOrEqual(3 * needs.length + 5);
  });
});
