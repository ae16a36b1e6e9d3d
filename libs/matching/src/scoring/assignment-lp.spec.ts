import fc from 'fast-check';
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { optimalAssignment, type Edge } from './assignment';

/**
 * The pairing plan's flow solution against an independent solver on instances far too large for
 * the brute force of assignment.spec.ts: HiGHS solves the b-matching as a linear programme
 * (bipartite, so the LP optimum is integral) and the two optima must agree.
 */
let highs: Awaited<ReturnType<typeof highsLoader>>;
beforeAll(async () => {
  highs = await highsLoader();
});

/** The plan as CPLEX LP text: maximise Σ score·x, each need at most once, each provider within capacity. */
function lp(edges: readonly Edge[], capacity: ReadonlyMap<string, number>): string {
  const x = (i: number) => `x${i}`;
  const usable = edges.map((e, i) => ({ e, i })).filter(({ e }) => e.score > 0);
  const rows = (key: 'need' | 'provider') => {
    const groups = new Map<string, number[]>();
    for (const { e, i } of usable) groups.set(e[key], [...(groups.get(e[key]) ?? []), i]);
    return [...groups].map(([k, ix], r) => ` ${key[0]}${r}: ${ix.map(x).join(' + ')} <= ${key === 'need' ? 1 : (capacity.get(k) ?? 0)}`);
  };
  return [
    'Maximize',
    ` obj: ${usable.map(({ e, i }) => `${Math.round(e.score * 1_000_000)} ${x(i)}`).join(' + ') || '0 x0'}`,
    'Subject To',
    ...rows('need'),
    ...rows('provider'),
    'Bounds',
    ...usable.map(({ i }) => ` 0 <= ${x(i)} <= 1`),
    'End',
  ].join('\n');
}

const instance = fc
  .record({ needs: fc.integer({ min: 1, max: 40 }), providers: fc.integer({ min: 1, max: 15 }) })
  .chain(({ needs, providers }) =>
    fc.record({
      edges: fc.uniqueArray(
        fc.record({ need: fc.integer({ min: 0, max: needs - 1 }), provider: fc.integer({ min: 0, max: providers - 1 }), score: fc.integer({ min: 0, max: 1000 }) }),
        { selector: (e) => `${e.need}/${e.provider}`, maxLength: needs * providers },
      ),
      capacity: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: providers, maxLength: providers }),
    }),
  );

describe('pairing plans against HiGHS', () => {
  it('reach the linear programme optimum on random instances of up to 40 needs and 15 providers', () => {
    fc.assert(
      fc.property(instance, ({ edges, capacity }) => {
        const es: Edge[] = edges.map((e) => ({ need: `n${e.need}`, provider: `p${e.provider}`, score: e.score / 1000 }));
        const caps = new Map(capacity.map((c, i) => [`p${i}`, c]));
        const plan = optimalAssignment(es, caps);
        const solved = highs.solve(lp(es, caps));
        expect(solved.Status).toBe('Optimal');
        expect(Math.round(plan.totalScore * 1_000_000)).toBe(Math.round(solved.ObjectiveValue));
      }),
      { numRuns: 60, seed: 17 },
    );
  });
});
