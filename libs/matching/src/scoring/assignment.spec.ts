import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyAssignment, optimalAssignment, type Edge } from './assignment';

/** Every feasible plan, by exhaustion: the reference the flow solution is checked against. */
function bruteForce(edges: readonly Edge[], capacity: ReadonlyMap<string, number>): number {
  const needs = [...new Set(edges.map((e) => e.need))];
  let best = 0;
  const used = new Map<string, number>();
  const walk = (i: number, total: number) => {
    if (i === needs.length) {
      best = Math.max(best, total);
      return;
    }
    walk(i + 1, total);
    for (const e of edges.filter((x) => x.need === needs[i] && x.score > 0)) {
      const u = used.get(e.provider) ?? 0;
      if (u >= (capacity.get(e.provider) ?? 0)) continue;
      used.set(e.provider, u + 1);
      walk(i + 1, total + e.score);
      used.set(e.provider, u);
    }
  };
  walk(0, 0);
  return Math.round(best * 10_000) / 10_000;
}

const cap = (o: Record<string, number>) => new Map(Object.entries(o));

describe('pairing plans', () => {
  it('beats greedy where greedy takes the one provider two needs want', () => {
    const edges: Edge[] = [
      { need: 'n1', provider: 'tokyo', score: 0.9 },
      { need: 'n1', provider: 'kawasaki', score: 0.8 },
      { need: 'n2', provider: 'tokyo', score: 0.85 },
      { need: 'n2', provider: 'osaka', score: 0.2 },
    ];
    const capacity = cap({ tokyo: 1, kawasaki: 1, osaka: 1 });
    const greedy = greedyAssignment(edges, capacity);
    const best = optimalAssignment(edges, capacity);
    expect(greedy).toMatchObject({ totalScore: 1.1, distinctProviders: 2 });
    expect(best.totalScore).toBe(1.65);
    expect(best.pairs.map((p) => `${p.need}:${p.provider}`)).toEqual(['n1:kawasaki', 'n2:tokyo']);
  });

  it('never exceeds a provider’s capacity and leaves a need unassigned rather than overload', () => {
    const edges: Edge[] = ['a', 'b', 'c'].map((need) => ({ need, provider: 'tokyo', score: 0.9 }));
    const best = optimalAssignment(edges, cap({ tokyo: 2 }));
    expect(best.pairs).toHaveLength(2);
    expect(optimalAssignment(edges, cap({ tokyo: 0 })).pairs).toEqual([]);
  });

  it('matches brute force on random small cases and respects capacity', () => {
    const providers = ['p1', 'p2', 'p3', 'p4'];
    const arb = fc.record({
      edges: fc.array(
        fc.record({ need: fc.constantFrom('n1', 'n2', 'n3', 'n4', 'n5'), provider: fc.constantFrom(...providers), score: fc.integer({ min: 0, max: 100 }).map((x) => x / 100) }),
        { maxLength: 14 },
      ),
      caps: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(arb, ({ edges, caps }) => {
        const unique = [...new Map(edges.map((e) => [`${e.need}:${e.provider}`, e])).values()];
        const capacity = new Map(providers.map((p, i) => [p, caps[i]!]));
        const best = optimalAssignment(unique, capacity);
        expect(best.totalScore).toBeCloseTo(bruteForce(unique, capacity), 4);
        expect(best.totalScore).toBeGreaterThanOrEqual(greedyAssignment(unique, capacity).totalScore - 1e-9);
        for (const p of providers) expect(best.pairs.filter((x) => x.provider === p).length).toBeLessThanOrEqual(capacity.get(p)!);
        expect(new Set(best.pairs.map((x) => x.need)).size).toBe(best.pairs.length);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('is deterministic whatever the input order', () => {
    const edges: Edge[] = [
      { need: 'n1', provider: 'a', score: 0.5 },
      { need: 'n1', provider: 'b', score: 0.5 },
      { need: 'n2', provider: 'a', score: 0.5 },
      { need: 'n2', provider: 'b', score: 0.5 },
    ];
    const capacity = cap({ a: 1, b: 1 });
    expect(optimalAssignment([...edges].reverse(), capacity)).toEqual(optimalAssignment(edges, capacity));
  });
});
