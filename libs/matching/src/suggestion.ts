import type { MunicipalityEntity } from '@kakehashi/directory';
import type { MatchReason, RecordRef } from './scoring/reason';

export const PathwayStepKind = Object.freeze({ STUDY_SESSION: 'STUDY_SESSION', CO_HOST_TRAINING: 'CO_HOST_TRAINING', GRASSROOTS_PROPOSAL: 'GRASSROOTS_PROPOSAL' } as const);
export type PathwayStepKind = keyof typeof PathwayStepKind;

/** One step of a newcomer's pathway, tied to the records it builds on. */
export interface PathwayStep {
  stage: number;
  kind: PathwayStepKind;
  titleEn: string;
  titleJa: string;
  detail: string;
  detailJa: string;
  records: RecordRef[];
}

/** A suggested municipality: score 0..1, what fits (strongest first), what does not. */
export interface Suggestion {
  municipality: MunicipalityEntity;
  score: number;
  reasons: MatchReason[];
  mismatches: MatchReason[];
  /** Mentor suggestions only: the staged first steps with this mentor. */
  pathway?: PathwayStep[];
}

/** Suggestion lists are short: 10 unless asked, at most 100. */
export const DEFAULT_SUGGESTIONS = 10;
export const MAX_SUGGESTIONS = 100;
