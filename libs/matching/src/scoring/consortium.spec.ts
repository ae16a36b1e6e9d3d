import { describe, expect, it } from 'vitest';
import { bestConsortia, type ConsortiumCandidate } from './consortium';
import { muni } from './spec-fixtures';

const cand = (key: string, coverage: Record<string, number>, score: number, at: [number, number] | null = null): ConsortiumCandidate => ({
  municipality: muni({ key, latitude: at?.[0] ?? null, longitude: at?.[1] ?? null }),
  coverage: new Map(Object.entries(coverage)),
  score,
});

describe('bestConsortia', () => {
  const T = ['a', 'b', 'c'];
  it('covers every topic with the fewest useful members and says who covers what', () => {
    const plans = bestConsortia(T, [cand('x', { a: 1, b: 1 }, 0.8), cand('y', { c: 0.8 }, 0.5), cand('z', { a: 0.5 }, 0.9)], 3);
    expect(plans[0]!.members.map((m) => m.municipality.key)).toEqual(['x', 'y']);
    expect(Object.fromEntries(plans[0]!.coveredBy)).toEqual({ a: 'x', b: 'x', c: 'y' });
    expect(plans[0]!.uncovered).toEqual([]);
    // z adds nothing to x+y, so no plan carries it as a passenger
    expect(plans.every((p) => !(p.members.length === 3))).toBe(true);
  });

  it('prefers neighbours when coverage is equal', () => {
    const kanto: [number, number] = [35.6, 139.7];
    const plans = bestConsortia(['a', 'b'], [cand('far', { b: 1 }, 0.6, [33.6, 130.4]), cand('home', { a: 1 }, 0.6, kanto), cand('near', { b: 1 }, 0.6, [35.5, 139.6])], 2);
    expect(plans[0]!.members.map((m) => m.municipality.key)).toEqual(['home', 'near']);
  });

  it('respects the size limit and reports what stays uncovered', () => {
    const plans = bestConsortia(T, [cand('x', { a: 1 }, 0.5), cand('y', { b: 1 }, 0.5), cand('z', { c: 1 }, 0.5)], 2);
    expect(plans[0]!.members).toHaveLength(2);
    expect(plans[0]!.uncovered).toHaveLength(1);
  });

  it('ignores coverage below the threshold', () => {
    expect(bestConsortia(['a'], [cand('x', { a: 0.1 }, 0.9)], 3)).toEqual([]);
  });
});
