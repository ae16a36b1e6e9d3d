import { Injectable } from '@nestjs/common';
import type { MunicipalityEntity } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';
import { FactsQueryService, type NeedRow } from '../facts/facts-query.service';
import { MatchingErrors, sizeArg } from '../matching.errors';
import { PartnerSuggestionService, rankPartners, type ScoredCandidate } from '../partner/partner-suggestion.service';
import { greedyAssignment, optimalAssignment, type Assignment, type Edge } from '../scoring/assignment';
import type { ScoringProfile } from '../scoring/combine';
import { currentLoad } from '../scoring/facts';
import { PARTNER_PROFILE } from '../scoring/partner-score';
import type { MatchReason } from '../scoring/reason';

export interface PairingInput {
  /** The needs to plan for; absent: every need recorded as open (most urgent first) — expired ones are listed as left out. */
  needKeys?: readonly string[] | null;
  /** Providers considered per need (1–20, default 10). */
  candidatesPerNeed?: number | null;
}

export interface PlannedPair {
  need: NeedRow;
  municipality: MunicipalityEntity;
  /** The pair's score in the plan (capacity a hard limit, not a penalty). */
  score: number;
  /** The same pair's score in partnerSuggestions (and consortiumSuggestions), with the CAPACITY penalty. */
  suggestionScore: number;
  /** Why the two scores differ (or that they do not). */
  scoreBasis: string;
  scoreBasisJa: string;
  reasons: MatchReason[];
  mismatches: MatchReason[];
}

/** Why a plan left a need out. */
export const UnassignedCode = Object.freeze({
  EXPIRED: 'EXPIRED',
  NOT_OPEN: 'NOT_OPEN',
  NO_CANDIDATE: 'NO_CANDIDATE',
  AT_CAPACITY: 'AT_CAPACITY',
  ASSIGNED_ELSEWHERE: 'ASSIGNED_ELSEWHERE',
} as const);
export type UnassignedCode = keyof typeof UnassignedCode;

export interface UnassignedNeed {
  need: NeedRow;
  code: UnassignedCode;
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
    const keys = input.needKeys?.length ? [...new Set(input.needKeys)] : await this.facts.recordedOpenNeedKeys(ctx, MAX_PLANNED_NEEDS);
    const all = await this.facts.needsByKey(ctx, keys);
    const leftOut: UnassignedNeed[] = all.filter((n) => n.expired || n.status !== 'OPEN').map(notPlannable);
    const needs = all.filter((n) => !n.expired && n.status === 'OPEN');
    const tax = await this.facts.taxonomy(ctx);
    const planCtx: RequestContext = { ...ctx, actor: null }; // a plan ignores one person's dismissals
    const lists = new Map<string, ScoredCandidate[]>();
    const asSuggested = new Map<string, number>();
    const prepared = await this.partners.prepareMany(planCtx, tax, needs.map((need) => ({ need, needId: need.id })), Math.max(60, perNeed * 4));
    needs.forEach((need, i) => {
      const { prepared: p, candidates } = prepared[i]!;
      lists.set(need.key, rankPartners(tax, p, candidates, PLAN_PROFILE, perNeed));
      for (const s of rankPartners(tax, p, candidates, PARTNER_PROFILE, candidates.length)) asSuggested.set(`${need.key}|${s.facts.municipality.key}`, s.card.score);
    });

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
      const suggestionScore = asSuggested.get(`${p.need}|${p.provider}`) ?? 0;
      return {
        need: byNeed.get(p.need)!,
        municipality: chosen.facts.municipality as MunicipalityEntity,
        score: chosen.card.score,
        suggestionScore,
        ...scoreBasis(chosen.card.score, suggestionScore),
        reasons: chosen.card.reasons,
        mismatches: chosen.card.mismatches,
      };
    });
    const assigned = new Set(best.pairs.map((p) => p.need));
    return {
      method: 'min-cost flow (successive shortest paths), exact',
      pairs,
      unassigned: [...needs.filter((n) => !assigned.has(n.key)).map((n) => ({ need: n, ...whyUnassigned(lists.get(n.key)!, capacity, best) })), ...leftOut],
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

/** Why the plan's score of a pair differs from the one partnerSuggestions shows, in words. */
function scoreBasis(planScore: number, suggestionScore: number): { scoreBasis: string; scoreBasisJa: string } {
  if (Math.abs(planScore - suggestionScore) < 1e-4)
    return { scoreBasis: 'Same score as in partnerSuggestions and consortiumSuggestions', scoreBasisJa: '候補提示（partnerSuggestions・consortiumSuggestions）と同じスコア' };
  return {
    scoreBasis: `${planScore.toFixed(2)} here, ${suggestionScore.toFixed(2)} in partnerSuggestions and consortiumSuggestions: a plan leaves out the CAPACITY penalty because capacity is a hard limit on how many needs a provider is given`,
    scoreBasisJa: `計画では${planScore.toFixed(2)}、候補提示では${suggestionScore.toFixed(2)}：計画では受け入れ枠を上限として扱うため、受け入れ枠による減点を含めない`,
  };
}

/** Needs a plan cannot take: expired (past their last day) or no longer open. */
function notPlannable(n: NeedRow): UnassignedNeed {
  if (n.expired)
    return {
      need: n,
      code: 'EXPIRED',
      reason: `Expired: its last day was ${n.expiresOn}; extend or reopen it to plan for it`,
      reasonJa: `期限切れ（最終日${n.expiresOn}）：計画に含めるには期限の延長または再開が必要`,
    };
  return { need: n, code: 'NOT_OPEN', reason: `Not open: it is ${n.status.toLowerCase()}`, reasonJa: `受付中ではない（${n.status === 'MATCHED' ? 'マッチ済み' : '終了'}）` };
}

function whyUnassigned(list: readonly ScoredCandidate[], capacity: ReadonlyMap<string, number>, plan: Assignment): { code: UnassignedCode; reason: string; reasonJa: string } {
  if (!list.length) return { code: 'NO_CANDIDATE', reason: 'No municipality has expertise, a record or a relationship for this need', reasonJa: 'この依頼に適合する専門性・実績・協力関係をもつ団体がない' };
  const keys = list.map((s) => s.facts.municipality.key);
  const full = keys.filter((k) => (capacity.get(k) ?? 0) === 0);
  if (full.length === keys.length) return { code: 'AT_CAPACITY', reason: `Every candidate is at capacity: ${full.slice(0, 5).join(', ')}`, reasonJa: `候補団体はすべて受け入れ余力なし：${full.slice(0, 5).join('、')}` };
  const taken = keys.filter((k) => !full.includes(k)).map((k) => `${k} → ${plan.pairs.filter((p) => p.provider === k).map((p) => p.need).join(', ')}`);
  return {
    code: 'ASSIGNED_ELSEWHERE',
    reason: `Its candidates with room were given to needs where they add more to the total: ${taken.slice(0, 3).join('; ')}`,
    reasonJa: `余力のある候補は合計スコアがより高くなる依頼に割り当て済み：${taken.slice(0, 3).join('；')}`,
  };
}
