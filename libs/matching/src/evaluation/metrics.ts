/**
 * Ranking metrics of the leave-one-out evaluation, tie-aware: when a real provider shares its
 * score with others, it is credited with its *expected* position under a random order of the tie
 * (so no method gains from alphabetical luck). A random ranking is the special case of one tie
 * spanning every candidate.
 */
import { topMembership } from '../scoring/spread';

export interface MethodMetrics {
  method: string;
  cases: number;
  hit1: number;
  hit3: number;
  hit5: number;
  mrr: number;
  /** Share of cases whose real provider is suggested at all (appears in the method's list with a score above 0). */
  coverage: number;
  /** The largest share of the top-3 lists held by one body (ties shared), and which body. */
  top3Share: number;
  top3Leader: string | null;
}

/** Where the real providers landed: the tie group holding the best of them. */
export interface CaseOutcome {
  /** 1-based position where the tie group starts. */
  start: number;
  /** Size of the tie group. */
  size: number;
  /** Real providers inside it. */
  positives: number;
}

export interface Ranked {
  key: string;
  score: number;
}

/** The outcome of one ranked list (null when no real provider is in it with a score above 0: not suggested). */
export function outcomeOf(list: readonly Ranked[], truth: ReadonlySet<string>): CaseOutcome | null {
  const first = list.findIndex((r) => truth.has(r.key) && r.score > 0);
  if (first < 0) return null;
  const score = list[first]!.score;
  let start = first;
  while (start > 0 && list[start - 1]!.score === score) start--;
  let end = first;
  while (end + 1 < list.length && list[end + 1]!.score === score) end++;
  const group = list.slice(start, end + 1);
  return { start: start + 1, size: group.length, positives: group.filter((r) => truth.has(r.key)).length };
}

/** P(best of `positives` lands within the first k of n ordered uniformly at random). */
export function randomHitAt(n: number, positives: number, k: number): number {
  if (positives <= 0 || k <= 0) return 0;
  let miss = 1;
  for (let i = 0; i < Math.min(k, n); i++) miss *= Math.max(0, n - positives - i) / (n - i);
  return 1 - miss;
}

/** P(best of `positives` among n sits at position ≥ r) under a random order. */
function survive(n: number, positives: number, r: number): number {
  let s = 1;
  for (let i = 0; i < positives; i++) s *= Math.max(0, n - r + 1 - i) / (n - i);
  return s;
}

/** E[1 / (offset + best position of `positives` among n)] under a random order. */
export function randomReciprocalRank(n: number, positives: number, offset = 0): number {
  if (positives <= 0 || n <= 0) return 0;
  let e = 0;
  for (let r = 1; r <= n; r++) e += (survive(n, positives, r) - survive(n, positives, r + 1)) / (offset + r);
  return e;
}

export const hitAt = (o: CaseOutcome | null, k: number): number => (o ? randomHitAt(o.size, o.positives, k - o.start + 1) : 0);
export const reciprocalRank = (o: CaseOutcome | null): number => (o ? randomReciprocalRank(o.size, o.positives, o.start - 1) : 0);
/** Expected 1-based rank of the best real provider. */
export { topMembership };

export const expectedRank = (o: CaseOutcome | null): number | null => (o ? o.start - 1 + (o.size + 1) / (o.positives + 1) : null);

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The body holding the largest expected share of the top-3 lists, and that share. */
export function largestTop3Share(lists: readonly (readonly Ranked[])[]): { share: number; leader: string | null } {
  const held = new Map<string, number>();
  for (const list of lists) for (const [key, m] of topMembership(list)) held.set(key, (held.get(key) ?? 0) + m);
  let leader: string | null = null;
  let most = 0;
  for (const [key, v] of [...held].sort((a, b) => a[0].localeCompare(b[0]))) if (v > most + 1e-12) [leader, most] = [key, v];
  return { share: lists.length ? r4(most / lists.length) : 0, leader };
}

export function summarise(method: string, outcomes: readonly (CaseOutcome | null)[], lists: readonly (readonly Ranked[])[]): MethodMetrics {
  const n = outcomes.length || 1;
  const mean = (f: (o: CaseOutcome | null) => number) => r4(outcomes.reduce((s, o) => s + f(o), 0) / n);
  const { share, leader } = largestTop3Share(lists);
  return {
    method,
    cases: outcomes.length,
    hit1: mean((o) => hitAt(o, 1)),
    hit3: mean((o) => hitAt(o, 3)),
    hit5: mean((o) => hitAt(o, 5)),
    mrr: mean(reciprocalRank),
    coverage: mean((o) => (o ? 1 : 0)),
    top3Share: share,
    top3Leader: leader,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The metrics as a Markdown table. */
export function metricsTable(rows: readonly MethodMetrics[]): string {
  const lines = ['| method | cases | Hit@1 | Hit@3 | Hit@5 | MRR | coverage | largest top-3 share |', '|---|---:|---:|---:|---:|---:|---:|---|'];
  for (const r of rows) lines.push(`| ${r.method} | ${r.cases} | ${pct(r.hit1)} | ${pct(r.hit3)} | ${pct(r.hit5)} | ${r.mrr.toFixed(3)} | ${pct(r.coverage)} | ${pct(r.top3Share)}${r.top3Leader ? ` (${r.top3Leader})` : ''} |`);
  return lines.join('\n');
}
