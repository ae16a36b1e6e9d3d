import type { MunicipalityEntity } from '@kakehashi/directory';
import type { MatchReason, RecordRef } from './scoring/reason';

/** One step of a newcomer's pathway, tied to the records it builds on. */
export interface PathwayStep {
  stage: number;
  kind: 'STUDY_SESSION' | 'CO_HOST_TRAINING' | 'GRASSROOTS_PROPOSAL';
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
