import type { ConsortiumAdvice, ConsortiumSuggestion, DismissalEntity, IntroductionEntity, MatchReason, Mentoring, PairingPlan, RecordRef, Suggestion } from '@kakehashi/matching';
import { toMunicipalityModel } from '../municipality/municipality.mapper';
import { ConsortiumAdviceModel, ConsortiumSuggestionModel, DismissalModel, MentoringModel, IntroductionModel, MatchReasonModel, PairingPlanModel, type RecordRefModel, SuggestionModel } from './matching.model';

export const toRecordRef = (x: RecordRef): RecordRefModel => ({ kind: x.type, type: x.type, key: x.key, title: x.label ?? null, label: x.label ?? null });

export function toReasonModel(r: MatchReason): MatchReasonModel {
  return Object.assign(new MatchReasonModel(), { ...r, records: r.records.map(toRecordRef) });
}

export function toSuggestionModel(s: Suggestion): SuggestionModel {
  return Object.assign(new SuggestionModel(), {
    municipality: toMunicipalityModel(s.municipality),
    score: s.score,
    reasons: s.reasons.map(toReasonModel),
    mismatches: s.mismatches.map(toReasonModel),
    pathway: (s.pathway ?? []).map((p) => ({ ...p, records: p.records.map(toRecordRef) })),
  });
}

export function toConsortiumModel(c: ConsortiumSuggestion): ConsortiumSuggestionModel {
  return Object.assign(new ConsortiumSuggestionModel(), {
    ...c,
    members: c.members.map((m) => ({ ...m, municipality: toMunicipalityModel(m.municipality) })),
    reasons: c.reasons.map(toReasonModel),
    mismatches: c.mismatches.map(toReasonModel),
  });
}

export function toConsortiumAdviceModel(a: ConsortiumAdvice): ConsortiumAdviceModel {
  return Object.assign(new ConsortiumAdviceModel(), { needed: a.needed, reason: a.reason, reasonJa: a.reasonJa, suggestions: a.suggestions.map(toConsortiumModel) });
}

export function toMentoringModel(m: Mentoring): MentoringModel {
  return Object.assign(new MentoringModel(), {
    eligible: m.eligible,
    reason: m.reason,
    reasonJa: m.reasonJa,
    mentors: m.mentors.map(toSuggestionModel),
    facilitators: m.facilitators.map(toMunicipalityModel),
  });
}

export function toPairingPlanModel(p: PairingPlan): PairingPlanModel {
  return Object.assign(new PairingPlanModel(), {
    method: p.method,
    totalScore: p.totalScore,
    distinctProviders: p.distinctProviders,
    greedy: p.greedy,
    pairs: p.pairs.map((x) => ({
      needId: x.need.id,
      needKey: x.need.key,
      municipality: toMunicipalityModel(x.municipality),
      score: x.score,
      suggestionScore: x.suggestionScore,
      scoreBasis: x.scoreBasis,
      scoreBasisJa: x.scoreBasisJa,
      reasons: x.reasons.map(toReasonModel),
      mismatches: x.mismatches.map(toReasonModel),
    })),
    unassigned: p.unassigned.map((u) => ({ needId: u.need.id, needKey: u.need.key, code: u.code, reason: u.reason, reasonJa: u.reasonJa })),
    providers: p.providers.map((x) => ({ municipality: toMunicipalityModel(x.municipality), remaining: x.remaining, assigned: x.assigned })),
  });
}

export function toIntroductionModel(i: IntroductionEntity): IntroductionModel {
  return Object.assign(new IntroductionModel(), {
    id: i.id,
    list: i.list,
    needId: i.needId,
    requesterId: i.requesterId,
    candidateId: i.candidateId,
    partnershipId: i.partnershipId,
    status: i.status,
    message: i.message,
    declineReason: i.declineReason,
    responseNote: i.responseNote,
    respondedAt: i.respondedAt,
    createdAt: i.createdAt,
  });
}

export function toDismissalModel(d: DismissalEntity, candidateKey: string): DismissalModel {
  return Object.assign(new DismissalModel(), { id: d.id, list: d.list, candidateKey, reason: d.reason, note: d.note });
}
