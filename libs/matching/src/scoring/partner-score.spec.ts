import { describe, expect, it } from 'vitest';
import { prepareNeed, scorePartner } from './partner-score';
import { candidate, muni, need, partnership, specTaxonomy as tax } from './spec-fixtures';

const LEAK = ['nrw.leak-detection'];
const expert = (level: number) => [{ topicKey: 'nrw.leak-detection', level, evidence: null }];

describe('scorePartner', () => {
  const n = prepareNeed(tax, need({ text: 'Reduce leakage', schemes: ['JICA_GRASSROOTS'] }));

  it('never scores the need’s own municipality', () => {
    expect(scorePartner(tax, n, candidate({ municipality: n.municipality, expertise: expert(5) }))).toBeNull();
  });

  it('keeps a same-country candidate of an overseas need only with strong evidence', () => {
    const local = muni({ country: 'ID', kind: 'UTILITY', languages: ['id'] });
    expect(scorePartner(tax, n, candidate({ municipality: local, expertise: expert(5) }))).toBeNull();
    const strong = candidate({ municipality: local, expertise: expert(5), partnerships: [partnership({ topicKeys: LEAK }), partnership({ topicKeys: LEAK })] });
    const card = scorePartner(tax, n, strong)!;
    expect(card.reasons.map((r) => r.kind)).toContain('PROXIMITY');
    expect(card.mismatches.map((r) => r.kind)).toContain('SCHEME_ELIGIBILITY');
  });

  it('scores within 0..1 with reasons that add up to the score', () => {
    const card = scorePartner(tax, n, candidate({ expertise: expert(4), partnerships: [partnership({ topicKeys: LEAK, scheme: 'JICA_GRASSROOTS' })] }))!;
    expect(card.score).toBeGreaterThan(0);
    expect(card.score).toBeLessThanOrEqual(1);
    expect(card.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(card.score, 3);
    expect(card.reasons[0]!.kind).toBe('TOPIC_FIT');
  });
});
