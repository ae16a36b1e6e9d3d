/**
 * The baselines the matcher is measured against, on exactly the same cases and the same visible
 * history. Each scores every candidate body from the partnerships it carried; pure.
 */
import type { Ranked } from './metrics';

/** One partnership as the baselines see it. */
export interface SeenPartnership {
  providers: readonly string[];
  partner: string | null;
  country: string | null;
  topics: readonly string[];
}

export interface PostedNeed {
  partner: string;
  country: string;
  topics: readonly string[];
}

const domain = (t: string) => t.split('.')[0]!;

/**
 * Topic overlap of a past partnership with the need: 1 per topic of the partnership that the need
 * names exactly, 0.3 per topic under the same parent (domain) as one of the need's topics.
 */
export function topicOverlap(partnershipTopics: readonly string[], needTopics: readonly string[]): number {
  let s = 0;
  for (const t of partnershipTopics) {
    if (needTopics.includes(t)) s += 1;
    else if (needTopics.some((w) => domain(w) === domain(t))) s += 0.3;
  }
  return s;
}

type Scorer = (p: SeenPartnership, need: PostedNeed) => number;

function byBody(bodies: readonly string[], seen: readonly SeenPartnership[], need: PostedNeed, f: Scorer): Ranked[] {
  const score = new Map(bodies.map((b) => [b, 0]));
  for (const p of seen) for (const b of p.providers) if (score.has(b)) score.set(b, score.get(b)! + f(p, need));
  return [...score].map(([key, s]) => ({ key, score: Math.round(s * 1e6) / 1e6 })).sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/** Popularity: how many partnerships a body has carried so far. */
export const popularity = (bodies: readonly string[], seen: readonly SeenPartnership[], need: PostedNeed): Ranked[] => byBody(bodies, seen, need, () => 1);

/** Topic only: the summed topic overlap of a body's past partnerships with the need. */
export const topicOnly = (bodies: readonly string[], seen: readonly SeenPartnership[], need: PostedNeed): Ranked[] => byBody(bodies, seen, need, (p, n) => topicOverlap(p.topics, n.topics));

/** Country only: 1 when a body has worked in the partner's country, else 0. */
export function countryOnly(bodies: readonly string[], seen: readonly SeenPartnership[], need: PostedNeed): Ranked[] {
  const there = new Set(seen.filter((p) => p.country === need.country).flatMap((p) => p.providers));
  return bodies.map((key) => ({ key, score: there.has(key) ? 1 : 0 })).sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/**
 * The 3-term heuristic of the issue that asked for this evaluation: over a body's past
 * partnerships, 0.2 × topic overlap + 2 if the partnership was in the need's country + 3 if it
 * was with the same partner.
 */
export const heuristic = (bodies: readonly string[], seen: readonly SeenPartnership[], need: PostedNeed): Ranked[] =>
  byBody(bodies, seen, need, (p, n) => 0.2 * topicOverlap(p.topics, n.topics) + (p.country !== null && p.country === n.country ? 2 : 0) + (p.partner !== null && p.partner === n.partner ? 3 : 0));

export const BASELINES = { popularity, 'topic-only': topicOnly, 'country-only': countryOnly, 'heuristic (3-term)': heuristic } as const;
