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
 * What a candidate loses additively, in the same units as weight × strength (e.g. LOAD: busier than
 * its peers). Unlike a penalty it does not scale the rest of the score.
 */
export interface Cost {
  kind: ReasonKind;
  cost: number;
  detail: string;
  detailJa: string;
  records: RecordRef[];
}

/**
 * Weights of component kinds (absolute: a weight says how much a signal at full strength adds),
 * and kinds switched off (for ablations). score = max(0, Σ wₖ·sₖ − Σ costs) / Σ wₖ · Π fᵢ over the
 * components present, so a candidate with every signal at full strength scores 1.
 */
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

/** What `combine` adds up, before the score is formed: also what spreading (scoring/spread.ts) re-scores with a price. */
export function scoreParts(components: readonly Component[], penalties: readonly Penalty[], profile: ScoringProfile, costs: readonly Cost[] = []) {
  const off = profile.disabled ?? new Set<ReasonKind>();
  const w = (kind: ReasonKind) => profile.weights[kind] ?? 0;
  const active = components.filter((c) => !off.has(c.kind) && w(c.kind) > 0);
  const charged = costs.filter((c) => !off.has(c.kind) && c.cost > 0);
  const applied = penalties.filter((p) => !off.has(p.kind) && p.factor < 1);
  const factors = applied.map((p) => Math.max(1e-6, Math.min(1, p.factor)));
  return {
    active,
    total: active.reduce((sum, c) => sum + w(c.kind), 0),
    gained: active.reduce((sum, c) => sum + w(c.kind) * clamp01(c.strength), 0),
    charged,
    applied,
    factors,
    product: factors.reduce((a, f) => a * f, 1),
  };
}

/**
 * Combines components (what fits), costs (additive losses) and penalties (multiplicative
 * reductions) into a score 0..1, over the components present (a signal that does not apply to the
 * need, e.g. scheme fit for a need naming no scheme, is simply absent). Reasons add up to the
 * score; a cost's mismatch is what it took off before the penalties, a penalty's what it took off
 * after the costs (split in proportion to ln fᵢ, so their order does not matter): together they
 * add up to the components' own sum minus the score. A shortfall shows what its component could
 * still add.
 */
export function combine(components: readonly Component[], penalties: readonly Penalty[], profile: ScoringProfile, costs: readonly Cost[] = []): ScoreCard {
  const w = (kind: ReasonKind) => profile.weights[kind] ?? 0;
  const { active, total, gained, charged, applied, factors, product } = scoreParts(components, penalties, profile, costs);
  const cost = Math.min(gained, charged.reduce((sum, c) => sum + c.cost, 0));
  const net = total > 0 ? (gained - cost) / total : 0;
  const score = round4(clamp01(net * product));
  // Each reason keeps its share of what remains after the costs.
  const keep = gained > 0 ? (gained - cost) / gained : 0;

  const reasons = active
    .filter((c) => clamp01(c.strength) > 0)
    .map((c) => reason(c.kind, ((w(c.kind) * clamp01(c.strength)) / total) * keep * product, c))
    .filter((r) => r.weight > 0);
  const chargedTotal = charged.reduce((sum, c) => sum + c.cost, 0);
  const lost = net * (1 - product);
  const logSum = factors.reduce((a, f) => a + Math.log(f), 0);
  const mismatches = [
    ...active.filter((c) => c.shortfall && c.shortfall.share > 0).map((c) => reason(c.shortfall!.kind, (w(c.kind) / total) * clamp01(c.shortfall!.share) * product, c.shortfall!)),
    ...charged.map((c) => reason(c.kind, total > 0 ? (cost * (c.cost / chargedTotal)) / total : 0, c)),
    ...applied.map((p, i) => reason(p.kind, logSum < 0 ? (lost * Math.log(factors[i]!)) / logSum : 0, p)),
  ];
  return { score, reasons: reasons.sort(byWeightThenKind), mismatches: mismatches.sort(byWeightThenKind) };
}

/** Best first; equal scores break by key, so the same data always gives the same order. */
export function rankByScore<T extends { key: string; score: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * A component explained on its own, outside a score (a study session plan's reasons): its weight is
 * its strength 0..1, the records are those it rests on.
 */
export function standaloneReason(c: Component): MatchReason {
  return reason(c.kind, clamp01(c.strength), c);
}
