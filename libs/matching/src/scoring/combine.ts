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

/**
 * Weights of component kinds, and kinds switched off (for ablations). With a `gate`, the gate
 * kinds form a capability G = min(1, Σ wₖ·sₖ) (absolute weights) and every other kind a context
 * K = Σ wₖ·sₖ / Σ wₖ; score = G · (1 − α + α·K) · Π fᵢ — context can move what a candidate can do
 * by at most α, never stand in for it (no context signal at all: score = G). Without a gate:
 * score = Σ wₖ·sₖ / Σ wₖ · Π fᵢ.
 */
export interface ScoringProfile {
  weights: Partial<Record<ReasonKind, number>>;
  disabled?: ReadonlySet<ReasonKind>;
  gate?: { kinds: readonly ReasonKind[]; alpha: number };
}

/** Scores are compared at this precision, so float noise never decides an order. */
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
export const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

function reason(kind: ReasonKind, weight: number, src: { detail: string; detailJa: string; records: RecordRef[] }): MatchReason {
  return { kind, weight: round4(weight), detail: src.detail, detailJa: src.detailJa, ...reasonLabels(kind), records: src.records };
}

const byWeightThenKind = (a: MatchReason, b: MatchReason): number => b.weight - a.weight || a.kind.localeCompare(b.kind);

interface Coefficients {
  /** cₖ with base = Σ cₖ·sₖ: each reason's share of the score is cₖ·sₖ. */
  reason: Map<Component, number>;
  /** What a unit of strength more would add to the score (for shortfalls). */
  marginal: Map<Component, number>;
}

function coefficients(active: readonly Component[], profile: ScoringProfile): Coefficients {
  const w = (c: Component) => profile.weights[c.kind]!;
  const reason = new Map<Component, number>();
  const marginal = new Map<Component, number>();
  const gate = profile.gate;
  if (!gate) {
    const total = active.reduce((sum, c) => sum + w(c), 0);
    for (const c of active) reason.set(c, total > 0 ? w(c) / total : 0);
    return { reason, marginal: reason };
  }
  const inGate = active.filter((c) => gate.kinds.includes(c.kind));
  const context = active.filter((c) => !gate.kinds.includes(c.kind));
  const raw = inGate.reduce((sum, c) => sum + w(c) * clamp01(c.strength), 0);
  const g = inGate.length ? Math.min(1, raw) : 1;
  const ctxTotal = context.reduce((sum, c) => sum + w(c), 0);
  const alpha = ctxTotal > 0 ? gate.alpha : 0;
  const k = ctxTotal > 0 ? context.reduce((sum, c) => sum + (w(c) / ctxTotal) * clamp01(c.strength), 0) : 0;
  const capped = raw > 1 ? 1 / raw : 1;
  // score = G·(1 − α) + G·α·K: the gate kinds carry the first term, the context kinds the second.
  for (const c of inGate) {
    reason.set(c, w(c) * capped * (1 - alpha));
    marginal.set(c, w(c) * (1 - alpha + alpha * k));
  }
  for (const c of context) {
    reason.set(c, ctxTotal > 0 ? (g * alpha * w(c)) / ctxTotal : 0);
    marginal.set(c, reason.get(c)!);
  }
  return { reason, marginal };
}

/**
 * Combines components (what fits) and penalties (multiplicative reductions) into a score 0..1,
 * over the components present (a signal that does not apply to the need, e.g. scheme fit for a
 * need naming no scheme, is simply absent). Every reason's weight is its share of the final score,
 * so reasons add up to the score; every mismatch's weight is the score it cost (penalty losses are
 * split in proportion to ln fᵢ, so their order does not matter).
 */
export function combine(components: readonly Component[], penalties: readonly Penalty[], profile: ScoringProfile): ScoreCard {
  const off = profile.disabled ?? new Set<ReasonKind>();
  const active = components.filter((c) => !off.has(c.kind) && (profile.weights[c.kind] ?? 0) > 0);
  const { reason: coef, marginal } = coefficients(active, profile);
  const base = active.reduce((sum, c) => sum + coef.get(c)! * clamp01(c.strength), 0);

  const applied = penalties.filter((p) => !off.has(p.kind) && p.factor < 1);
  const factors = applied.map((p) => Math.max(1e-6, Math.min(1, p.factor)));
  const product = factors.reduce((a, f) => a * f, 1);
  const score = round4(clamp01(base * product));

  const reasons = active
    .filter((c) => clamp01(c.strength) > 0)
    .map((c) => reason(c.kind, coef.get(c)! * clamp01(c.strength) * product, c))
    .filter((r) => r.weight > 0);
  const lost = base * (1 - product);
  const logSum = factors.reduce((a, f) => a + Math.log(f), 0);
  const mismatches = [
    ...active.filter((c) => c.shortfall && c.shortfall.share > 0).map((c) => reason(c.shortfall!.kind, marginal.get(c)! * clamp01(c.shortfall!.share) * product, c.shortfall!)),
    ...applied.map((p, i) => reason(p.kind, logSum < 0 ? (lost * Math.log(factors[i]!)) / logSum : 0, p)),
  ];
  return { score, reasons: reasons.sort(byWeightThenKind), mismatches: mismatches.sort(byWeightThenKind) };
}

/** Best first; equal scores break by key, so the same data always gives the same order. */
export function rankByScore<T extends { key: string; score: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
