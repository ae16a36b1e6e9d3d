import { Injectable } from '@nestjs/common';
import type { MunicipalityEntity } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';
import { FactsQueryService, type NeedRow } from '../facts/facts-query.service';
import { MatchingErrors, sizeArg } from '../matching.errors';
import { PartnerSuggestionService, type ScoredCandidate } from '../partner/partner-suggestion.service';
import { greedyAssignment, optimalAssignment, type Assignment, type Edge } from '../scoring/assignment';
import type { ScoringProfile } from '../scoring/combine';
import { currentLoad } from '../scoring/facts';
import { PARTNER_PROFILE } from '../scoring/partner-score';
import type { MatchReason } from '../scoring/reason';

export interface PairingInput {
  /** The needs to plan for; absent: every open, unexpired need (most urgent first). */
  needKeys?: readonly string[] | null;
  /** Providers considered per need (1–20, default 10). */
  candidatesPerNeed?: number | null;
}

export interface PlannedPair {
  need: NeedRow;
  municipality: MunicipalityEntity;
  score: number;
  reasons: MatchReason[];
  mismatches: MatchReason[];
}

export interface UnassignedNeed {
  need: NeedRow;
  reason: string;
  reasonJa: string;
}

export interface PlanSummary {
  totalScore: number;
  distinctProviders: number;
  assigned: number;
  pairs: { needKey: string; municipalityKey: string; score: number }[];
}

export interface ProviderLoad {
  municipality: MunicipalityEntity;
  /** Partnerships it can still take on (declared capacity minus committed load; unknown capacity counts as 1). */
  remaining: number;
  assigned: number;
}

export interface PairingPlan {
  method: string;
  pairs: PlannedPair[];
  unassigned: UnassignedNeed[];
  totalScore: number;
  distinctProviders: number;
  greedy: PlanSummary;
  providers: ProviderLoad[];
}

export const MAX_PLANNED_NEEDS = 200;
/** In a plan the capacity is a hard constraint, so the soft capacity penalty is left out of the scores. */
const PLAN_PROFILE: ScoringProfile = { ...PARTNER_PROFILE, disabled: new Set(['CAPACITY']) };

/**
 * Pairing plans for coordinators: for a set of open needs, providers that maximise the total
 * score without putting anyone over capacity (exact min-cost flow), compared with the greedy plan.
 */
@Injectable()
export class PairingPlanService {
  constructor(
    private readonly facts: FactsQueryService,
    private readonly partners: PartnerSuggestionService,
  ) {}

  async pairingPlan(ctx: RequestContext, input: PairingInput = {}): Promise<PairingPlan> {
    const perNeed = sizeArg('input.candidatesPerNeed', input.candidatesPerNeed, 10, 20);
    if (input.needKeys && input.needKeys.length > MAX_PLANNED_NEEDS) throw MatchingErrors.outOfRange('input.needKeys', 1, MAX_PLANNED_NEEDS, input.needKeys.length);
    const keys = input.needKeys?.length ? [...new Set(input.needKeys)] : await this.facts.openNeedKeys(ctx, MAX_PLANNED_NEEDS);
    const needs = await this.facts.needsByKey(ctx, keys);
    const tax = await this.facts.taxonomy(ctx);
    const planCtx: RequestContext = { ...ctx, actor: null }; // a plan ignores one person's dismissals
    const lists = new Map<string, ScoredCandidate[]>();
    for (const need of needs) lists.set(need.key, await this.partners.score(planCtx, tax, need, { first: perNeed, needId: need.id, profile: PLAN_PROFILE }));

    const providers = new Map<string, { municipality: MunicipalityEntity; remaining: number }>();
    const edges: Edge[] = [];
    for (const [needKey, list] of lists) {
      for (const { facts, card } of list) {
        const m = facts.municipality as MunicipalityEntity;
        if (!providers.has(m.key)) providers.set(m.key, { municipality: m, remaining: Math.max(0, Math.floor((m.capacity ?? 1) - currentLoad(facts.partnerships) + 1e-9)) });
        edges.push({ need: needKey, provider: m.key, score: card.score });
      }
    }
    const capacity = new Map([...providers].map(([k, v]) => [k, v.remaining]));
    const best = optimalAssignment(edges, capacity);
    const greedy = greedyAssignment(edges, capacity);
    const byNeed = new Map(needs.map((n) => [n.key, n]));
    const pairs = best.pairs.map((p) => {
      const chosen = lists.get(p.need)!.find((s) => s.facts.municipality.key === p.provider)!;
      return { need: byNeed.get(p.need)!, municipality: chosen.facts.municipality as MunicipalityEntity, score: chosen.card.score, reasons: chosen.card.reasons, mismatches: chosen.card.mismatches };
    });
    const assigned = new Set(best.pairs.map((p) => p.need));
    return {
      method: 'min-cost flow (successive shortest paths), exact',
      pairs,
      unassigned: needs.filter((n) => !assigned.has(n.key)).map((n) => ({ need: n, ...whyUnassigned(lists.get(n.key)!, capacity, best) })),
      totalScore: best.totalScore,
      distinctProviders: best.distinctProviders,
      greedy: summary(greedy),
      providers: [...providers.values()]
        .map((p) => ({ ...p, assigned: best.pairs.filter((x) => x.provider === p.municipality.key).length }))
        .filter((p) => p.assigned > 0)
        .sort((a, b) => a.municipality.key.localeCompare(b.municipality.key)),
    };
  }
}

function summary(a: Assignment): PlanSummary {
  return { totalScore: a.totalScore, distinctProviders: a.distinctProviders, assigned: a.pairs.length, pairs: a.pairs.map((p) => ({ needKey: p.need, municipalityKey: p.provider, score: p.score })) };
}

function whyUnassigned(list: readonly ScoredCandidate[], capacity: ReadonlyMap<string, number>, plan: Assignment): { reason: string; reasonJa: string } {
  if (!list.length) return { reason: 'No municipality has expertise or a record on these topics', reasonJa: 'この分野の専門性・実績をもつ団体がない' };
  const keys = list.map((s) => s.facts.municipality.key);
  const full = keys.filter((k) => (capacity.get(k) ?? 0) === 0);
  if (full.length === keys.length) return { reason: `Every candidate is at capacity: ${full.slice(0, 5).join(', ')}`, reasonJa: `候補団体はすべて受け入れ余力なし：${full.slice(0, 5).join('、')}` };
  const taken = keys.filter((k) => !full.includes(k)).map((k) => `${k} → ${plan.pairs.filter((p) => p.provider === k).map((p) => p.need).join(', ')}`);
  return {
    reason: `Its candidates with room were given to needs where they add more to the total: ${taken.slice(0, 3).join('; ')}`,
    reasonJa: `余力のある候補は合計スコアがより高くなる依頼に割り当て済み：${taken.slice(0, 3).join('；')}`,
  };
}
