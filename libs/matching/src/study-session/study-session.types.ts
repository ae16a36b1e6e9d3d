import type { CaseStudyFacts, MunicipalityFacts } from '../scoring/facts';
import type { ProfileFacts } from '../scoring/peer-score';
import type { MatchReason, RecordRef } from '../scoring/reason';

/** What a coordinator asks for: a region, a day, and how many discussion groups of what size. */
export interface StudySessionPlanInput {
  /** A Japanese region ("Kyushu"), a prefecture ("Fukuoka") or a country ("JP", "Japan"). */
  region: string;
  /** YYYY-MM-DD, today or later. */
  date: string;
  groups: number;
  groupSize: number;
  /** Themes chosen by the coordinator (topic keys); absent: the most needed topics. */
  topics?: string[] | null;
}

/** A plan to save as a planned event: the plan's input, where it takes place, and optionally its key and title. */
export interface SaveStudySessionPlanInput extends StudySessionPlanInput {
  /** Lower-case slug; absent: `study-session-<region>-<date>`. */
  key?: string | null;
  title?: string | null;
  /** The place ("Fukuoka", "online"). */
  location: string;
}

export const RegionScope = Object.freeze({ COUNTRY: 'COUNTRY', REGION: 'REGION', SUBDIVISION: 'SUBDIVISION' } as const);
export type RegionScope = keyof typeof RegionScope;

/** The region a plan is for, as resolved against the directory. */
export interface ResolvedRegion {
  scope: RegionScope;
  /** The region's name as the directory spells it ("Kyushu", "Fukuoka") or the country code. */
  name: string;
  country: string;
}

/** How a body stands towards overseas work, for seating it. */
export const SeatRole = Object.freeze({ EXPERIENCED: 'EXPERIENCED', NEWCOMER: 'NEWCOMER', PARTNER: 'PARTNER' } as const);
export type SeatRole = keyof typeof SeatRole;

/** A body as the planner sees it: its profile (expertise, partnerships, open needs) and case studies. */
export interface SessionBody extends ProfileFacts {
  caseStudies: CaseStudyFacts[];
}

/** Everything the planner reads, loaded by the service with a bounded number of statements. */
export interface StudySessionFacts {
  region: ResolvedRegion;
  /** Bodies in the region (agencies excluded), with their open needs. */
  home: SessionBody[];
  /** Bodies of the region's country with documented results on candidate themes. */
  presenters: SessionBody[];
  /** Bodies outside the region's country with open needs on candidate themes. */
  overseas: SessionBody[];
  /** Experienced bodies of the country nearest the region, used only when the groups lack one. */
  nearbyExperienced: SessionBody[];
}

export interface SessionTheme {
  topicKey: string;
  /** Open needs of the invitees on this topic (or its sub-topics). */
  needCount: number;
  needs: RecordRef[];
}

export interface SessionPresentation {
  municipality: MunicipalityFacts;
  topicKey: string;
  reasons: MatchReason[];
}

export interface SessionInvitee {
  municipality: MunicipalityFacts;
  role: SeatRole;
  /** The themes this invitee's needs or profile match. */
  topicKeys: string[];
  reasons: MatchReason[];
}

export interface SessionSeat {
  municipality: MunicipalityFacts;
  role: SeatRole;
}

export interface SessionGroup {
  number: number;
  members: SessionSeat[];
  /** Topics the members share (open needs of two or more, or a need one has and another has worked on). */
  topicKeys: string[];
  reasons: MatchReason[];
}

/** Something the coordinator should know about the plan (a theme nobody can present, seats left empty…). */
export interface SessionNote {
  code: 'NO_PRESENTER' | 'FEWER_GROUPS' | 'UNSEATED' | 'NO_THEMES' | 'NO_EXPERIENCED' | 'NO_NEWCOMER';
  detail: string;
  detailJa: string;
  records: RecordRef[];
}

export interface StudySessionPlan {
  region: ResolvedRegion;
  date: string;
  themes: SessionTheme[];
  presentations: SessionPresentation[];
  invitees: SessionInvitee[];
  groups: SessionGroup[];
  /** Participants the groups had no seat for. */
  unseated: SessionSeat[];
  notes: SessionNote[];
}
