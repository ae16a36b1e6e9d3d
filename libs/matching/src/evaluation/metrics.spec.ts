import { describe, expect, it } from 'vitest';
import { expectedRank, hitAt, largestTop3Share, metricsTable, outcomeOf, randomHitAt, randomReciprocalRank, reciprocalRank, summarise, topMembership } from './metrics';

const list = (...scores: [string, number][]) => scores.map(([key, score]) => ({ key, score }));
const truth = (...k: string[]) => new Set(k);

describe('tie-aware outcomes', () => {
  it.each([
    { name: 'clear first', l: list(['a', 0.9], ['b', 0.5]), t: ['a'], o: { start: 1, size: 1, positives: 1 }, rank: 1, h1: 1, rr: 1 },
    { name: 'clear second', l: list(['b', 0.9], ['a', 0.5]), t: ['a'], o: { start: 2, size: 1, positives: 1 }, rank: 2, h1: 0, rr: 0.5 },
    { name: 'tied for first with one other', l: list(['a', 0.9], ['b', 0.9], ['c', 0.1]), t: ['b'], o: { start: 1, size: 2, positives: 1 }, rank: 1.5, h1: 0.5, rr: 0.75 },
    { name: 'two providers tied', l: list(['x', 1], ['a', 0.5], ['b', 0.5]), t: ['a', 'b'], o: { start: 2, size: 2, positives: 2 }, rank: 2, h1: 0, rr: 0.5 },
    { name: 'absent', l: list(['x', 1]), t: ['a'], o: null, rank: null, h1: 0, rr: 0 },
    { name: 'listed with score 0: not suggested', l: list(['x', 1], ['a', 0]), t: ['a'], o: null, rank: null, h1: 0, rr: 0 },
  ])('$name', ({ l, t, o, rank, h1, rr }) => {
    const out = outcomeOf(l, truth(...t));
    expect(out).toEqual(o);
    expect(expectedRank(out)).toBe(rank);
    expect(hitAt(out, 1)).toBeCloseTo(h1, 10);
    expect(reciprocalRank(out)).toBeCloseTo(rr, 10);
  });

  it('gives no advantage to alphabetical tie-breaking', () => {
    const tie = list(['a', 0.5], ['b', 0.5], ['c', 0.5], ['d', 0.5]);
    expect(reciprocalRank(outcomeOf(tie, truth('a')))).toBeCloseTo(reciprocalRank(outcomeOf(tie, truth('d'))), 10);
  });
});

describe('summarise', () => {
  it('averages Hit@k, MRR and coverage over cases', () => {
    const m = summarise('m', [{ start: 1, size: 1, positives: 1 }, { start: 4, size: 1, positives: 1 }, null], []);
    expect(m).toMatchObject({ hit1: 0.3333, hit3: 0.3333, hit5: 0.6667, mrr: 0.4167, coverage: 0.6667 });
  });

  it('finds the body holding the largest share of the top-3 lists, ties shared', () => {
    const lists = [list(['a', 3], ['b', 2], ['c', 1], ['d', 0]), list(['a', 3], ['c', 2], ['d', 1]), list(['b', 1], ['c', 1], ['d', 1], ['e', 1])];
    expect(topMembership(lists[2]!)).toEqual(new Map([['b', 0.75], ['c', 0.75], ['d', 0.75], ['e', 0.75]]));
    expect(largestTop3Share(lists)).toEqual({ share: 0.9167, leader: 'c' });
    expect(summarise('m', [null, null, null], lists)).toMatchObject({ top3Share: 0.9167, top3Leader: 'c' });
  });
});

describe('random baseline (exact expectation)', () => {
  it.each([
    [10, 1, 1, 0.1],
    [10, 1, 3, 0.3],
    [10, 2, 1, 0.2],
    [4, 2, 3, 1],
  ])('Hit@k with n=%i, p=%i, k=%i = %f', (n, p, k, v) => {
    expect(randomHitAt(n, p, k)).toBeCloseTo(v, 10);
  });

  it('MRR of one positive among n is H(n)/n', () => {
    const h = (n: number) => Array.from({ length: n }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
    expect(randomReciprocalRank(7, 1)).toBeCloseTo(h(7) / 7, 10);
    expect(randomReciprocalRank(2, 2)).toBeCloseTo(1, 10);
  });

  it('agrees with a simulation', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let rr = 0;
    const runs = 20000;
    for (let i = 0; i < runs; i++) {
      const order = Array.from({ length: 12 }, (_, j) => [rnd(), j] as const).sort((a, b) => a[0] - b[0]);
      rr += 1 / (order.findIndex(([, j]) => j < 2) + 1);
    }
    expect(randomReciprocalRank(12, 2)).toBeCloseTo(rr / runs, 2);
  });

});

it('prints a Markdown table', () => {
  expect(metricsTable([summarise('matcher', [{ start: 1, size: 1, positives: 1 }], [list(['a', 1])])])).toContain('| matcher | 1 | 100.0% | 100.0% | 100.0% | 1.000 | 100.0% | 100.0% (a) |');
});
