/**
 * Reasons a domain person reads without wincing: one test per finding of the matcher's review
 * (contradictory closeness, a "neighbour" 1,368 km away, "both work in Japan", one-member
 * consortia, who mentoring is for, past study sessions, ongoing work shown as a plain plus,
 * spread without a declared capacity). Pure: no database.
 */
import { describe, expect, it } from 'vitest';
import { combine } from './combine';
import { priorPartner, proximity } from './context';
import { loadCost, oftenAskedCost } from './fit';
import { placeLabel } from './labels';
import { mentorEligibility } from './mentor-score';
import { firstSteps } from './pathway';
import { countryRarity, neighbour, sharedPartnerCountry, type ProfileFacts } from './peer-score';
import { bestConsortia } from './consortium';
import { prepareNeed, scorePartner } from './partner-score';
import { candidate, muni, need as needOf, partnerOf, partnership, specTaxonomy as tax } from './spec-fixtures';

const at = (latitude: number, longitude: number, over = {}) => muni({ latitude, longitude, ...over });
const profile = (m = muni(), partnerships = [] as ReturnType<typeof partnership>[]): ProfileFacts => ({ municipality: m, expertise: [], partnerships, needs: [] });

describe('closeness never contradicts itself', () => {
  const kurume = at(33.32, 130.51);
  const shizuoka = at(34.97, 138.38); // ≈ 750 km
  const okayama = at(34.66, 133.93); // ≈ 358 km
  const fukuoka = at(33.59, 130.4); // ≈ 30 km

  it.each([
    ['358 km', okayama],
    ['750 km', shizuoka],
  ])('%s away: a DISTANCE mismatch and no PROXIMITY reason', (_, far) => {
    const card = combine([proximity(far, kurume)], [], { weights: { PROXIMITY: 1, TOPIC_FIT: 1 } });
    expect(card.reasons.map((r) => r.kind)).not.toContain('PROXIMITY');
    expect(card.mismatches.map((r) => r.kind)).toEqual(['DISTANCE']);
    expect(card.mismatches[0]!.detail).toMatch(/km apart/);
  });

  it('30 km away: a PROXIMITY reason and no DISTANCE mismatch', () => {
    const card = combine([proximity(fukuoka, kurume)], [], { weights: { PROXIMITY: 1 } });
    expect(card.reasons.map((r) => r.kind)).toEqual(['PROXIMITY']);
    expect(card.mismatches).toEqual([]);
  });

  it('a peer 1,368 km away is no NEIGHBOUR; one 50 km away is', () => {
    const sapporo = at(43.06, 141.35);
    const osaka = at(34.69, 135.5); // ≈ 1,060 km from Sapporo
    const naha = at(26.21, 127.68);
    const far = neighbour(sapporo, at(34.0, 131.0)); // ≈ 1,370 km
    expect(far.strength).toBe(0);
    expect(far.records).toEqual([]);
    expect(neighbour(sapporo, osaka).strength).toBe(0);
    expect(neighbour(naha, at(26.33, 127.8)).strength).toBeGreaterThan(0.7);
  });
});

describe('SHARED_PARTNER_COUNTRY is weighted by rarity', () => {
  const jp = muni({ country: 'JP' });
  const nepal = muni({ country: 'NP' });
  const withJapan = (m = muni({ country: 'ID' }), extra: ReturnType<typeof muni>[] = []) => profile(m, [partnership({ partners: [partnerOf(jp), ...extra.map((x) => partnerOf(x))] })]);

  it('"both work in Japan", true of nearly every overseas utility, weighs almost nothing; a rare shared country weighs a lot', () => {
    const me = withJapan(muni({ country: 'ID' }), [nepal]);
    const crowd = Array.from({ length: 12 }, () => withJapan(muni({ country: 'VN' })));
    const onlyJapan = withJapan(muni({ country: 'KH' }));
    const alsoNepal = withJapan(muni({ country: 'LA' }), [nepal]);
    const rarity = countryRarity([me, ...crowd, onlyJapan, alsoNepal]);
    expect(rarity.get('JP')!).toBeLessThan(0.1);
    expect(rarity.get('NP')!).toBeGreaterThan(0.5);
    const japanOnly = sharedPartnerCountry(me, onlyJapan, rarity);
    const nepalToo = sharedPartnerCountry(me, alsoNepal, rarity);
    expect(japanOnly.strength).toBeLessThan(0.1);
    expect(nepalToo.strength).toBeGreaterThan(0.9);
  });
});

describe('consortia', () => {
  it('never suggest a one-member "consortium"', () => {
    const c = (key: string, coverage: Record<string, number>, score: number) => ({ municipality: muni({ key }), coverage: new Map(Object.entries(coverage)), score });
    const plans = bestConsortia(['a', 'b'], [c('all', { a: 1, b: 1 }, 0.9), c('x', { a: 0.8 }, 0.5), c('y', { b: 0.8 }, 0.5)], 3);
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((p) => p.members.length >= 2)).toBe(true);
  });
});

describe('who mentoring is for', () => {
  it.each([
    { who: 'an overseas utility', m: muni({ country: 'ID', kind: 'UTILITY' }), ps: [], eligible: false, says: /Japanese municipalities new to overseas work.*Indonesia.*partner suggestions/ },
    { who: 'an agency', m: muni({ kind: 'NATIONAL_AGENCY' }), ps: [], eligible: false, says: /agency: it facilitates/ },
    { who: 'an experienced bureau', m: muni({ overseasExperience: 'EXTENSIVE' }), ps: [], eligible: false, says: /is a mentor for newcomers nearby, not a mentee/ },
    {
      who: 'a bureau with three partnerships abroad',
      m: muni({ overseasExperience: 'SOME' }),
      ps: [1, 2, 3].map(() => partnership({ partners: [partnerOf(muni({ country: 'VN' }))] })),
      eligible: false,
      says: /3 partnerships abroad/,
    },
    { who: 'a newcomer', m: muni({ overseasExperience: 'NONE' }), ps: [], eligible: true, says: /no partnership abroad so far/ },
  ])('$who: eligible $eligible, and it says why', ({ m, ps, eligible, says }) => {
    const e = mentorEligibility(profile(m, ps));
    expect(e.eligible).toBe(eligible);
    expect(e.reason).toMatch(says);
    expect(e.reasonJa).toMatch(/メンター/);
  });
});

describe('the pathway offers only a future study session', () => {
  const me = profile(muni({ key: 'kurume' }));
  const mentor = {
    ...profile(muni({ key: 'kitakyushu', name: 'Kitakyushu City' })),
    caseStudies: [{ key: 'cs-2023', title: 'Publicising overseas work', summary: null, topicKeys: [], eventKey: 'session-2023', eventTitle: '9th Study Session', eventDate: '2023-12-07' }],
  };

  it('with none planned it says so, and points at no past event', () => {
    const [step] = firstSteps(tax, me, mentor, null, []);
    expect(step!.detail).toMatch(/No study session is scheduled yet/);
    expect(step!.detailJa).toMatch(/まだ予定されていない/);
    expect(step!.records.filter((r) => r.type === 'EVENT')).toEqual([]);
    expect(step!.records).toContainEqual({ type: 'CASE_STUDY', key: 'cs-2023', label: 'Publicising overseas work' });
  });

  it('with one planned it points at that one', () => {
    const [step] = firstSteps(tax, me, mentor, { key: 'session-2027', title: '10th Study Session', date: '2027-02-10' }, []);
    expect(step!.records.filter((r) => r.type === 'EVENT').map((r) => r.key)).toEqual(['session-2027']);
    expect(step!.detail).toMatch(/10th Study Session.*2027-02-10/);
  });
});

describe('work already under way is marked as such', () => {
  const makassar = muni({ key: 'makassar', country: 'ID' });
  it.each([
    { status: 'ACTIVE', topics: ['nrw.leak-detection'], kind: 'ONGOING_WORK' },
    { status: 'PROPOSED', topics: ['nrw'], kind: 'ONGOING_WORK' },
    { status: 'COMPLETED', topics: ['nrw.leak-detection'], kind: 'PRIOR_PARTNER' },
    { status: 'ACTIVE', topics: ['treatment.operations'], kind: 'PRIOR_PARTNER' },
  ])('$status on $topics → $kind', ({ status, topics, kind }) => {
    const c = priorPartner(candidate({ partnerships: [partnership({ status, topicKeys: topics, partners: [partnerOf(makassar)] })] }), makassar, ['nrw.leak-detection']);
    expect(c.kind).toBe(kind);
    if (kind === 'ONGOING_WORK') expect(c.detail).toMatch(/Already working with .* on this/);
  });
});

describe('Japanese details name Japan’s regions and prefectures in Japanese', () => {
  it('関東, 神奈川 — not the romanised Kanto, Kanagawa — wherever closeness is told without coordinates', () => {
    const a = muni({ key: 'a', region: 'Kanto', subdivision: 'Kanagawa' });
    const b = muni({ key: 'b', region: 'Kanto', subdivision: 'Kanagawa' });
    const c = muni({ key: 'c', region: 'Kanto', subdivision: 'Chiba' });
    expect(proximity(a, b).detailJa).toBe('近隣：同じ都道府県（神奈川）');
    expect(proximity(a, b).detail).toBe('Nearby: same prefecture (Kanagawa)');
    expect(proximity(a, c).detailJa).toBe('近隣：同じ地方（関東）');
    expect(neighbour(a, c).detailJa).toBe('同じ地方（関東）');
    expect(neighbour(a, c).detail).toBe('Same region (Kanto)');
    for (const d of [proximity(a, b), proximity(a, c), neighbour(a, c)]) expect(d.detailJa).not.toMatch(/[A-Za-z]/);
    expect(placeLabel('Kyushu', 'ja')).toBe('九州');
    expect(placeLabel('Kyushu')).toBe('Kyushu');
    expect(placeLabel('Somewhere', 'ja')).toBe('Somewhere'); // unknown: as spelled, never invented
  });
});

describe('spread without a declared capacity', () => {
  const busy = (capacity: number | null) =>
    candidate({ municipality: muni({ capacity }), partnerships: [1, 2, 3, 4].map(() => partnership({ status: 'ACTIVE' })), feedback: { accepted: 0, declined: 0, dismissedByOthers: 0, dismissReasons: [], pendingIntroductions: 2 } });

  it('a bureau busier than its peers pays a LOAD cost that names its load in whole partnerships', () => {
    const cost = loadCost(busy(null), 1, 2026)!;
    expect(cost.kind).toBe('LOAD');
    expect(cost.cost).toBeCloseTo(0.4 * Math.log((1 + 5) / (1 + 1)), 6);
    expect(cost.detail).toMatch(/No declared capacity; 4 partnerships under way \(4 active\), 2 introductions awaiting an answer: about 3× the load of comparable bureaus/);
    expect(combine([{ kind: 'TOPIC_FIT', strength: 1, detail: '', detailJa: '', records: [] }], [], { weights: { TOPIC_FIT: 1 } }, [cost]).mismatches.map((m) => m.kind)).toEqual(['LOAD']);
  });

  it('a bureau that carried far more partnerships than its peers pays OFTEN_ASKED as a share of its score: the same share of a weak fit as of a strong one', () => {
    const many = candidate({ partnerships: Array.from({ length: 8 }, () => partnership()) });
    const strong = oftenAskedCost(many, 1, 3)!;
    const weak = oftenAskedCost(many, 1, 0.3)!;
    expect(strong.cost / 3).toBeCloseTo(1 - ((1 + 8) / (1 + 1)) ** -0.5, 6); // keeps 1/√(record ratio) of its score
    expect(weak.cost / 0.3).toBeCloseTo(strong.cost / 3, 9);
    expect(strong.detail).toBe('Already carries 8 partnerships (comparable bureaus: 1 on average): 53 % off its score, so others are suggested first where they fit as well');
    expect(strong.detailJa).toContain('スコアを53%差し引き');
    expect(oftenAskedCost(many, 10, 3)).toBeNull();
  });

  it('both spreading costs on one suggestion: each a share of what is left, shown with what it took, and the reasons still add up to the score', () => {
    const partner = muni({ id: 'id-partner', key: 'partner', country: 'ID', region: 'Asia', languages: [] });
    const many = candidate({
      municipality: muni({ key: 'big', name: 'Big City' }),
      expertise: [{ topicKey: 'nrw.leak-detection', level: 4, evidence: null }],
      partnerships: Array.from({ length: 8 }, () => partnership({ topicKeys: ['nrw.leak-detection'], partners: [partnerOf(muni({ id: 'id-other', key: 'other', country: 'ID' }))] })),
    });
    const base = prepareNeed(tax, needOf({ municipality: partner }), { year: 2026, peerLoad: new Map([['JP', { load: 10, record: 1 }]]) });
    const spread = new Map([['big', { price: 0.2, places: 5, needs: 9, examples: [] }]]);
    const plain = scorePartner(tax, { ...base, peerLoad: new Map([['JP', { load: 10, record: 10 }]]) }, many)!;
    const card = scorePartner(tax, { ...base, spread }, many)!;
    const asked = card.mismatches.find((m) => m.kind === 'OFTEN_ASKED')!;
    const suggested = card.mismatches.find((m) => m.kind === 'OFTEN_SUGGESTED')!;
    expect(card.score).toBeCloseTo(plain.score * ((1 + 8) / (1 + 1)) ** -0.5 * (1 - 0.2), 3);
    expect(asked.weight + suggested.weight).toBeCloseTo(plain.score - card.score, 3);
    expect(suggested.weight).toBeCloseTo(0.2 * (plain.score - asked.weight), 3);
    expect(card.reasons.reduce((sum, r) => sum + r.weight, 0)).toBeCloseTo(card.score, 3);
    expect(suggested.records[0]).toEqual({ type: 'MUNICIPALITY', key: 'big', label: 'Big City' });
  });

  it('no cost at or below the peers, and none when a capacity is declared (CAPACITY applies instead)', () => {
    expect(loadCost(busy(null), 10, 2026)).toBeNull();
    expect(loadCost(busy(3), 1, 2026)).toBeNull();
  });
});

describe('stale data is a mismatch with its cost, never silence (issue 9)', () => {
  const recipient = muni({ key: 'makassar', country: 'ID', languages: [] });
  const need = prepareNeed(tax, { key: 'n', title: '', text: '', topicKeys: ['nrw.leak-detection'], schemes: [], municipality: recipient }, { freshness: (d) => (d < '2024-11-30' ? 'STALE' : d < '2025-11-30' ? 'AGING' : 'CURRENT') });
  const withProfile = (lastConfirmedOn: string, level = 5) => candidate({ municipality: muni({ lastConfirmedOn }), expertise: level ? [{ topicKey: 'nrw.leak-detection', level, evidence: null }] : [] });

  it('an old profile’s declared expertise counts half (stale) or 80% (aging), and says when it was last confirmed', () => {
    const fresh = scorePartner(tax, need, withProfile('2026-10-01'))!;
    const aging = scorePartner(tax, need, withProfile('2025-06-01'))!;
    const stale = scorePartner(tax, need, withProfile('2022-01-01'))!;
    expect(fresh.mismatches.map((m) => m.kind)).not.toContain('STALE');
    expect(aging.score).toBeLessThan(fresh.score);
    expect(stale.score).toBeLessThan(aging.score);
    const m = stale.mismatches.find((x) => x.kind === 'STALE')!;
    expect(m.weight).toBeCloseTo(fresh.score - stale.score, 3);
    expect(m.detail).toBe('Profile last confirmed on 2022-01-01 (stale): its declared expertise counts 50% as evidence');
    expect(m.records).toEqual([expect.objectContaining({ type: 'MUNICIPALITY' })]);
  });

  it('a stale profile with no declared expertise to discount is still said, at no cost', () => {
    const stale = scorePartner(tax, need, candidate({ municipality: muni({ lastConfirmedOn: '2022-01-01' }), partnerships: [partnership({ topicKeys: ['nrw.leak-detection'] })] }))!;
    expect(stale.mismatches.find((x) => x.kind === 'STALE')).toMatchObject({ weight: 0 });
  });
});
