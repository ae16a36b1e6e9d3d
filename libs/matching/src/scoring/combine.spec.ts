import { describe, expect, it } from 'vitest';
import { combine, rankByScore, type Component, type Penalty } from './combine';

const c = (kind: Component['kind'], strength: number, shortfall?: Component['shortfall']): Component => ({ kind, strength, detail: kind, detailJa: kind, records: [], shortfall });
const p = (kind: Penalty['kind'], factor: number): Penalty => ({ kind, factor, detail: kind, detailJa: kind, records: [] });

describe('combine', () => {
  it.each([
    { name: 'all signals full', comps: [c('TOPIC_FIT', 1), c('EVIDENCE', 1)], pens: [], score: 1 },
    { name: 'weighted mean', comps: [c('TOPIC_FIT', 1), c('EVIDENCE', 0)], pens: [], score: 0.75 },
    { name: 'absent signal renormalises', comps: [c('TOPIC_FIT', 0.5)], pens: [], score: 0.5 },
    { name: 'penalties multiply', comps: [c('TOPIC_FIT', 1), c('EVIDENCE', 1)], pens: [p('CAPACITY', 0.5), p('DECLINES', 0.5)], score: 0.25 },
    { name: 'factor 1 is no penalty', comps: [c('TOPIC_FIT', 0.8)], pens: [p('CAPACITY', 1)], score: 0.8 },
    { name: 'strength clamped', comps: [c('TOPIC_FIT', 3)], pens: [], score: 1 },
  ])('$name', ({ comps, pens, score }) => {
    const card = combine(comps, pens, { weights: { TOPIC_FIT: 3, EVIDENCE: 1 } });
    expect(card.score).toBe(score);
  });

  it('reasons add up to the score and mismatches to what was lost', () => {
    const card = combine([c('TOPIC_FIT', 0.9), c('EVIDENCE', 0.4), c('LANGUAGE', 1)], [p('CAPACITY', 0.8), p('NO_COMMON_LANGUAGE', 0.9)], {
      weights: { TOPIC_FIT: 0.5, EVIDENCE: 0.3, LANGUAGE: 0.2 },
    });
    const base = 0.5 * 0.9 + 0.3 * 0.4 + 0.2;
    expect(card.score).toBeCloseTo(base * 0.72, 4);
    expect(card.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(card.score, 3);
    expect(card.mismatches.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(base - card.score, 3);
    expect(card.reasons.map((r) => r.kind)).toEqual(['TOPIC_FIT', 'LANGUAGE', 'EVIDENCE']);
    expect(card.mismatches[0]).toMatchObject({ kind: 'CAPACITY', labelEn: 'Declared capacity in use', labelJa: '登録された受け入れ枠の使用状況' });
  });

  it('reports a shortfall as a mismatch worth its share of the component', () => {
    const card = combine([c('TOPIC_FIT', 0.5, { kind: 'TOPIC_GAP', share: 0.5, detail: 'gap', detailJa: 'gap', records: [] })], [], { weights: { TOPIC_FIT: 1 } });
    expect(card.mismatches).toEqual([expect.objectContaining({ kind: 'TOPIC_GAP', weight: 0.5 })]);
  });

  it('drops disabled signals and penalties (ablation)', () => {
    const profile = { weights: { TOPIC_FIT: 1, EVIDENCE: 1 }, disabled: new Set(['EVIDENCE', 'CAPACITY'] as const) };
    const card = combine([c('TOPIC_FIT', 0.6), c('EVIDENCE', 0)], [p('CAPACITY', 0.5)], profile);
    expect(card.score).toBe(0.6);
    expect(card.mismatches).toEqual([]);
  });

  it('omits zero-strength reasons', () => {
    expect(combine([c('TOPIC_FIT', 1), c('EVIDENCE', 0)], [], { weights: { TOPIC_FIT: 1, EVIDENCE: 1 } }).reasons.map((r) => r.kind)).toEqual(['TOPIC_FIT']);
  });
});

describe('rankByScore', () => {
  it('sorts best first and breaks ties by key, whatever the input order', () => {
    const items = [
      { key: 'b', score: 0.5 },
      { key: 'c', score: 0.9 },
      { key: 'a', score: 0.5 },
    ];
    expect(rankByScore(items).map((i) => i.key)).toEqual(['c', 'a', 'b']);
    expect(rankByScore([...items].reverse()).map((i) => i.key)).toEqual(['c', 'a', 'b']);
  });
});

describe('combine with costs', () => {
  const cost = (kind: Component['kind'], value: number) => ({ kind, cost: value, detail: kind, detailJa: kind, records: [] });
  it('subtracts a cost in weight units, keeps reasons adding up to the score and shows the cost as a mismatch', () => {
    const card = combine([c('PRIOR_PARTNER', 1), c('TOPIC_FIT', 0.5)], [p('NO_COMMON_LANGUAGE', 0.5)], { weights: { PRIOR_PARTNER: 2, TOPIC_FIT: 2 } }, [cost('LOAD', 1)]);
    expect(card.score).toBeCloseTo(((3 - 1) / 4) * 0.5, 4);
    expect(card.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(card.score, 3);
    expect(card.mismatches.find((m) => m.kind === 'LOAD')!.weight).toBeCloseTo(1 / 4, 4);
    expect(card.mismatches.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(3 / 4 - card.score, 3);
  });

  it('never goes below zero', () => {
    const card = combine([c('TOPIC_FIT', 0.1)], [], { weights: { TOPIC_FIT: 1 } }, [cost('LOAD', 5)]);
    expect(card.score).toBe(0);
    expect(card.reasons).toEqual([]);
    expect(card.mismatches[0]).toMatchObject({ kind: 'LOAD', weight: 0.1 });
  });
});
