import { Injectable } from '@nestjs/common';
import type { MunicipalityEntity } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';
import { FactsQueryService } from '../facts/facts-query.service';
import { sizeArg } from '../matching.errors';
import { PartnerSuggestionService } from '../partner/partner-suggestion.service';
import { reasonLabels, type MatchReason, type ReasonKind, type RecordRef } from '../scoring/reason';
import { round4 } from '../scoring/combine';
import { bestConsortia, CONSORTIUM_POOL, CONSORTIUM_WEIGHTS, type ConsortiumCandidate, type ConsortiumPlan } from '../scoring/consortium';
import type { Taxonomy } from '../scoring/taxonomy';
import { capabilityPerTopic } from '../scoring/partner-score';

export interface ConsortiumMember {
  municipality: MunicipalityEntity;
  /** The need's topics this member covers best in the consortium. */
  covers: string[];
  /** Its own partner score for the need. */
  score: number;
}

export interface ConsortiumSuggestion {
  members: ConsortiumMember[];
  score: number;
  coveredTopics: string[];
  uncoveredTopics: string[];
  reasons: MatchReason[];
  mismatches: MatchReason[];
}

/** Whether a need calls for a consortium at all, why, and the consortia suggested. */
export interface ConsortiumAdvice {
  needed: boolean;
  reason: string;
  reasonJa: string;
  suggestions: ConsortiumSuggestion[];
}

export const MAX_CONSORTIUM = 3;
export const MIN_CONSORTIUM = 2;
const SUGGESTED_CONSORTIA = 5;

const reason = (kind: ReasonKind, weight: number, detail: string, detailJa: string, records: RecordRef[]): MatchReason => ({
  kind,
  weight: round4(weight),
  detail,
  detailJa,
  ...reasonLabels(kind),
  records,
});

/** consortiumSuggestions: up to three municipalities, preferably neighbours, that together cover a need's topics. */
@Injectable()
export class ConsortiumService {
  constructor(
    private readonly facts: FactsQueryService,
    private readonly partners: PartnerSuggestionService,
  ) {}

  async consortiumSuggestions(ctx: RequestContext, needKey: string, size?: number | null): Promise<ConsortiumSuggestion[]> {
    return (await this.consortium(ctx, needKey, size)).suggestions;
  }

  /**
   * Consortia of two or three municipalities that together cover a need's topics — or, for a need
   * on a single topic, the answer that one partner is enough (partnerSuggestions lists them).
   */
  async consortium(ctx: RequestContext, needKey: string, size?: number | null): Promise<ConsortiumAdvice> {
    const max = sizeArg('size', size, MAX_CONSORTIUM, MAX_CONSORTIUM, MIN_CONSORTIUM);
    const [need] = await this.facts.needsByKey(ctx, [needKey]);
    if (need!.topicKeys.length < 2) {
      return {
        needed: false,
        reason: 'A consortium is not needed: the need names a single topic, so one partner can cover it (see partnerSuggestions)',
        reasonJa: '共同実施体は不要：依頼の分野が一つのため、一団体で対応できる（partnerSuggestionsを参照）',
        suggestions: [],
      };
    }
    const tax = await this.facts.taxonomy(ctx);
    // Per-topic specialists matter here, not only the best all-rounders: the same candidates and
    // scores as partnerSuggestions, from a wide list.
    const scored = await this.partners.score(ctx, tax, need!, { first: CONSORTIUM_POOL * 2, needId: need!.id });
    const candidates: ConsortiumCandidate[] = scored.map(({ facts, card }) => ({ municipality: facts.municipality, coverage: capabilityPerTopic(tax, need!.topicKeys, facts), score: card.score }));
    const suggestions = bestConsortia(need!.topicKeys, candidates, max, SUGGESTED_CONSORTIA).map((plan) => this.explain(tax, need!.topicKeys, plan));
    return {
      needed: true,
      reason: suggestions.length
        ? `The need spans ${need!.topicKeys.length} topics; these sets of ${MIN_CONSORTIUM}–${max} municipalities cover them together`
        : `The need spans ${need!.topicKeys.length} topics, but no set of ${MIN_CONSORTIUM}–${max} municipalities in which each covers one of them was found`,
      reasonJa: suggestions.length ? `依頼は${need!.topicKeys.length}分野にわたる：以下の${MIN_CONSORTIUM}〜${max}団体の組み合わせで対応できる` : `依頼は${need!.topicKeys.length}分野にわたるが、各団体がいずれかの分野を担う組み合わせは見つからなかった`,
      suggestions,
    };
  }

  private explain(tax: Taxonomy, topics: readonly string[], plan: ConsortiumPlan): ConsortiumSuggestion {
    const members = plan.members.map((m) => ({
      municipality: m.municipality as MunicipalityEntity,
      covers: topics.filter((t) => plan.coveredBy.get(t) === m.municipality.key),
      score: m.score,
    }));
    const w = CONSORTIUM_WEIGHTS;
    const who = members.filter((m) => m.covers.length);
    const reasons = [
      reason(
        'COVERAGE',
        w.coverage * plan.coverage,
        who.map((m) => `${m.municipality.name}: ${m.covers.map((t) => tax.labelEn(t)).join(', ')}`).join('; '),
        who.map((m) => `${m.municipality.nameJa ?? m.municipality.name}：${m.covers.map((t) => tax.labelJa(t)).join('、')}`).join('；'),
        who.flatMap((m) => m.covers.map((t) => ({ type: 'TOPIC' as const, key: t, label: tax.labelEn(t) }))),
      ),
      reason(
        'NEIGHBOUR',
        w.neighbourliness * plan.neighbourliness,
        `Closeness of the members: ${Math.round(plan.neighbourliness * 100)}%`,
        `構成団体の近さ：${Math.round(plan.neighbourliness * 100)}%`,
        members.map((m) => ({ type: 'MUNICIPALITY' as const, key: m.municipality.key, label: m.municipality.name })),
      ),
      reason(
        'MEMBER_FIT',
        w.quality * plan.quality,
        members.map((m) => `${m.municipality.name} ${m.score.toFixed(2)}`).join(', '),
        members.map((m) => `${m.municipality.nameJa ?? m.municipality.name} ${m.score.toFixed(2)}`).join('、'),
        members.map((m) => ({ type: 'MUNICIPALITY' as const, key: m.municipality.key, label: m.municipality.name })),
      ),
    ].filter((r) => r.weight > 0);
    const mismatches: MatchReason[] = [];
    if (plan.uncovered.length) {
      mismatches.push(
        reason(
          'TOPIC_GAP',
          (w.coverage * plan.uncovered.length) / topics.length,
          `Nobody here covers ${plan.uncovered.map((t) => tax.labelEn(t)).join(', ')}`,
          `${plan.uncovered.map((t) => tax.labelJa(t)).join('、')}をカバーする団体なし`,
          plan.uncovered.map((t) => ({ type: 'TOPIC' as const, key: t, label: tax.labelEn(t) })),
        ),
      );
    }
    if (members.length > 1) {
      mismatches.push(reason('COORDINATION', w.perExtraMember * (members.length - 1), `${members.length} partners to coordinate`, `${members.length}団体の調整が必要`, members.map((m) => ({ type: 'MUNICIPALITY' as const, key: m.municipality.key, label: m.municipality.name }))));
    }
    return { members, score: plan.score, coveredTopics: topics.filter((t) => plan.coveredBy.has(t)), uncoveredTopics: plan.uncovered, reasons, mismatches };
  }
}
