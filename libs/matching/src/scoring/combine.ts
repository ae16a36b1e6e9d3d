import { reasonLabels, type MatchReason, type ReasonKind, type RecordRef, type ScoreCard } from './reason';

/** What a signal found for one candidate: `strength` 0..1 and the records it rests on. */
export interface Component {
  kind: ReasonKind;
  /** 0 = the signal does not hold at all, 1 = as strongly as it can. */
  strength: number;
  detail: string;
  detailJa: string;
  records: RecordRef[];
  /** The part of this signal that does not fit (e.g. topics left uncovered), shown as a mismatch. */
  shortfall?: Shortfall;
}

export interface Shortfall {
  kind: ReasonKind;
  /** Fraction 0..1 of this component's weight that is lost. */
  share: number;
  detail: string;
  detailJa: string;
  records: RecordRef[];
}

/** A multiplicative reduction (capacity, eligibility, feedback): `factor` in (0, 1]. */
export interface Penalty {
  kind: ReasonKind;
  factor: number;
  detail: string;
  detailJa: string;
  records: RecordRef[];
}

/** Relative weights of component kinds, and kinds switched off (for ablations). */
export interface ScoringProfile {
  weights: Partial<Record<ReasonKind, number>>;
  disabled?: ReadonlySet<ReasonKind>;
}

/** Scores are compared at this precision, so float noise never decides an order. */
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
export const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

function reason(kind: ReasonKind, weight: number, src: { detail: string; detailJa: string; records: RecordRef[] }): MatchReason {
  return { kind, weight: round4(weight), detail: src.detail, detailJa: src.detailJa, ...reasonLabels(kind), records: src.records };
}

const byWeightThenKind = (a: MatchReason, b: MatchReason): number => b.weight - a.weight || a.kind.localeCompare(b.kind);

/**
 * score = (Σ wₖ·sₖ / Σ wₖ) · Π fᵢ, over the components present (a signal that does not apply to the
 * need, e.g. scheme fit for a need naming no scheme, is simply absent). Every reason's weight is its
 * share of the final score, so reasons add up to the score; every mismatch's weight is the score it
 * cost (penalty losses are split in proportion to ln fᵢ, so their order does not matter).
 */
export function combine(components: readonly Component[], penalties: readonly Penalty[], profile: ScoringProfile): ScoreCard {
  const off = profile.disabled ?? new Set<ReasonKind>();
  const active = components.filter((c) => !off.has(c.kind) && (profile.weights[c.kind] ?? 0) > 0);
  const totalWeight = active.reduce((sum, c) => sum + profile.weights[c.kind]!, 0);
  const norm = (c: Component): number => (totalWeight > 0 ? profile.weights[c.kind]! / totalWeight : 0);
  const base = active.reduce((sum, c) => sum + norm(c) * clamp01(c.strength), 0);

  const applied = penalties.filter((p) => !off.has(p.kind) && p.factor < 1);
  const factors = applied.map((p) => Math.max(1e-6, Math.min(1, p.factor)));
  const product = factors.reduce((a, f) => a * f, 1);
  const score = round4(clamp01(base * product));

  const reasons = active
    .filter((c) => clamp01(c.strength) > 0)
    .map((c) => reason(c.kind, norm(c) * clamp01(c.strength) * product, c))
    .filter((r) => r.weight > 0);
  const lost = base * (1 - product);
  const logSum = factors.reduce((a, f) => a + Math.log(f), 0);
  const mismatches = [
    ...active.filter((c) => c.shortfall && c.shortfall.share > 0).map((c) => reason(c.shortfall!.kind, norm(c) * clamp01(c.shortfall!.share) * product, c.shortfall!)),
    ...applied.map((p, i) => reason(p.kind, logSum < 0 ? (lost * Math.log(factors[i]!)) / logSum : 0, p)),
  ];
  return { score, reasons: reasons.sort(byWeightThenKind), mismatches: mismatches.sort(byWeightThenKind) };
}

/** Best first; equal scores break by key, so the same data always gives the same order. */
export function rankByScore<T extends { key: string; score: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
