import { describe, expect, it } from 'vitest';
import { fitConditionalLogit, folds } from './logit';

describe('conditional logit', () => {
  it('recovers the signal that picks the chosen candidate, and ignores noise', () => {
    // Feature 0 always marks the chosen one; feature 1 is the same for everyone.
    const cases = Array.from({ length: 20 }, (_, i) => ({ rows: [[i % 2 ? 1 : 0, 1], [i % 2 ? 0 : 1, 1], [0, 1]], chosen: i % 2 ? 0 : 1 }));
    const w = fitConditionalLogit(cases, 2);
    expect(w[0]).toBeGreaterThan(2);
    expect(Math.abs(w[1]!)).toBeLessThan(1e-3);
  });

  it('shrinks towards zero with a stronger penalty and is deterministic', () => {
    const cases = [{ rows: [[1], [0]], chosen: 0 }, { rows: [[1], [0]], chosen: 1 }, { rows: [[1], [0]], chosen: 0 }];
    const weak = fitConditionalLogit(cases, 1, 0.001);
    const strong = fitConditionalLogit(cases, 1, 1);
    expect(weak[0]).toBeCloseTo(Math.log(2), 1);
    expect(strong[0]!).toBeLessThan(weak[0]!);
    expect(fitConditionalLogit(cases, 1, 0.001)).toEqual(weak);
  });

  it('assigns folds round-robin', () => {
    expect(folds(7, 3)).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });
});
