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
    // Every reason and mismatch names the records it rests on.
    for (const s of list) for (const r of [...s.reasons, ...s.mismatches]) expect(r.records.length, `${s.municipality.key} ${r.kind}`).toBeGreaterThan(0);
    const prior = kawasaki.reasons.find((r) => r.kind === 'PRIOR_PARTNER')!;
    expect(prior.records).toContainEqual(expect.objectContaining({ type: 'PARTNERSHIP', key: 'kawasaki-makassar-leakage' }));
    expect(prior.detail).toMatch(/Makassar/);
    expect(prior.detailJa).toMatch(/マカッサル/);
    expect(kawasaki.reasons.find((r) => r.kind === 'TOPIC_FIT')!.records).toContainEqual(expect.objectContaining({ type: 'EXPERTISE', key: 'kawasaki:nrw.leak-detection' }));
    // Kawasaki's record is documented and declares no capacity, so no CAPACITY mismatch is claimed for it.
    expect(kawasaki.mismatches.map((r) => r.kind)).not.toContain('CAPACITY');
  });
});

describe('Japanese details are Japanese', () => {
  it('name countries, regions, schemes, statuses and units in Japanese, never as English enum words', async () => {
    // Record titles are data and may be English; what must never appear is an enum or an English word in a Japanese sentence.
    const english = [
      /\b[A-Z]{2,}_[A-Z_]+\b/, // raw enums: JICA_GRASSROOTS, NRW_PERCENT
      /[（(](active|completed|proposed|agreed|dormant|under way|cancelled)[)）]/i, // statuses
      /(Asia|Africa|Pacific|Latin America|Oceania)の/, // regions
      /grassrootsの|technical cooperationの|trainingの/, // schemes
      /\d(\.\d)? ?(M|k)\b/, // population units
      /海外経験：(NONE|SOME|EXTENSIVE)/,
    ];
    const details: string[] = [];
    for (const need of ['makassar-dma', 'yangon-nrw-expansion', 'lima-earthquake-emergency', 'kurume-start-cooperation', 'surabaya-ppp'])
      for (const s of await h.partners.partnerSuggestions(h.ctx, need, 10)) details.push(...[...s.reasons, ...s.mismatches].map((r) => r.detailJa));
    for (const s of await h.peers.peerSuggestions(h.ctx, 'makassar', 10)) details.push(...[...s.reasons, ...s.mismatches].map((r) => r.detailJa));
    for (const s of await h.mentors.mentorSuggestions(h.ctx, 'kurume', 10)) details.push(...[...s.reasons, ...s.mismatches].map((r) => r.detailJa), ...s.pathway!.map((p) => p.detailJa));
    expect(details.length).toBeGreaterThan(100);
    // …and every reason and mismatch names the records it rests on.
    const bare: string[] = [];
    for (const need of ['makassar-dma', 'yangon-nrw-expansion', 'lima-earthquake-emergency', 'kurume-start-cooperation', 'surabaya-ppp'])
      for (const s of await h.partners.partnerSuggestions(h.ctx, need, 10)) for (const r of [...s.reasons, ...s.mismatches]) if (!r.records.length) bare.push(`${need} ${s.municipality.key} ${r.kind}`);
    for (const s of [...(await h.peers.peerSuggestions(h.ctx, 'makassar', 10)), ...(await h.mentors.mentorSuggestions(h.ctx, 'kurume', 10))])
      for (const r of [...s.reasons, ...s.mismatches]) if (!r.records.length) bare.push(`${s.municipality.key} ${r.kind}`);
    expect(bare).toEqual([]);
    expect(details.filter((d) => english.some((re) => re.test(d)))).toEqual([]);
    expect(details.some((d) => /インドネシア|ミャンマー|ペルー/.test(d))).toBe(true);
    expect(details.some((d) => /万人/.test(d))).toBe(true);
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
    expect(surabaya?.reasons.map((r) => r.kind)).toContain('SHARED_CHALLENGE');
    // Surabaya is about 800 km from Makassar: no "neighbour" reason at that distance.
    expect(surabaya?.reasons.map((r) => r.kind)).not.toContain('NEIGHBOUR');
  });
});

describe('mentorSuggestions on the sample directory', () => {
  it('suggests experienced Japanese bureaus nearby first, each with a three-stage pathway tied to records', async () => {
    const list = await h.mentors.mentorSuggestions(h.ctx, 'kurume', 5);
    expect(list.length).toBeGreaterThan(2);
    expect(keys(list).slice(0, 2)).toContain('kitakyushu');
    for (const s of list) {
      expect(s.municipality.country).toBe('JP');
      expect(s.municipality.kind).toBe('LOCAL_GOVERNMENT');
      expect(s.municipality.overseasExperience).not.toBe('NONE');
      expect(s.pathway!.map((p) => p.kind)).toEqual(['STUDY_SESSION', 'CO_HOST_TRAINING', 'GRASSROOTS_PROPOSAL']);
      expect(s.pathway!.every((p) => p.titleJa.length > 0 && p.detailJa.length > 0)).toBe(true);
    }
    const proposal = list[0]!.pathway![2]!;
    expect(proposal.records.some((r) => r.type === 'NEED')).toBe(true);
  });

  it('says who mentoring is for: none for an overseas utility or an experienced bureau, with the reason; agencies only as facilitators', async () => {
    const kurume = await h.mentors.mentoring(h.ctx, 'kurume', 5);
    expect(kurume.eligible).toBe(true);
    expect(kurume.facilitators.length).toBeGreaterThan(0);
    expect(kurume.facilitators.every((m) => m.kind === 'NATIONAL_AGENCY')).toBe(true);
    for (const key of ['makassar', 'yokohama', 'jica-yokohama']) {
      const m = await h.mentors.mentoring(h.ctx, key, 10);
      expect(m.eligible).toBe(false);
      expect(m.mentors).toEqual([]);
      expect(m.reason).toMatch(/Mentoring is for Japanese municipalities new to overseas work/);
      expect(await h.mentors.mentorSuggestions(h.ctx, key, 10)).toEqual([]);
    }
    const peers = await h.peers.peerSuggestions(h.ctx, 'kurume', 30);
    expect(peers.every((s) => s.municipality.kind !== 'NATIONAL_AGENCY')).toBe(true);
  });

  it('points "join the next study session" at a future event only, and says so when none is scheduled', async () => {
    const today = h.facts.today();
    const past = (await h.db.dataSource.query(`SELECT count(*)::int AS n FROM event WHERE date <= $1::date`, [today]))[0].n;
    expect(past).toBeGreaterThan(0);
    const [first] = await h.mentors.mentorSuggestions(h.ctx, 'kurume', 1);
    expect(first!.pathway![0]!.records.filter((r) => r.type === 'EVENT')).toEqual([]);
    expect(first!.pathway![0]!.detail).toMatch(/No study session is scheduled yet/);
    await h.db.dataSource.query(`INSERT INTO event (key, title, date) VALUES ('future-session', '10th Study Session', ($1::date + 40))`, [today]);
    try {
      const [again] = await h.mentors.mentorSuggestions(h.ctx, 'kurume', 1);
      expect(again!.pathway![0]!.records.filter((r) => r.type === 'EVENT').map((r) => r.key)).toEqual(['future-session']);
    } finally {
      await h.db.dataSource.query(`DELETE FROM event WHERE key = 'future-session'`);
    }
  });
});

describe('an expired need', () => {
  it('still gets partner suggestions, each saying the need has expired (at no cost to the ranking)', async () => {
    const [need] = await h.facts.needsByKey(h.ctx, ['makassar-leakage']);
    expect(need!.expired).toBe(true);
    const list = await h.partners.partnerSuggestions(h.ctx, 'makassar-leakage', 5);
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) {
      const expired = s.mismatches.find((m) => m.kind === 'EXPIRED')!;
      expect(expired).toMatchObject({ weight: 0, records: [{ type: 'NEED', key: 'makassar-leakage' }] });
      expect(expired.detail).toMatch(/expired: its last day was 2026-03-31/);
    }
    for (const s of await h.partners.partnerSuggestions(h.ctx, 'makassar-dma', 5)) expect(s.mismatches.map((m) => m.kind)).not.toContain('EXPIRED');
  });
});

describe('the same pair scores the same across lists, or the answer says why', () => {
  it('consortium members carry their partnerSuggestions score; a plan pair carries it too, with the reason for any difference', async () => {
    const list = await h.partners.partnerSuggestions(h.ctx, 'yangon-nrw-expansion', 100);
    const score = new Map(list.map((s) => [s.municipality.key, s.score]));
    const plans = await h.consortia.consortiumSuggestions(h.ctx, 'yangon-nrw-expansion', 3);
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) for (const m of p.members) expect(m.score).toBe(score.get(m.municipality.key));
    const plan = await h.pairing.pairingPlan(h.ctx, { needKeys: ['yangon-nrw-expansion', 'colombo-nrw', 'dhaka-dma'] });
    for (const p of plan.pairs) {
      const suggested = (await h.partners.partnerSuggestions(h.ctx, p.need.key, 100)).find((s) => s.municipality.key === p.municipality.key)!;
      expect(p.suggestionScore).toBe(suggested.score);
      if (p.score === p.suggestionScore) expect(p.scoreBasis).toMatch(/Same score/);
      else expect(p.scoreBasis).toMatch(/CAPACITY penalty because capacity is a hard limit/);
    }
  });
});

describe('consortiumSuggestions on the sample directory', () => {
  it('says that a need on a single topic needs no consortium, and never offers a one-member one', async () => {
    const advice = await h.consortia.consortium(h.ctx, 'makassar-leakage', 3);
    expect(advice).toMatchObject({ needed: false, suggestions: [] });
    expect(advice.reason).toMatch(/A consortium is not needed: the need names a single topic/);
    const many = await h.consortia.consortium(h.ctx, 'yangon-nrw-expansion', 3);
    expect(many.needed).toBe(true);
    expect(many.suggestions.every((p) => p.members.length >= 2)).toBe(true);
  });

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

  it('respects the size limit (two or three members)', async () => {
    const plans = await h.consortia.consortiumSuggestions(h.ctx, 'phnom-penh-sewage', 2);
    expect(plans.every((p) => p.members.length === 2)).toBe(true);
    await expect(h.consortia.consortiumSuggestions(h.ctx, 'phnom-penh-sewage', 4)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'size' }] });
    await expect(h.consortia.consortiumSuggestions(h.ctx, 'phnom-penh-sewage', 1)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'size' }] });
  });
});

describe('pairingPlan on the sample directory', () => {
  it('names every need it leaves out and why: the expired ones as EXPIRED', async () => {
    const plan = await h.pairing.pairingPlan(h.ctx, {});
    const recorded = (await h.db.dataSource.query(`SELECT key, expires_on::text AS e FROM need WHERE status = 'OPEN'`)) as { key: string; e: string | null }[];
    const today = h.facts.today();
    const expired = recorded.filter((n) => n.e !== null && n.e < today).map((n) => n.key).sort();
    expect(expired.length).toBeGreaterThanOrEqual(5);
    expect([...plan.pairs.map((p) => p.need.key), ...plan.unassigned.map((u) => u.need.key)].sort()).toEqual(recorded.map((n) => n.key).sort());
    expect(plan.unassigned.filter((u) => u.code === 'EXPIRED').map((u) => u.need.key).sort()).toEqual(expired);
    expect(plan.unassigned.find((u) => u.need.key === 'makassar-leakage')!.reason).toMatch(/Expired: its last day was 2026-03-31/);
    expect(plan.pairs.every((p) => !expired.includes(p.need.key))).toBe(true);
  });

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
