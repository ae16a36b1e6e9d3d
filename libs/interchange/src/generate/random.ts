import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A seeded random source (pure-rand's xoroshiro128+): the same seed gives the same document on
 * every machine and Node version, which Math.random cannot promise.
 */
export class Random {
  private readonly generator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
    // The first outputs of a small seed are poorly mixed (seed 42 starts at 0.99999…).
    for (let i = 0; i < 16; i++) uniformFloat64(this.generator);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.float() * list.length)]!;
  }

  /** An index drawn in proportion to `cumulative` (running totals of the weights). */
  weightedIndex(cumulative: readonly number[]): number {
    const target = this.float() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** `count` distinct items drawn in proportion to their weights (fewer when there are fewer). */
  sample<T>(items: readonly T[], weights: readonly number[], count: number): T[] {
    // Efraimidis–Spirakis: the `count` largest u^(1/w) form a weighted sample without replacement.
    return items
      .map((item, i) => ({ item, k: weights[i]! > 0 ? Math.pow(this.float(), 1 / weights[i]!) : -1 }))
      .filter((x) => x.k >= 0)
      .sort((a, b) => b.k - a.k)
      .slice(0, count)
      .map((x) => x.item);
  }
}

/** Running totals of `weights`, for `Random.weightedIndex`. */
export function cumulative(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((w) => (total += w));
}

/** Zipf-like weights 1/rank^s for `n` ranks: a few items take most of the draws, as topics do. */
export const zipfWeights = (n: number, s = 1.1): number[] => Array.from({ length: n }, (_, rank) => 1 / Math.pow(rank + 1, s));
