import { describe, expect, it } from 'vitest';
import { countryExperience, network, priorPartner, proximity, regionExperience, similarSetting, similarSize } from './context';
import { reasonLabels } from './reason';
import { evidence, improved } from './evidence';
import { capacityPenalty, feedbackSignals, language, schemeFit } from './fit';
import { candidate, muni, partnerOf, partnership, specTaxonomy as tax } from './spec-fixtures';
import { textFit, topicFit } from './topic-fit';

const LEAK = ['nrw.leak-detection'];

describe('topicFit', () => {
  it.each([
    { name: 'exact level 5', expertise: [{ topicKey: 'nrw.leak-detection', level: 5 }], strength: 1 },
    { name: 'exact level 4', expertise: [{ topicKey: 'nrw.leak-detection', level: 4 }], strength: 0.8 },
    { name: 'sibling level 5', expertise: [{ topicKey: 'nrw.metering', level: 5 }], strength: 0.6 },
    { name: 'domain level 5', expertise: [{ topicKey: 'nrw', level: 5 }], strength: 0.5 },
    { name: 'best of several', expertise: [{ topicKey: 'nrw', level: 5 }, { topicKey: 'nrw.leak-detection', level: 3 }], strength: 0.6 },
    { name: 'other domain', expertise: [{ topicKey: 'network.asset-management', level: 5 }], strength: 0 },
  ])('$name → $strength', ({ expertise, strength }) => {
    const c = topicFit(tax, 'k', LEAK, expertise.map((e) => ({ ...e, evidence: null })));
    expect(c.strength).toBeCloseTo(strength, 6);
  });

  it('averages over the need topics and names the gap', () => {
    const c = topicFit(tax, 'kawasaki', ['nrw.leak-detection', 'network.asset-management'], [{ topicKey: 'nrw.leak-detection', level: 5, evidence: null }]);
    expect(c.strength).toBe(0.5);
    expect(c.records).toEqual([{ type: 'EXPERTISE', key: 'kawasaki:nrw.leak-detection', label: 'Leak detection and repair' }]);
    expect(c.shortfall).toMatchObject({ kind: 'TOPIC_GAP', share: 0.5, records: [{ type: 'TOPIC', key: 'network.asset-management' }] });
    expect(c.detailJa).toContain('レベル5');
  });
});

describe('textFit', () => {
  it('counts Japanese topic mentions answered by expertise, and full-text hits', () => {
    const expertise = [{ topicKey: 'nrw.leak-detection', level: 5, evidence: null }];
    const mentioned = tax.mentions('地下漏水を減らしたい');
    const none = textFit(tax, 'k', mentioned, [], []);
    const some = textFit(tax, 'k', mentioned, expertise, []);
    const more = textFit(tax, 'k', mentioned, expertise, [{ type: 'CASE_STUDY', key: 'cs', label: 'Leak teams', rank: 0.5 }]);
    expect([none.strength, some.strength, more.strength]).toEqual([0, 0.5, 1]);
    expect(more.records.map((r) => r.key)).toEqual(['k:nrw.leak-detection', 'cs']);
  });
});

describe('evidence', () => {
  it.each([
    { indicator: 'NRW_PERCENT', before: 40, after: 30, good: true },
    { indicator: 'NRW_PERCENT', before: 30, after: 40, good: false },
    { indicator: 'SUPPLY_HOURS_PER_DAY', before: 12, after: 24, good: true },
    { indicator: 'TRAINEES', before: 0, after: 0, good: false },
    { indicator: 'COVERAGE_PERCENT', before: null, after: 60, good: false },
  ])('$indicator $before→$after improved: $good', ({ good, ...o }) => {
    expect(improved(o)).toBe(good);
  });

  const strength = (...ps: ReturnType<typeof partnership>[]) => evidence(tax, LEAK, ps, []).strength;
  // Three partnerships on other work beside the one(s) compared: evidence is the topic's share of the record.
  const busy = () => [partnership({ topicKeys: ['network'] }), partnership({ topicKeys: ['network'] }), partnership({ topicKeys: ['treatment'] })];
  it.each([
    { name: 'completed beats active', a: [partnership({ topicKeys: LEAK })], b: [partnership({ topicKeys: LEAK, status: 'ACTIVE' })] },
    { name: 'provider beats peer', a: [partnership({ topicKeys: LEAK })], b: [partnership({ topicKeys: LEAK, role: 'PEER' })] },
    {
      name: 'measured improvement beats none',
      a: [...busy(), partnership({ topicKeys: LEAK, outcomes: [{ indicator: 'NRW_PERCENT', before: 50, after: 30 }] })],
      b: [...busy(), partnership({ topicKeys: LEAK })],
    },
    { name: 'exact topic beats sibling', a: [partnership({ topicKeys: LEAK })], b: [partnership({ topicKeys: ['nrw.metering'] })] },
    { name: 'two beat one', a: [...busy(), partnership({ topicKeys: LEAK }), partnership({ topicKeys: LEAK })], b: [...busy(), partnership({ topicKeys: LEAK })] },
    { name: 'a focused record beats the same project among much other work', a: [partnership({ topicKeys: LEAK })], b: [...busy(), partnership({ topicKeys: LEAK })] },
    { name: 'a project on the topic alone beats a course touching eight subjects', a: [partnership({ topicKeys: LEAK })], b: [partnership({ topicKeys: [...LEAK, 'network', 'treatment', 'people', 'cooperation', 'nrw.metering', 'people.trainee-hosting', 'network.asset-management'] })] },
  ])('$name', ({ a, b }) => {
    expect(strength(...a)).toBeGreaterThan(strength(...b));
  });

  it('ignores partnerships as recipient, cancelled ones and other domains', () => {
    expect(strength(partnership({ topicKeys: LEAK, role: 'RECIPIENT' }), partnership({ topicKeys: LEAK, status: 'CANCELLED' }), partnership({ topicKeys: ['network'] }))).toBe(0);
  });

  it('has diminishing returns and names its records', () => {
    const many = Array.from({ length: 12 }, (_, i) => partnership({ key: `p-${String(i).padStart(2, '0')}`, topicKeys: LEAK }));
    const c = evidence(tax, LEAK, many, [{ key: 'cs', title: 'Case', summary: null, topicKeys: LEAK, eventKey: null, eventTitle: null, eventDate: null }]);
    expect(c.strength).toBe(1);
    expect(c.records).toHaveLength(5);
    expect(c.detail).toMatch(/12 partnerships .* \(12 completed\); 1 case study/);
  });
});

describe('context signals', () => {
  const recipient = muni({ key: 'makassar', country: 'ID', region: 'Asia', population: 1_400_000 });
  const other = muni({ key: 'surabaya', country: 'ID', region: 'Asia' });
  const vn = muni({ key: 'hcmc', country: 'VN', region: 'Asia' });
  const ke = muni({ key: 'nairobi', country: 'KE', region: 'Africa' });

  it.each([
    { name: 'worked with this very partner', ps: [partnership({ partners: [partnerOf(recipient)] })], strength: 1 },
    { name: 'only a dormant partnership', ps: [partnership({ status: 'DORMANT', partners: [partnerOf(recipient)] })], strength: 0.6 },
    { name: 'never', ps: [partnership({ partners: [partnerOf(other)] })], strength: 0 },
  ])('priorPartner: $name', ({ ps, strength }) => {
    expect(priorPartner(candidate({ partnerships: ps }), recipient).strength).toBe(strength);
  });

  it.each([
    { name: 'two partnerships in the country', ps: [partnership({ partners: [partnerOf(other)] }), partnership({ partners: [partnerOf(recipient)] })], strength: 0.75, region: 0.75 },
    { name: 'one in the country', ps: [partnership({ partners: [partnerOf(other)] })], strength: 0.5, region: 0.5 },
    { name: 'same world region only (South-eastern Asia)', ps: [partnership({ partners: [partnerOf(vn)] })], strength: 0, region: 0.5 },
    { name: 'elsewhere', ps: [partnership({ partners: [partnerOf(ke)] })], strength: 0, region: 0 },
    { name: 'as the one helped, not as a helper', ps: [partnership({ role: 'RECIPIENT', partners: [partnerOf(other)] })], strength: 0, region: 0 },
  ])('countryExperience and regionExperience: $name', ({ ps, strength, region }) => {
    const c = countryExperience(candidate({ partnerships: ps }), recipient);
    expect(c.strength).toBe(strength);
    if (strength > 0) expect(c.detail).toContain('Indonesia');
    if (strength > 0) expect(c.detailJa).toContain('インドネシア');
    const r = regionExperience(candidate({ partnerships: ps }), recipient);
    expect(r.strength).toBe(region);
    if (region > 0) expect([r.detail, r.detailJa]).toEqual([expect.stringContaining('South-eastern Asia'), expect.stringContaining('東南アジア')]);
  });

  it('proximity counts only inside a country and decays with distance', () => {
    const kurume = muni({ latitude: 33.32, longitude: 130.51 });
    const fukuoka = muni({ latitude: 33.59, longitude: 130.4 });
    const tokyo = muni({ latitude: 35.68, longitude: 139.69 });
    const near = proximity(fukuoka, kurume);
    const far = proximity(tokyo, kurume);
    expect(near.strength).toBeGreaterThan(0.75);
    expect(far.strength).toBeLessThan(0.2);
    expect(far.shortfall).toMatchObject({ kind: 'DISTANCE' });
    expect(proximity(muni({ country: 'ID' }), kurume).strength).toBe(0);
  });

  it.each([
    [1_400_000, 1],
    [140_000, 0],
    [null, 0],
  ])('similarSize with %s people → %s', (population, strength) => {
    expect(similarSize(muni({ population }), recipient).strength).toBeCloseTo(strength, 6);
  });

  it('similarSetting needs the need text to name a setting the candidate has on record', () => {
    const sapporo = candidate({ expertise: [{ topicKey: 'network', level: 3, evidence: 'Frost-protected pipes for winter' }] });
    expect(similarSetting(sapporo, 'Pipes freeze in winter').strength).toBe(1);
    expect(similarSetting(sapporo, 'Pipes burst on islands in winter').strength).toBe(0.5);
    expect(similarSetting(candidate(), 'Pipes freeze in winter').strength).toBe(0);
  });
});

describe('fit signals', () => {
  const id = muni({ key: 'makassar', country: 'ID', languages: ['id', 'en'] });

  it.each([
    { name: 'used the scheme', c: candidate({ partnerships: [partnership({ scheme: 'JICA_GRASSROOTS' })] }), strength: 1, penalty: false },
    { name: 'ready for it', c: candidate({ expertise: [{ topicKey: 'cooperation.project-formation', level: 3, evidence: null }] }), strength: 0.4, penalty: false },
    { name: 'eligible, no experience', c: candidate(), strength: 0, penalty: false },
    { name: 'national agency', c: candidate({ municipality: muni({ kind: 'NATIONAL_AGENCY' }) }), strength: 0, penalty: true },
    { name: 'overseas utility', c: candidate({ municipality: muni({ kind: 'UTILITY', country: 'ID' }) }), strength: 0, penalty: true },
  ])('schemeFit grassroots: $name', ({ c, strength, penalty }) => {
    const s = schemeFit(c, ['JICA_GRASSROOTS']);
    expect(s.component.strength).toBe(strength);
    expect(s.penalty !== null).toBe(penalty);
  });

  it.each([
    [['ja', 'en'], 1, false],
    [['ja'], 0, true],
  ] as const)('language %j', (languages, strength, penalty) => {
    const l = language(muni({ languages: [...languages] }), id);
    expect(l.component.strength).toBe(strength);
    expect(l.penalty !== null).toBe(penalty);
  });

  const active = (n: number) => Array.from({ length: n }, () => partnership({ status: 'ACTIVE' }));
  it.each([
    { capacity: 3, load: 0, factor: 1 },
    { capacity: 3, load: 1, factor: 1 - 0.4 / 9 },
    { capacity: 3, load: 2, factor: 1 - 1.6 / 9 },
    { capacity: 3, load: 3, factor: 0.6 },
    { capacity: 3, load: 5, factor: 0.5 },
    { capacity: 0, load: 0, factor: 0.5 },
    { capacity: null, load: 4, factor: 1 },
  ])('capacity $load of $capacity → ×$factor', ({ capacity, load, factor }) => {
    const p = capacityPenalty(candidate({ municipality: muni({ capacity }), partnerships: active(load) }));
    expect(p?.factor ?? 1).toBeCloseTo(factor, 6);
  });

  it('speaks of whole partnerships under way, never of fractions, and says how much room is left', () => {
    const p = capacityPenalty(candidate({ municipality: muni({ capacity: 3 }), partnerships: [partnership({ status: 'PROPOSED' }), partnership({ status: 'ACTIVE' }), partnership()] }));
    expect(p!.factor).toBeCloseTo(1 - 0.4 * (1.5 / 3) ** 2, 6); // a proposal still weighs half inside the utilisation
    expect(p!.detail).toBe('2 partnerships under way (1 active, 1 proposed) against a declared capacity of 3: room for 1 more');
    expect(p!.detailJa).toBe('進行中の協力2件（実施中1件、提案中1件）／登録された受け入れ枠3件：あと1件受け入れ可能');
    expect(reasonLabels('CAPACITY').labelEn).not.toMatch(/little/i);
    expect(`${p!.detail}${p!.detailJa}`).not.toMatch(/\d\.\d/);
  });

  it.each([
    { accepted: 0, declined: 0, others: 0, factor: 1, strength: 0 },
    { accepted: 3, declined: 0, others: 0, factor: 1, strength: 0.6 },
    { accepted: 0, declined: 2, others: 0, factor: 0.75, strength: 0 },
    { accepted: 0, declined: 0, others: 2, factor: 0.81, strength: 0 },
  ])('feedback +$accepted −$declined dismissed×$others', ({ accepted, declined, others, factor, strength }) => {
    const f = feedbackSignals(muni(), { accepted, declined, dismissedByOthers: others, dismissReasons: [] });
    expect(f.penalties.reduce((a, p) => a * p.factor, 1)).toBeCloseTo(factor, 6);
    expect(f.component.strength).toBeCloseTo(strength, 6);
  });
});

describe('network', () => {
  const jakarta = muni({ key: 'jakarta', country: 'ID', region: 'Asia' });
  const hanoi = muni({ key: 'hanoi', country: 'VN', region: 'Asia' });
  const at = (key: string, latitude: number) => muni({ key, latitude, longitude: 139.7 });
  const near = candidate({ municipality: at('near', 35.7) });
  const withJakarta = candidate({ municipality: at('with-jakarta', 35.6), partnerships: [partnership({ key: 'p-jkt', partners: [partnerOf(jakarta)] })] });
  const withHanoi = candidate({ municipality: at('with-hanoi', 34.7), partnerships: [partnership({ key: 'p-hn', partners: [partnerOf(hanoi)] })] });
  const all = [near, withJakarta, withHanoi];

  it('names the nearest bureau tied to this partner, asked about one list for several partners in turn', () => {
    expect(network(near, jakarta, all)).toMatchObject({ strength: expect.any(Number), records: [{ key: 'with-jakarta' }, { key: 'p-jkt' }] });
    expect(network(near, hanoi, all).records).toEqual([expect.objectContaining({ key: 'with-hanoi' }), expect.objectContaining({ key: 'p-hn' })]);
    expect(network(near, jakarta, all).strength).toBeGreaterThan(network(near, hanoi, all).strength);
  });

  it('never counts the candidate as its own neighbour', () => {
    expect(network(withJakarta, jakarta, all).strength).toBe(0);
    expect(network(withHanoi, hanoi, all)).toMatchObject({ strength: 0, records: [] });
  });
});
