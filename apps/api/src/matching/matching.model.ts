import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { MunicipalityModel } from '../municipality/municipality.model';
import { DeclineReason, IntroductionStatus, MatchList, PathwayStepKind, RecordType } from './matching.enums';

@ObjectType('RecordRef', { description: 'A record a reason rests on, by kind and key (enough for a client to link it). Expertise keys are `municipality:topic`.' })
export class RecordRefModel {
  @Field(() => RecordType, { description: 'The kind of record (same as `type`).' })
  kind: RecordType;

  @Field()
  key: string;

  @Field(() => String, { nullable: true, description: 'The record’s title or name (same as `label`).' })
  title: string | null;

  @Field(() => RecordType, { description: 'Kept for existing clients; prefer `kind`.' })
  type: RecordType;

  @Field(() => String, { nullable: true, description: 'Kept for existing clients; prefer `title`.' })
  label: string | null;
}

@ObjectType('MatchReason', { description: 'One explained part of a score: what fits (a reason) or what does not (a mismatch).' })
export class MatchReasonModel {
  @Field({ description: 'Stable kind, e.g. TOPIC_FIT, PRIOR_PARTNER, CAPACITY.' })
  kind: string;

  @Field(() => Float, { description: 'Share of the score it accounts for (a mismatch: the score it cost). Reasons add up to the score.' })
  weight: number;

  @Field({ description: 'In English.' })
  detail: string;

  @Field({ description: 'In Japanese.' })
  detailJa: string;

  @Field()
  labelEn: string;

  @Field()
  labelJa: string;

  @Field(() => [RecordRefModel])
  records: RecordRefModel[];
}

@ObjectType('PathwayStep', { description: 'A staged first step for a newcomer with its mentor, tied to real records where they exist.' })
export class PathwayStepModel {
  @Field(() => Int)
  stage: number;

  @Field(() => PathwayStepKind)
  kind: PathwayStepKind;

  @Field()
  titleEn: string;

  @Field()
  titleJa: string;

  @Field()
  detail: string;

  @Field()
  detailJa: string;

  @Field(() => [RecordRefModel])
  records: RecordRefModel[];
}

@ObjectType('Suggestion')
export class SuggestionModel {
  @Field(() => MunicipalityModel)
  municipality: MunicipalityModel;

  @Field(() => Float, { description: '0..1; lists are sorted by it, best first (ties by key).' })
  score: number;

  @Field(() => [MatchReasonModel], { description: 'What fits, strongest first.' })
  reasons: MatchReasonModel[];

  @Field(() => [MatchReasonModel], { description: 'What does not fit (capacity, language, scheme, distance…).' })
  mismatches: MatchReasonModel[];

  @Field(() => [PathwayStepModel], { description: 'Mentor suggestions: the staged first steps with this mentor. Empty otherwise.' })
  pathway: PathwayStepModel[];
}

@ObjectType('ConsortiumMember')
export class ConsortiumMemberModel {
  @Field(() => MunicipalityModel)
  municipality: MunicipalityModel;

  @Field(() => [String], { description: 'The need’s topics this member covers in the consortium.' })
  covers: string[];

  @Field(() => Float, { description: 'Its own partner score for the need.' })
  score: number;
}

@ObjectType('ConsortiumSuggestion', { description: 'Up to three municipalities, preferably neighbours, that together cover a need’s topics.' })
export class ConsortiumSuggestionModel {
  @Field(() => [ConsortiumMemberModel])
  members: ConsortiumMemberModel[];

  @Field(() => Float)
  score: number;

  @Field(() => [String])
  coveredTopics: string[];

  @Field(() => [String])
  uncoveredTopics: string[];

  @Field(() => [MatchReasonModel])
  reasons: MatchReasonModel[];

  @Field(() => [MatchReasonModel])
  mismatches: MatchReasonModel[];
}

@ObjectType('ConsortiumAdvice', { description: 'Whether a need calls for a consortium, why, and the consortia suggested (two or three members each).' })
export class ConsortiumAdviceModel {
  @Field({ description: 'False for a need on a single topic: one partner can cover it.' })
  needed: boolean;

  @Field()
  reason: string;

  @Field()
  reasonJa: string;

  @Field(() => [ConsortiumSuggestionModel])
  suggestions: ConsortiumSuggestionModel[];
}

@ObjectType('Mentoring', { description: 'Who mentoring is for and, for a newcomer, its mentors; for anyone else why there are none. Agencies facilitate.' })
export class MentoringModel {
  @Field({ description: 'True for a Japanese municipality new to overseas work.' })
  eligible: boolean;

  @Field({ description: 'Who mentoring is for, and where this municipality stands.' })
  reason: string;

  @Field()
  reasonJa: string;

  @Field(() => [SuggestionModel], { description: 'Mentors nearby, best first, each with its pathway (empty when not eligible).' })
  mentors: SuggestionModel[];

  @Field(() => [MunicipalityModel], { description: 'The nearest agencies (JICA domestic offices): facilitators, not mentors.' })
  facilitators: MunicipalityModel[];
}

@ObjectType('PlannedPair')
export class PlannedPairModel {
  needId: string;

  @Field()
  needKey: string;

  @Field(() => MunicipalityModel, { description: 'The provider.' })
  municipality: MunicipalityModel;

  @Field(() => Float, { description: 'The pair’s score in this plan (capacity is a hard limit here, not a penalty).' })
  score: number;

  @Field(() => Float, { description: 'The same pair’s score in partnerSuggestions and consortiumSuggestions.' })
  suggestionScore: number;

  @Field({ description: 'Why the plan’s score and the suggestion score differ, or that they do not.' })
  scoreBasis: string;

  @Field()
  scoreBasisJa: string;

  @Field(() => [MatchReasonModel])
  reasons: MatchReasonModel[];

  @Field(() => [MatchReasonModel])
  mismatches: MatchReasonModel[];
}

@ObjectType('UnassignedNeed')
export class UnassignedNeedModel {
  needId: string;

  @Field()
  needKey: string;

  @Field({ description: 'Why it was left out: EXPIRED, NOT_OPEN, NO_CANDIDATE, AT_CAPACITY or ASSIGNED_ELSEWHERE.' })
  code: string;

  @Field()
  reason: string;

  @Field()
  reasonJa: string;
}

@ObjectType('PlanPair', { description: 'A pair of a plan, by keys.' })
export class PlanPairModel {
  @Field()
  needKey: string;

  @Field()
  municipalityKey: string;

  @Field(() => Float)
  score: number;
}

@ObjectType('PlanSummary')
export class PlanSummaryModel {
  @Field(() => Float)
  totalScore: number;

  @Field(() => Int, { description: 'How many different providers the plan uses.' })
  distinctProviders: number;

  @Field(() => Int)
  assigned: number;

  @Field(() => [PlanPairModel])
  pairs: PlanPairModel[];
}

@ObjectType('ProviderLoad')
export class ProviderLoadModel {
  @Field(() => MunicipalityModel)
  municipality: MunicipalityModel;

  @Field(() => Int, { description: 'Partnerships it could still take on before the plan (capacity minus committed load).' })
  remaining: number;

  @Field(() => Int, { description: 'Needs the plan gives it.' })
  assigned: number;
}

@ObjectType('PairingPlan', { description: 'Providers for open needs maximising the total score without putting anyone over capacity, compared with greedy.' })
export class PairingPlanModel {
  @Field()
  method: string;

  @Field(() => [PlannedPairModel])
  pairs: PlannedPairModel[];

  @Field(() => [UnassignedNeedModel])
  unassigned: UnassignedNeedModel[];

  @Field(() => Float)
  totalScore: number;

  @Field(() => Int)
  distinctProviders: number;

  @Field(() => PlanSummaryModel, { description: 'The greedy plan (best pair first) on the same scores, for comparison.' })
  greedy: PlanSummaryModel;

  @Field(() => [ProviderLoadModel])
  providers: ProviderLoadModel[];
}

@ObjectType('Introduction', { description: 'A request that two municipalities be introduced; the candidate’s side accepts or declines.' })
export class IntroductionModel {
  @Field(() => ID)
  id: string;

  @Field(() => MatchList)
  list: MatchList;

  needId: string | null;
  requesterId: string;
  candidateId: string;
  partnershipId: string | null;

  @Field(() => IntroductionStatus)
  status: IntroductionStatus;

  @Field(() => String, { nullable: true })
  message: string | null;

  @Field(() => DeclineReason, { nullable: true })
  declineReason: DeclineReason | null;

  @Field(() => String, { nullable: true })
  responseNote: string | null;

  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType('Dismissal')
export class DismissalModel {
  @Field(() => ID)
  id: string;

  @Field(() => MatchList)
  list: MatchList;

  @Field()
  candidateKey: string;

  @Field()
  reason: string;

  @Field(() => String, { nullable: true })
  note: string | null;
}
