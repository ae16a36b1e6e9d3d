/**
 * The facts the scoring functions read. Services load them with a fixed number of SQL statements
 * for a bounded set of candidates; scoring is then pure and testable without a database.
 */

export interface MunicipalityFacts {
  id: string;
  key: string;
  name: string;
  nameJa: string | null;
  kind: string;
  country: string;
  region: string | null;
  subdivision: string | null;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  languages: string[];
  capacity: number | null;
  overseasExperience: string | null;
  /** When a person last confirmed the profile (YYYY-MM-DD); absent for a municipality only posted for an evaluation. */
  lastConfirmedOn?: string | null;
}

export interface ExpertiseFacts {
  topicKey: string;
  level: number;
  evidence: string | null;
}

export interface OutcomeFacts {
  indicator: string;
  before: number | null;
  after: number | null;
}

export interface PartnerFacts {
  id: string;
  key: string;
  name: string;
  country: string;
  region: string | null;
  role: string;
}

/** A partnership seen from one member: its role, the other members and the measured outcomes. */
export interface PartnershipFacts {
  key: string;
  title: string;
  status: string;
  scheme: string | null;
  role: string;
  startYear: number | null;
  endYear: number | null;
  summary: string | null;
  topicKeys: string[];
  partners: PartnerFacts[];
  outcomes: OutcomeFacts[];
}

export interface CaseStudyFacts {
  key: string;
  title: string;
  summary: string | null;
  topicKeys: string[];
  eventKey: string | null;
  eventTitle: string | null;
  eventDate: string | null;
}

/** A record whose text matched the need's description, with its full-text rank (0..1). */
export interface TextHit {
  type: 'EXPERTISE' | 'PARTNERSHIP' | 'CASE_STUDY';
  key: string;
  label: string;
  rank: number;
}

/** What introductions and dismissals say about a candidate. */
export interface FeedbackFacts {
  accepted: number;
  declined: number;
  /** Other users who dismissed this candidate for the same need. */
  dismissedByOthers: number;
  dismissReasons: string[];
  /** Introductions to this candidate still waiting for its answer (they occupy it too). */
  pendingIntroductions?: number;
}

export const NO_FEEDBACK: FeedbackFacts = Object.freeze({ accepted: 0, declined: 0, dismissedByOthers: 0, dismissReasons: [], pendingIntroductions: 0 }) as FeedbackFacts;

export interface CandidateFacts {
  municipality: MunicipalityFacts;
  /** Expertise on topics related to the need (not necessarily all of it). */
  expertise: ExpertiseFacts[];
  /** Every partnership the candidate is a member of, except cancelled ones. */
  partnerships: PartnershipFacts[];
  /** Case studies by the candidate on topics related to the need. */
  caseStudies: CaseStudyFacts[];
  textHits: TextHit[];
  feedback: FeedbackFacts;
}

/** A need as the matcher sees it: a real need record, or one posted for an evaluation. */
export interface NeedFacts {
  key: string;
  title: string;
  /** Title and description; may be English or Japanese. */
  text: string;
  topicKeys: string[];
  schemes: string[];
  municipality: MunicipalityFacts;
}

/** Partnership statuses that occupy a municipality's capacity, and how much (a proposal is half a commitment). */
export const LOAD_BY_STATUS: Readonly<Record<string, number>> = { ACTIVE: 1, AGREED: 1, PROPOSED: 0.5 };
/** Peers and facilitators share the work of a network or agreement with its other members. */
export const LOAD_BY_ROLE: Readonly<Record<string, number>> = { PROVIDER: 1, RECIPIENT: 1, PEER: 0.5, FACILITATOR: 0.5 };

export function currentLoad(partnerships: readonly PartnershipFacts[]): number {
  return partnerships.reduce((sum, p) => sum + (LOAD_BY_STATUS[p.status] ?? 0) * (LOAD_BY_ROLE[p.role] ?? 1), 0);
}
