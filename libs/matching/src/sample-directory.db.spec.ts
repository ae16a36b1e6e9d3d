import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatchingHarness, type MatchingHarness } from '../test/matching-harness';

let h: MatchingHarness;
beforeAll(async () => {
  h = await createMatchingHarness();
  await h.importSample();
});
afterAll(() => h?.db.drop());

const keys = (list: { municipality: { key: string } }[]) => list.map((s) => s.municipality.key);

describe('partnerSuggestions on the sample directory', () => {
  it('ranks Kawasaki near the top for Makassar’s leakage need, with reasons a coordinator can check', async () => {
    const list = await h.partners.partnerSuggestions(h.ctx, 'makassar-leakage', 10);
    expect(keys(list).indexOf('kawasaki')).toBeGreaterThanOrEqual(0);
    expect(keys(list).indexOf('kawasaki')).toBeLessThan(3);
    expect(keys(list)).not.toContain('makassar');
    const kawasaki = list.find((s) => s.municipality.key === 'kawasaki')!;
    const kinds = kawasaki.reasons.map((r) => r.kind);
    // Its relationship with Makassar and Indonesia outweighs topic fit, as on real history.
    expect(['COUNTRY_EXPERIENCE', 'PRIOR_PARTNER']).toContain(kinds[0]);
    expect(kinds).toEqual(expect.arrayContaining(['TOPIC_FIT', 'EVIDENCE', 'PRIOR_PARTNER', 'COUNTRY_EXPERIENCE', 'SCHEME_FIT']));
    expect(kawasaki.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(kawasaki.score, 3);
    const prior = kawasaki.reasons.find((r) => r.kind === 'PRIOR_PARTNER')!;
    expect(prior.records).toContainEqual(expect.objectContaining({ type: 'PARTNERSHIP', key: 'kawasaki-makassar-leakage' }));
    expect(prior.detail).toMatch(/Makassar/);
    expect(prior.detailJa).toMatch(/マカッサル/);
    expect(kawasaki.reasons.find((r) => r.kind === 'TOPIC_FIT')!.records).toContainEqual(expect.objectContaining({ type: 'EXPERTISE', key: 'kawasaki:nrw.leak-detection' }));
    // Kawasaki's record is documented and declares no capacity, so no CAPACITY mismatch is claimed for it.
    expect(kawasaki.mismatches.map((r) => r.kind)).not.toContain('CAPACITY');
  });
});

describe('peerSuggestions on the sample directory', () => {
  it('names the intermediary who worked with both, and never suggests itself or a national agency', async () => {
    const list = await h.peers.peerSuggestions(h.ctx, 'kawasaki', 20);
    expect(keys(list)).not.toContain('kawasaki');
    expect(list.every((s) => s.municipality.kind !== 'NATIONAL_AGENCY')).toBe(true);
    const viaYokohama = list.find((s) => s.reasons.some((r) => r.kind === 'COMMON_PARTNER' && r.records.some((x) => x.type === 'MUNICIPALITY' && x.key === 'yokohama')))!;
    expect(viaYokohama).toBeDefined();
    expect(viaYokohama.reasons.find((r) => r.kind === 'COMMON_PARTNER')!.detail).toMatch(/Yokohama/);
  });

  it('connects municipalities with the same challenges', async () => {
    const list = await h.peers.peerSuggestions(h.ctx, 'makassar', 5);
    const surabaya = list.find((s) => s.municipality.key === 'surabaya');
    expect(list[0]!.reasons.map((r) => r.kind)).toContain('SHARED_CHALLENGE');
    expect(surabaya?.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['SHARED_CHALLENGE', 'NEIGHBOUR']));
  });
});

describe('mentorSuggestions on the sample directory', () => {
  it('suggests experienced Japanese bureaus nearby first, each with a three-stage pathway tied to records', async () => {
    const list = await h.mentors.mentorSuggestions(h.ctx, 'kurume', 5);
    expect(list.length).toBeGreaterThan(2);
    expect(keys(list).slice(0, 2)).toContain('kitakyushu');
    for (const s of list) {
      expect(s.municipality.country).toBe('JP');
      expect(s.municipality.overseasExperience).not.toBe('NONE');
      expect(s.pathway!.map((p) => p.kind)).toEqual(['STUDY_SESSION', 'CO_HOST_TRAINING', 'GRASSROOTS_PROPOSAL']);
      expect(s.pathway![0]!.records.some((r) => r.type === 'EVENT')).toBe(true);
      expect(s.pathway!.every((p) => p.titleJa.length > 0 && p.detailJa.length > 0)).toBe(true);
    }
    const proposal = list[0]!.pathway![2]!;
    expect(proposal.records.some((r) => r.type === 'NEED')).toBe(true);
  });
});

describe('consortiumSuggestions on the sample directory', () => {
  it('covers every topic of a two-topic need with at most three members, saying who covers what', async () => {
    const plans = await h.consortia.consortiumSuggestions(h.ctx, 'phnom-penh-sewage', 3);
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) {
      expect(p.members.length).toBeLessThanOrEqual(3);
      expect(p.uncoveredTopics).toEqual([]);
      expect(p.members.flatMap((m) => m.covers).sort()).toEqual(['people.engineer-training', 'sewerage.treatment']);
      expect(p.members.every((m) => m.covers.length > 0)).toBe(true);
    }
    expect(plans[0]!.reasons.find((r) => r.kind === 'COVERAGE')!.detail).toMatch(/Sewerage|Wastewater/i);
  });

  it('respects the size limit', async () => {
    const plans = await h.consortia.consortiumSuggestions(h.ctx, 'phnom-penh-sewage', 1);
    expect(plans.every((p) => p.members.length === 1)).toBe(true);
    await expect(h.consortia.consortiumSuggestions(h.ctx, 'phnom-penh-sewage', 4)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'size' }] });
  });
});

describe('pairingPlan on the sample directory', () => {
  it('plans every open need without overloading anyone and does at least as well as greedy', async () => {
    const plan = await h.pairing.pairingPlan(h.ctx, {});
    expect(plan.pairs.length + plan.unassigned.length).toBeGreaterThan(20);
    expect(new Set(plan.pairs.map((p) => p.need.key)).size).toBe(plan.pairs.length);
    for (const p of plan.providers) expect(p.assigned).toBeLessThanOrEqual(p.remaining);
    expect(plan.totalScore).toBeGreaterThanOrEqual(plan.greedy.totalScore);
    expect(plan.pairs.every((p) => p.municipality.id !== p.need.municipality.id)).toBe(true);
    expect(await h.pairing.pairingPlan(h.ctx, {})).toEqual(plan);
  });
});
