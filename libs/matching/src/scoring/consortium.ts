import type { MunicipalityFacts } from './facts';
import { closeness } from './geo';

/** A possible member: how well it covers each topic (0..1) and its own partner score for the need. */
export interface ConsortiumCandidate {
  municipality: MunicipalityFacts;
  coverage: ReadonlyMap<string, number>;
  score: number;
}

export interface ConsortiumPlan {
  members: ConsortiumCandidate[];
  /** topic → key of the member that covers it best (ties: the lower key). */
  coveredBy: Map<string, string>;
  uncovered: string[];
  coverage: number;
  neighbourliness: number;
  quality: number;
  score: number;
}

/** A topic counts as covered from this value (e.g. a sibling topic at level 3, or the exact topic at level 2). */
export const COVER_THRESHOLD = 0.35;
/** How many of the best individual candidates the exhaustive search looks at (C(20,3) = 1140 sets). */
export const CONSORTIUM_POOL = 20;
/** Composition of a consortium's score; every extra member costs a little (coordination is work). */
export const CONSORTIUM_WEIGHTS = { coverage: 0.6, neighbourliness: 0.2, quality: 0.2, perExtraMember: 0.03 } as const;

function evaluate(topics: readonly string[], members: ConsortiumCandidate[]): ConsortiumPlan | null {
  const coveredBy = new Map<string, string>();
  let coverage = 0;
  for (const t of topics) {
    let best: ConsortiumCandidate | null = null;
    for (const m of members) {
      const v = m.coverage.get(t) ?? 0;
      if (v >= COVER_THRESHOLD && (!best || v > best.coverage.get(t)! || (v === best.coverage.get(t) && m.municipality.key < best.municipality.key))) best = m;
    }
    if (best) {
      coveredBy.set(t, best.municipality.key);
      coverage += best.coverage.get(t)!;
    }
  }
  // A set cover is minimal: every member must be the best cover of at least one topic.
  if (members.some((m) => ![...coveredBy.values()].includes(m.municipality.key))) return null;
  let pairs = 0;
  let near = 0;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      pairs++;
      near += closeness(members[i]!.municipality, members[j]!.municipality).value;
    }
  }
  const neighbourliness = pairs ? near / pairs : 1;
  const quality = members.reduce((s, m) => s + m.score, 0) / members.length;
  const cov = topics.length ? coverage / topics.length : 0;
  const w = CONSORTIUM_WEIGHTS;
  const score = Math.max(0, w.coverage * cov + w.neighbourliness * neighbourliness + w.quality * quality - w.perExtraMember * (members.length - 1));
  return {
    members: [...members].sort((a, b) => a.municipality.key.localeCompare(b.municipality.key)),
    coveredBy,
    uncovered: topics.filter((t) => !coveredBy.has(t)),
    coverage: cov,
    neighbourliness,
    quality,
    score: Math.round(score * 10_000) / 10_000,
  };
}

/**
 * Small set cover by exhaustion: every minimal set of two to `maxSize` (≤ 3) members from the best
 * candidates, ranked by full cover first, then score, then member keys. Exact for these sizes. A
 * single municipality is no consortium (partnerSuggestions lists those).
 */
export function bestConsortia(topics: readonly string[], candidates: readonly ConsortiumCandidate[], maxSize: number, limit = 5): ConsortiumPlan[] {
  const pool = [...candidates].sort((a, b) => b.score - a.score || a.municipality.key.localeCompare(b.municipality.key)).slice(0, CONSORTIUM_POOL);
  const plans: ConsortiumPlan[] = [];
  const pick = (start: number, chosen: ConsortiumCandidate[]) => {
    if (chosen.length >= 2) {
      const plan = evaluate(topics, chosen);
      if (plan) plans.push(plan);
    }
    if (chosen.length === maxSize) return;
    for (let i = start; i < pool.length; i++) pick(i + 1, [...chosen, pool[i]!]);
  };
  pick(0, []);
  const id = (p: ConsortiumPlan) => p.members.map((m) => m.municipality.key).join(',');
  return plans
    .sort((a, b) => a.uncovered.length - b.uncovered.length || b.score - a.score || id(a).localeCompare(id(b)))
    .slice(0, limit);
}
