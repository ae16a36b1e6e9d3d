/**
 * Ranking metrics of the leave-one-out evaluation, tie-aware: when a real provider shares its
 * score with others, it is credited with its *expected* position under a random order of the tie
 * (so no method gains from alphabetical luck). A random ranking is the special case of one tie
 * spanning every candidate.
 */

export interface MethodMetrics {
  method: string;
  cases: number;
  hit1: number;
  hit3: number;
  hit5: number;
  mrr: number;
  /** Share of cases whose real provider appears anywhere in the method's list. */
  recall: number;
  /** Share of the directory's municipalities that appear in at least one top 5 (how widely suggestions spread). */
  coverage: number;
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

/** The outcome of one ranked list (null when no real provider is in it). */
export function outcomeOf(list: readonly Ranked[], truth: ReadonlySet<string>): CaseOutcome | null {
  const first = list.findIndex((r) => truth.has(r.key));
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
export const expectedRank = (o: CaseOutcome | null): number | null => (o ? o.start - 1 + (o.size + 1) / (o.positives + 1) : null);

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function summarise(method: string, outcomes: readonly (CaseOutcome | null)[], top5: readonly (readonly string[])[], directorySize: number): MethodMetrics {
  const n = outcomes.length || 1;
  const mean = (f: (o: CaseOutcome | null) => number) => r4(outcomes.reduce((s, o) => s + f(o), 0) / n);
  return {
    method,
    cases: outcomes.length,
    hit1: mean((o) => hitAt(o, 1)),
    hit3: mean((o) => hitAt(o, 3)),
    hit5: mean((o) => hitAt(o, 5)),
    mrr: mean(reciprocalRank),
    recall: mean((o) => (o ? 1 : 0)),
    coverage: r4(directorySize ? new Set(top5.flat()).size / directorySize : 0),
  };
}

export interface RandomCase {
  /** Municipalities that could be ranked (all but the recipient). */
  candidates: readonly string[];
  positives: number;
}

/** The random baseline's expected values (exact, no sampling) on the same cases. */
export function randomExpectation(cases: readonly RandomCase[], directory: readonly string[]): MethodMetrics {
  const outcomes = cases.map((c) => ({ start: 1, size: c.candidates.length, positives: c.positives }));
  const inCase = cases.map((c) => ({ set: new Set(c.candidates), p: Math.min(5, c.candidates.length) / (c.candidates.length || 1) }));
  const expectedShown = directory.reduce((sum, m) => sum + (1 - inCase.reduce((miss, c) => miss * (c.set.has(m) ? 1 - c.p : 1), 1)), 0);
  return { ...summarise('random (expected)', outcomes, [], 0), coverage: r4(directory.length ? expectedShown / directory.length : 0) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The metrics as a Markdown table. */
export function metricsTable(rows: readonly MethodMetrics[]): string {
  const lines = ['| method | cases | Hit@1 | Hit@3 | Hit@5 | MRR | recall | coverage@5 |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.method} | ${r.cases} | ${pct(r.hit1)} | ${pct(r.hit3)} | ${pct(r.hit5)} | ${r.mrr.toFixed(3)} | ${pct(r.recall)} | ${pct(r.coverage)} |`);
  return lines.join('\n');
}
