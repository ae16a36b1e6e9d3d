/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptIntroductionInput = {
  id: string | number;
  note?: string | null | undefined;
};

export type AuditLogFilter = {
  action?: string | null | undefined;
  /** Account id, `admin-token` or `system`. */
  actorId?: string | null | undefined;
  /** Kind of record, e.g. `need`. */
  entity?: string | null | undefined;
  /** Key of the record (expertise: `municipality/topic`). */
  entityKey?: string | null | undefined;
  /** At or after this instant. */
  since?: string | null | undefined;
  /** Before this instant. */
  until?: string | null | undefined;
};

/** Confirms a record as still true without changing it: lastConfirmedOn becomes today. */
export type ConfirmInput = {
  key: string;
  /** The version you read; a newer one is a CONFLICT. */
  version: number;
};

export type CooperationScheme =
  | 'BILATERAL_AGREEMENT'
  | 'JICA_EXPERT_DISPATCH'
  | 'JICA_GRASSROOTS'
  | 'JICA_ISSUE_SPECIFIC_TRAINING'
  | 'JICA_PRIVATE_SECTOR'
  | 'JICA_TECHNICAL_COOPERATION'
  | 'JICA_VOLUNTEERS'
  | 'ODA_GRANT_OR_LOAN'
  | 'OTHER'
  | 'PRIVATE_CONTRACT'
  | 'WATER_OPERATORS_PARTNERSHIP';

export type CreateCaseStudyInput = {
  /** Key of the event where it was presented. */
  event?: string | null | undefined;
  /** Lower-case slug, unique among case studies. */
  key: string;
  lessons?: Array<string> | null | undefined;
  /** Key of the municipality that presented it. */
  municipality?: string | null | undefined;
  /** DOCUMENTED (give a source) or ILLUSTRATIVE. */
  provenance?: Provenance | null | undefined;
  /** Citation of a documented fact. */
  source?: string | null | undefined;
  summary?: string | null | undefined;
  title: string;
  /** Topic keys, most relevant first. */
  topics?: Array<string> | null | undefined;
};

export type CreateNeedInput = {
  description?: string | null | undefined;
  /** YYYY-MM-DD: the last day the need is current; after it, it reads as EXPIRED. */
  expiresOn?: string | null | undefined;
  /** Lower-case slug, unique among needs. */
  key: string;
  /** Key of the municipality that has the need. */
  municipality: string;
  priority?: NeedPriority | null | undefined;
  /** DOCUMENTED (give a source) or ILLUSTRATIVE. */
  provenance?: Provenance | null | undefined;
  schemes?: Array<CooperationScheme> | null | undefined;
  /** Citation of a documented fact. */
  source?: string | null | undefined;
  /** Default OPEN. EXPIRED is refused: a need expires by its expiresOn. */
  status?: NeedStatus | null | undefined;
  title: string;
  /** Topic keys, most relevant first. */
  topics?: Array<string> | null | undefined;
};

export type DeclineIntroductionInput = {
  id: string | number;
  note?: string | null | undefined;
  reason: DeclineReason;
};

export type DeclineReason =
  | 'ALREADY_ENGAGED'
  | 'NOT_OUR_EXPERTISE'
  | 'NO_CAPACITY'
  | 'OTHER'
  | 'TIMING';

export type DismissReason =
  | 'ALREADY_IN_CONTACT'
  | 'NOT_RELEVANT'
  | 'NO_CAPACITY'
  | 'OTHER'
  | 'WRONG_TOPIC';

export type DismissSuggestionInput = {
  /** Key of the suggested municipality. */
  candidateKey: string;
  list: MatchList;
  municipalityKey?: string | null | undefined;
  needKey?: string | null | undefined;
  note?: string | null | undefined;
  reason: DismissReason;
};

/** How recently a person confirmed the record (lastConfirmedOn): CURRENT, AGING after FRESHNESS_AGING_MONTHS (12), STALE after FRESHNESS_STALE_MONTHS (24). */
export type Freshness =
  | 'AGING'
  | 'CURRENT'
  | 'STALE';

export type IntroductionStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'REQUESTED';

export type InviteEditorInput = {
  email: string;
  /** The municipality the invitee will edit. */
  municipalityKey: string;
};

export type LoginInput = {
  email: string;
  password: string;
};

/** Which suggestion list: partners for a need, peers or mentors of a municipality. */
export type MatchList =
  | 'MENTOR'
  | 'PARTNER'
  | 'PEER';

export type MemberRole =
  | 'FACILITATOR'
  | 'PEER'
  | 'PROVIDER'
  | 'RECIPIENT';

export type MunicipalityFilter = {
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string | null | undefined;
  /** How recently the profile was confirmed. */
  freshness?: Freshness | null | undefined;
  kind?: MunicipalityKind | null | undefined;
  overseasExperience?: OverseasExperience | null | undefined;
  /** Region, case-insensitive (e.g. Kanto). */
  region?: string | null | undefined;
  /** Substring of key, names (either language), organization or region. */
  text?: string | null | undefined;
  /** Has expertise on this topic (a domain key includes its topics). */
  topic?: string | null | undefined;
};

export type MunicipalityKind =
  | 'LOCAL_GOVERNMENT'
  | 'NATIONAL_AGENCY'
  | 'OTHER'
  | 'UTILITY';

export type NeedPriority =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** OPEN, MATCHED or CLOSED as recorded; EXPIRED: an open need whose expiresOn has passed (in the configured time zone). EXPIRED cannot be set. */
export type NeedStatus =
  | 'CLOSED'
  | 'EXPIRED'
  | 'MATCHED'
  | 'OPEN';

/** How much a municipality has worked abroad. */
export type OverseasExperience =
  | 'EXTENSIVE'
  | 'NONE'
  | 'SOME';

export type PairingPlanInput = {
  /** Providers considered per need, 1–20 (default 10). */
  candidatesPerNeed?: number | null | undefined;
  /** Needs to plan for (at most 200); absent: every open, unexpired need. */
  needKeys?: Array<string> | null | undefined;
};

export type PartnershipStatus =
  | 'ACTIVE'
  | 'AGREED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DORMANT'
  | 'PROPOSED';

export type PathwayStepKind =
  | 'CO_HOST_TRAINING'
  | 'GRASSROOTS_PROPOSAL'
  | 'STUDY_SESSION';

/** DOCUMENTED: from a cited source; ILLUSTRATIVE: made up to show the product. */
export type Provenance =
  | 'DOCUMENTED'
  | 'ILLUSTRATIVE';

/** The kind of record a reason rests on. */
export type RecordType =
  | 'CASE_STUDY'
  | 'EVENT'
  | 'EXPERTISE'
  | 'MUNICIPALITY'
  | 'NEED'
  | 'PARTNERSHIP'
  | 'TOPIC';

/** What a study session region names: a country, a Japanese region, or a prefecture. */
export type RegionScope =
  | 'COUNTRY'
  | 'REGION'
  | 'SUBDIVISION';

export type RequestIntroductionInput = {
  /** Key of the suggested municipality. */
  candidateKey: string;
  list: MatchList;
  /** A note for the other side. */
  message?: string | null | undefined;
  municipalityKey?: string | null | undefined;
  needKey?: string | null | undefined;
};

/** EDITOR: changes its municipalities. COORDINATOR: sees and changes everything. ADMIN: a coordinator who also manages coordinators. */
export type Role =
  | 'ADMIN'
  | 'COORDINATOR'
  | 'EDITOR';

export type SearchHitKind =
  | 'CASE_STUDY'
  | 'MUNICIPALITY'
  | 'NEED'
  | 'PARTNERSHIP';

/** How a participant stands towards overseas work: EXPERIENCED, NEWCOMER, or PARTNER (from abroad). */
export type SeatRole =
  | 'EXPERIENCED'
  | 'NEWCOMER'
  | 'PARTNER';

/** Creates or replaces what a municipality offers on one topic. */
export type SetExpertiseInput = {
  evidence?: string | null | undefined;
  /** 1–5. */
  level: number;
  /** Municipality key. */
  municipality: string;
  /** DOCUMENTED (give a source) or ILLUSTRATIVE. */
  provenance?: Provenance | null | undefined;
  /** Citation of a documented fact. */
  source?: string | null | undefined;
  /** Topic key. */
  topic: string;
  /** Version of the entry you read, when replacing one; a newer one is a CONFLICT. */
  version?: number | null | undefined;
};

/** Ranges and names are checked by the planner, with coded errors (UNKNOWN_REGION, PAST_DATE, UNKNOWN_TOPIC; groups 1–30, groupSize 2–12). */
export type StudySessionPlanInput = {
  /** YYYY-MM-DD, today or later. */
  date: string;
  /** Bodies per group (2–12). */
  groupSize: number;
  /** How many discussion groups (1–30). */
  groups: number;
  /** A Japanese region (Kyushu), a prefecture (Fukuoka) or a country (JP, Japan). */
  region: string;
  /** Themes (topic keys, at most 8); absent: the most needed topics. */
  topics?: Array<string> | null | undefined;
};

export type UpdateCaseStudyInput = {
  /** Key of the event where it was presented. */
  event?: string | null | undefined;
  key: string;
  lessons?: Array<string> | null | undefined;
  /** Key of the municipality that presented it. */
  municipality?: string | null | undefined;
  /** DOCUMENTED (give a source) or ILLUSTRATIVE. */
  provenance?: Provenance | null | undefined;
  /** Citation of a documented fact. */
  source?: string | null | undefined;
  summary?: string | null | undefined;
  title?: string | null | undefined;
  /** Topic keys, most relevant first. */
  topics?: Array<string> | null | undefined;
  /** The version you read; a newer one is a CONFLICT. */
  version: number;
};

export type UpdateMunicipalityInput = {
  capacity?: number | null | undefined;
  contactEmail?: string | null | undefined;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string | null | undefined;
  /** Which municipality (keys do not change). */
  key: string;
  kind?: MunicipalityKind | null | undefined;
  /** ISO 639-1 codes, e.g. ["ja", "en"]. */
  languages?: Array<string> | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  name?: string | null | undefined;
  nameJa?: string | null | undefined;
  organization?: string | null | undefined;
  overseasExperience?: OverseasExperience | null | undefined;
  population?: number | null | undefined;
  /** DOCUMENTED (give a source) or ILLUSTRATIVE. */
  provenance?: Provenance | null | undefined;
  region?: string | null | undefined;
  /** Citation of a documented fact. */
  source?: string | null | undefined;
  subdivision?: string | null | undefined;
  /** The version you read; a newer one is a CONFLICT. */
  version: number;
  website?: string | null | undefined;
};

export type UpdateNeedInput = {
  description?: string | null | undefined;
  /** YYYY-MM-DD: the last day the need is current; after it, it reads as EXPIRED. */
  expiresOn?: string | null | undefined;
  key: string;
  /** Key of the municipality that has the need. */
  municipality?: string | null | undefined;
  priority?: NeedPriority | null | undefined;
  /** DOCUMENTED (give a source) or ILLUSTRATIVE. */
  provenance?: Provenance | null | undefined;
  schemes?: Array<CooperationScheme> | null | undefined;
  /** Citation of a documented fact. */
  source?: string | null | undefined;
  /** Default OPEN. EXPIRED is refused: a need expires by its expiresOn. */
  status?: NeedStatus | null | undefined;
  title?: string | null | undefined;
  /** Topic keys, most relevant first. */
  topics?: Array<string> | null | undefined;
  /** The version you read; a newer one is a CONFLICT. */
  version: number;
};

/** What to chase: a stale record, a need expired or about to, a partnership past its end, an unanswered introduction. */
export type UpkeepKind =
  | 'EXPIRED_NEED'
  | 'EXPIRING_NEED'
  | 'OVERDUE_INTRODUCTION'
  | 'PARTNERSHIP_PAST_END'
  | 'STALE_NEED'
  | 'STALE_PARTNERSHIP'
  | 'STALE_PROFILE';

export type UpkeepRecordType =
  | 'INTRODUCTION'
  | 'MUNICIPALITY'
  | 'NEED'
  | 'PARTNERSHIP';

export type SessionFieldsFragment = { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, account: { id: string, email: string | null, role: Role, municipalityKeys: Array<string> } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, account: { id: string, email: string | null, role: Role, municipalityKeys: Array<string> } } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, account: { id: string, email: string | null, role: Role, municipalityKeys: Array<string> } } };

export type LogoutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type LogoutMutation = { logout: boolean };

export type PairingPlanPageQueryVariables = Exact<{
  input?: PairingPlanInput | null | undefined;
}>;


export type PairingPlanPageQuery = { pairingPlan: { method: string, totalScore: number, distinctProviders: number, pairs: Array<{ needKey: string, score: number, suggestionScore: number, scoreBasis: string, scoreBasisJa: string, need: { key: string, title: string, municipality: { key: string, name: string, nameJa: string | null } }, municipality: { key: string, name: string, nameJa: string | null }, reasons: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }>, mismatches: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }> }>, greedy: { totalScore: number, assigned: number, distinctProviders: number, pairs: Array<{ needKey: string, municipalityKey: string, score: number }> }, unassigned: Array<{ needKey: string, code: string, reason: string, reasonJa: string, need: { key: string, title: string } }>, providers: Array<{ assigned: number, remaining: number, municipality: { key: string, name: string, nameJa: string | null } }> } };

export type PipelinePartnershipsQueryVariables = Exact<{
  status: PartnershipStatus;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PipelinePartnershipsQuery = { partnerships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { key: string, title: string, status: PartnershipStatus, version: number, scheme: CooperationScheme | null, startYear: number | null, endYear: number | null, members: Array<{ role: MemberRole, municipality: { key: string, name: string, nameJa: string | null } }> } }> } };

export type ChangePartnershipStatusMutationVariables = Exact<{
  key: string;
  status: PartnershipStatus;
  version: number;
}>;


export type ChangePartnershipStatusMutation = { changePartnershipStatus: { key: string, status: PartnershipStatus, version: number } };

export type OpenIntroductionsQueryVariables = Exact<{
  status?: IntroductionStatus | null | undefined;
  municipalityKey?: string | null | undefined;
}>;


export type OpenIntroductionsQuery = { introductions: Array<{ id: string, list: MatchList, status: IntroductionStatus, message: string | null, overdue: boolean, createdAt: string, respondedAt: string | null, need: { key: string, title: string } | null, requester: { key: string, name: string, nameJa: string | null }, candidate: { key: string, name: string, nameJa: string | null } }> };

export type AcceptIntroductionMutationVariables = Exact<{
  input: AcceptIntroductionInput;
}>;


export type AcceptIntroductionMutation = { acceptIntroduction: { id: string, status: IntroductionStatus, partnership: { key: string } | null } };

export type DeclineIntroductionMutationVariables = Exact<{
  input: DeclineIntroductionInput;
}>;


export type DeclineIntroductionMutation = { declineIntroduction: { id: string, status: IntroductionStatus } };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, action: string, entity: string, entityKey: string, actorEmail: string | null, actorId: string | null } }> } };

export type InviteEditorMutationVariables = Exact<{
  input: InviteEditorInput;
}>;


export type InviteEditorMutation = { inviteEditor: { email: string, municipalityKey: string, token: string, expiresAt: string } };

export type UpkeepQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type UpkeepQuery = { upkeep: { asOf: string, timeZone: string, thresholds: { expiringDays: number, introductionDays: number, staleMonths: number }, staleProfiles: { totalCount: number, items: Array<{ key: string, kind: UpkeepKind, recordType: UpkeepRecordType, title: string, date: string, days: number, detail: string, detailJa: string, fixers: Array<{ email: string, municipalityKey: string }> }> }, expiredNeeds: { totalCount: number, items: Array<{ key: string, kind: UpkeepKind, recordType: UpkeepRecordType, title: string, date: string, days: number, detail: string, detailJa: string, fixers: Array<{ email: string, municipalityKey: string }> }> }, expiringNeeds: { totalCount: number, items: Array<{ key: string, kind: UpkeepKind, recordType: UpkeepRecordType, title: string, date: string, days: number, detail: string, detailJa: string, fixers: Array<{ email: string, municipalityKey: string }> }> }, staleNeeds: { totalCount: number, items: Array<{ key: string, kind: UpkeepKind, recordType: UpkeepRecordType, title: string, date: string, days: number, detail: string, detailJa: string, fixers: Array<{ email: string, municipalityKey: string }> }> }, overdueIntroductions: { totalCount: number, items: Array<{ key: string, kind: UpkeepKind, recordType: UpkeepRecordType, title: string, date: string, days: number, detail: string, detailJa: string, fixers: Array<{ email: string, municipalityKey: string }> }> }, partnershipsPastEnd: { totalCount: number, items: Array<{ key: string, kind: UpkeepKind, recordType: UpkeepRecordType, title: string, date: string, days: number, detail: string, detailJa: string, fixers: Array<{ email: string, municipalityKey: string }> }> }, stalePartnerships: { totalCount: number, items: Array<{ key: string, kind: UpkeepKind, recordType: UpkeepRecordType, title: string, date: string, days: number, detail: string, detailJa: string, fixers: Array<{ email: string, municipalityKey: string }> }> } } };

export type UpkeepSectionFieldsFragment = { totalCount: number, items: Array<{ key: string, kind: UpkeepKind, recordType: UpkeepRecordType, title: string, date: string, days: number, detail: string, detailJa: string, fixers: Array<{ email: string, municipalityKey: string }> }> };

export type StudySessionPlanQueryVariables = Exact<{
  input: StudySessionPlanInput;
}>;


export type StudySessionPlanQuery = { studySessionPlan: { date: string, region: { name: string, country: string, scope: RegionScope }, themes: Array<{ needCount: number, topic: { key: string, labelEn: string, labelJa: string }, needs: Array<{ type: RecordType, key: string, label: string | null }> }>, presentations: Array<{ topic: { key: string, labelEn: string, labelJa: string }, municipality: { key: string, name: string, nameJa: string | null }, reasons: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }> }>, invitees: Array<{ role: SeatRole, municipality: { key: string, name: string, nameJa: string | null }, topics: Array<{ key: string, labelEn: string, labelJa: string }>, reasons: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }> }>, groups: Array<{ number: number, seats: Array<{ role: SeatRole, municipality: { key: string, name: string, nameJa: string | null } }>, topics: Array<{ key: string, labelEn: string, labelJa: string }>, reasons: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }> }>, notes: Array<{ code: string, detail: string, detailJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }>, unseated: Array<{ role: SeatRole, municipality: { key: string, name: string, nameJa: string | null } }> } };

export type DirectoryQueryVariables = Exact<{
  filter?: MunicipalityFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DirectoryQuery = { municipalities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { key: string, name: string, nameJa: string | null, kind: MunicipalityKind, country: string, region: string | null, subdivision: string | null, organization: string | null, population: number | null, overseasExperience: OverseasExperience | null, provenance: Provenance | null, source: string | null, expertise: Array<{ level: number, topic: { key: string, labelEn: string, labelJa: string } }> } }> } };

export type DirectoryFacetsQueryVariables = Exact<{ [key: string]: never; }>;


export type DirectoryFacetsQuery = { municipalityFacets: { countries: Array<{ value: string, count: number }>, regions: Array<{ value: string, count: number }> } };

export type EditMunicipalityQueryVariables = Exact<{
  key: string;
}>;


export type EditMunicipalityQuery = { municipality: { key: string, name: string, nameJa: string | null, organization: string | null, population: number | null, capacity: number | null, overseasExperience: OverseasExperience | null, website: string | null, contactEmail: string | null, languages: Array<string>, provenance: Provenance | null, source: string | null, version: number, expertise: Array<{ topicKey: string, level: number, evidence: string | null, provenance: Provenance | null, source: string | null, version: number, topic: { key: string, labelEn: string, labelJa: string } }>, needs: Array<{ key: string, title: string, description: string | null, status: NeedStatus, priority: NeedPriority | null, expiresOn: string | null, provenance: Provenance | null, source: string | null, version: number, topics: Array<{ key: string }> }>, caseStudies: Array<{ key: string, title: string, summary: string | null, lessons: Array<string>, provenance: Provenance | null, source: string | null, version: number, topics: Array<{ key: string }> }> } | null };

export type UpdateMunicipalityMutationVariables = Exact<{
  input: UpdateMunicipalityInput;
}>;


export type UpdateMunicipalityMutation = { updateMunicipality: { key: string, version: number } };

export type SetExpertiseMutationVariables = Exact<{
  input: SetExpertiseInput;
}>;


export type SetExpertiseMutation = { setExpertise: { topicKey: string, version: number } };

export type RemoveExpertiseMutationVariables = Exact<{
  municipality: string;
  topic: string;
}>;


export type RemoveExpertiseMutation = { removeExpertise: boolean };

export type UpdateNeedMutationVariables = Exact<{
  input: UpdateNeedInput;
}>;


export type UpdateNeedMutation = { updateNeed: { key: string, version: number } };

export type CreateNeedMutationVariables = Exact<{
  input: CreateNeedInput;
}>;


export type CreateNeedMutation = { createNeed: { key: string, version: number } };

export type UpdateCaseStudyMutationVariables = Exact<{
  input: UpdateCaseStudyInput;
}>;


export type UpdateCaseStudyMutation = { updateCaseStudy: { key: string, version: number } };

export type CreateCaseStudyMutationVariables = Exact<{
  input: CreateCaseStudyInput;
}>;


export type CreateCaseStudyMutation = { createCaseStudy: { key: string, version: number } };

export type ConfirmMunicipalityMutationVariables = Exact<{
  input: ConfirmInput;
}>;


export type ConfirmMunicipalityMutation = { confirmMunicipality: { key: string, version: number, lastConfirmedOn: string, freshness: Freshness } };

export type HomeNumbersQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeNumbersQuery = { municipalities: { totalCount: number }, japan: { totalCount: number }, openNeeds: { totalCount: number }, partnerships: { totalCount: number }, activePartnerships: { totalCount: number } };

export type CaseStudyFieldsFragment = { key: string, title: string, summary: string | null, lessons: Array<string>, provenance: Provenance | null, source: string | null, topics: Array<{ key: string, labelEn: string, labelJa: string }>, event: { key: string, title: string, date: string | null } | null };

export type CaseStudyPageQueryVariables = Exact<{
  key: string;
}>;


export type CaseStudyPageQuery = { caseStudy: { key: string, title: string, summary: string | null, lessons: Array<string>, provenance: Provenance | null, source: string | null, municipality: { key: string, name: string, nameJa: string | null } | null, topics: Array<{ key: string, labelEn: string, labelJa: string }>, event: { key: string, title: string, date: string | null } | null } | null };

export type EventPageQueryVariables = Exact<{
  key: string;
}>;


export type EventPageQuery = { event: { key: string, title: string, date: string | null, location: string | null, participants: number | null, provenance: Provenance | null, source: string | null, caseStudies: Array<{ key: string, title: string, summary: string | null, lessons: Array<string>, provenance: Provenance | null, source: string | null, municipality: { key: string, name: string, nameJa: string | null } | null, topics: Array<{ key: string, labelEn: string, labelJa: string }>, event: { key: string, title: string, date: string | null } | null }> } | null };

export type RecordRefFieldsFragment = { type: RecordType, key: string, label: string | null };

export type ReasonFieldsFragment = { kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> };

export type SuggestionFieldsFragment = { score: number, municipality: { key: string, name: string, nameJa: string | null, country: string, region: string | null, overseasExperience: OverseasExperience | null, provenance: Provenance | null }, reasons: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }>, mismatches: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }> };

export type DismissSuggestionMutationVariables = Exact<{
  input: DismissSuggestionInput;
}>;


export type DismissSuggestionMutation = { dismissSuggestion: { id: string, candidateKey: string, reason: string } };

export type RequestIntroductionMutationVariables = Exact<{
  input: RequestIntroductionInput;
}>;


export type RequestIntroductionMutation = { requestIntroduction: { id: string, status: IntroductionStatus, candidate: { key: string } } };

export type IntroductionsQueryVariables = Exact<{
  municipalityKey: string;
}>;


export type IntroductionsQuery = { introductions: Array<{ id: string, list: MatchList, status: IntroductionStatus, createdAt: string, need: { key: string } | null, requester: { key: string }, candidate: { key: string } }> };

export type MunicipalityProfileQueryVariables = Exact<{
  key: string;
}>;


export type MunicipalityProfileQuery = { municipality: { key: string, name: string, nameJa: string | null, kind: MunicipalityKind, country: string, region: string | null, subdivision: string | null, organization: string | null, population: number | null, languages: Array<string>, capacity: number | null, overseasExperience: OverseasExperience | null, website: string | null, contactEmail: string | null, latitude: number | null, longitude: number | null, provenance: Provenance | null, source: string | null, updatedAt: string, version: number, freshness: Freshness, lastConfirmedOn: string, expertise: Array<{ level: number, evidence: string | null, provenance: Provenance | null, source: string | null, topic: { key: string, labelEn: string, labelJa: string } }>, needs: Array<{ key: string, title: string, description: string | null, status: NeedStatus, priority: NeedPriority | null, schemes: Array<CooperationScheme>, expiresOn: string | null, provenance: Provenance | null, source: string | null, topics: Array<{ key: string, labelEn: string, labelJa: string }> }>, partnerships: Array<{ key: string, title: string, scheme: CooperationScheme | null, status: PartnershipStatus, startYear: number | null, endYear: number | null, summary: string | null, provenance: Provenance | null, source: string | null, topics: Array<{ key: string, labelEn: string, labelJa: string }>, members: Array<{ role: MemberRole, municipality: { key: string, name: string, nameJa: string | null, country: string } }>, outcomes: Array<{ indicator: string, before: number | null, after: number | null, note: string | null }> }>, caseStudies: Array<{ key: string, title: string, summary: string | null, lessons: Array<string>, provenance: Provenance | null, source: string | null, topics: Array<{ key: string, labelEn: string, labelJa: string }>, event: { key: string, title: string, date: string | null } | null }> } | null };

export type PeerSuggestionsQueryVariables = Exact<{
  key: string;
  first?: number | null | undefined;
}>;


export type PeerSuggestionsQuery = { peerSuggestions: Array<{ score: number, municipality: { key: string, name: string, nameJa: string | null, country: string, region: string | null, overseasExperience: OverseasExperience | null, provenance: Provenance | null }, reasons: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }>, mismatches: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }> }> };

export type MentorSuggestionsQueryVariables = Exact<{
  key: string;
  first?: number | null | undefined;
}>;


export type MentorSuggestionsQuery = { mentorSuggestions: Array<{ score: number, pathway: Array<{ stage: number, kind: PathwayStepKind, titleEn: string, titleJa: string, detail: string, detailJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }>, municipality: { key: string, name: string, nameJa: string | null, country: string, region: string | null, overseasExperience: OverseasExperience | null, provenance: Provenance | null }, reasons: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }>, mismatches: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }> }> };

export type NeedPageQueryVariables = Exact<{
  key: string;
}>;


export type NeedPageQuery = { need: { key: string, title: string, description: string | null, status: NeedStatus, priority: NeedPriority | null, schemes: Array<CooperationScheme>, expiresOn: string | null, provenance: Provenance | null, source: string | null, updatedAt: string, topics: Array<{ key: string, labelEn: string, labelJa: string }>, municipality: { key: string, name: string, nameJa: string | null, country: string, region: string | null, organization: string | null } } | null };

export type PartnerSuggestionsQueryVariables = Exact<{
  key: string;
  first?: number | null | undefined;
}>;


export type PartnerSuggestionsQuery = { partnerSuggestions: Array<{ score: number, municipality: { key: string, name: string, nameJa: string | null, country: string, region: string | null, overseasExperience: OverseasExperience | null, provenance: Provenance | null }, reasons: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }>, mismatches: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }> }> };

export type ConsortiumSuggestionsQueryVariables = Exact<{
  key: string;
}>;


export type ConsortiumSuggestionsQuery = { consortiumSuggestions: Array<{ score: number, coveredTopics: Array<string>, uncoveredTopics: Array<string>, members: Array<{ covers: Array<string>, score: number, municipality: { key: string, name: string, nameJa: string | null } }>, reasons: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }>, mismatches: Array<{ kind: string, weight: number, detail: string, detailJa: string, labelEn: string, labelJa: string, records: Array<{ type: RecordType, key: string, label: string | null }> }> }> };

export type PartnershipNetworkQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnershipNetworkQuery = { partnershipNetwork: { truncated: boolean, places: Array<{ key: string, name: string, nameJa: string | null, kind: MunicipalityKind, country: string, latitude: number | null, longitude: number | null, topics: Array<string> }>, partnerships: Array<{ key: string, title: string, scheme: CooperationScheme | null, status: PartnershipStatus, topics: Array<string>, members: Array<string> }> } };

export type PartnershipFieldsFragment = { key: string, title: string, scheme: CooperationScheme | null, status: PartnershipStatus, startYear: number | null, endYear: number | null, summary: string | null, provenance: Provenance | null, source: string | null, topics: Array<{ key: string, labelEn: string, labelJa: string }>, members: Array<{ role: MemberRole, municipality: { key: string, name: string, nameJa: string | null, country: string } }>, outcomes: Array<{ indicator: string, before: number | null, after: number | null, note: string | null }> };

export type PartnershipPageQueryVariables = Exact<{
  key: string;
}>;


export type PartnershipPageQuery = { partnership: { key: string, title: string, scheme: CooperationScheme | null, status: PartnershipStatus, startYear: number | null, endYear: number | null, summary: string | null, provenance: Provenance | null, source: string | null, topics: Array<{ key: string, labelEn: string, labelJa: string }>, members: Array<{ role: MemberRole, municipality: { key: string, name: string, nameJa: string | null, country: string } }>, outcomes: Array<{ indicator: string, before: number | null, after: number | null, note: string | null }> } | null };

export type SearchQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
}>;


export type SearchQuery = { search: Array<{ kind: SearchHitKind, key: string, title: string, snippet: string, score: number, municipality: { key: string, name: string, nameJa: string | null, country: string, provenance: Provenance | null } | null, need: { key: string, status: NeedStatus, provenance: Provenance | null, municipality: { key: string, name: string, nameJa: string | null } } | null, partnership: { key: string, status: PartnershipStatus, provenance: Provenance | null } | null, caseStudy: { key: string, provenance: Provenance | null, municipality: { key: string, name: string, nameJa: string | null } | null } | null }> };

export type TopicLabelFragment = { key: string, labelEn: string, labelJa: string };

export type TopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type TopicsQuery = { topics: Array<{ key: string, labelEn: string, labelJa: string, parentKey: string | null, depth: number }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SessionFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment SessionFields on AuthPayload {
  accessToken
  accessTokenExpiresAt
  refreshToken
  account {
    id
    email
    role
    municipalityKeys
  }
}
    `, {"fragmentName":"SessionFields"}) as unknown as TypedDocumentString<SessionFieldsFragment, unknown>;
export const UpkeepSectionFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment UpkeepSectionFields on UpkeepSection {
  totalCount
  items(first: $first) {
    key
    kind
    recordType
    title
    date
    days
    detail
    detailJa
    fixers {
      email
      municipalityKey
    }
  }
}
    `, {"fragmentName":"UpkeepSectionFields"}) as unknown as TypedDocumentString<UpkeepSectionFieldsFragment, unknown>;
export const TopicLabelFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment TopicLabel on Topic {
  key
  labelEn
  labelJa
}
    `, {"fragmentName":"TopicLabel"}) as unknown as TypedDocumentString<TopicLabelFragment, unknown>;
export const CaseStudyFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment CaseStudyFields on CaseStudy {
  key
  title
  summary
  lessons
  provenance
  source
  topics {
    ...TopicLabel
  }
  event {
    key
    title
    date
  }
}
    fragment TopicLabel on Topic {
  key
  labelEn
  labelJa
}`, {"fragmentName":"CaseStudyFields"}) as unknown as TypedDocumentString<CaseStudyFieldsFragment, unknown>;
export const RecordRefFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment RecordRefFields on RecordRef {
  type
  key
  label
}
    `, {"fragmentName":"RecordRefFields"}) as unknown as TypedDocumentString<RecordRefFieldsFragment, unknown>;
export const ReasonFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment ReasonFields on MatchReason {
  kind
  weight
  detail
  detailJa
  labelEn
  labelJa
  records {
    ...RecordRefFields
  }
}
    fragment RecordRefFields on RecordRef {
  type
  key
  label
}`, {"fragmentName":"ReasonFields"}) as unknown as TypedDocumentString<ReasonFieldsFragment, unknown>;
export const SuggestionFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment SuggestionFields on Suggestion {
  score
  municipality {
    key
    name
    nameJa
    country
    region
    overseasExperience
    provenance
  }
  reasons {
    ...ReasonFields
  }
  mismatches {
    ...ReasonFields
  }
}
    fragment RecordRefFields on RecordRef {
  type
  key
  label
}
fragment ReasonFields on MatchReason {
  kind
  weight
  detail
  detailJa
  labelEn
  labelJa
  records {
    ...RecordRefFields
  }
}`, {"fragmentName":"SuggestionFields"}) as unknown as TypedDocumentString<SuggestionFieldsFragment, unknown>;
export const PartnershipFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment PartnershipFields on Partnership {
  key
  title
  scheme
  status
  startYear
  endYear
  summary
  provenance
  source
  topics {
    ...TopicLabel
  }
  members {
    role
    municipality {
      key
      name
      nameJa
      country
    }
  }
  outcomes {
    indicator
    before
    after
    note
  }
}
    fragment TopicLabel on Topic {
  key
  labelEn
  labelJa
}`, {"fragmentName":"PartnershipFields"}) as unknown as TypedDocumentString<PartnershipFieldsFragment, unknown>;
export const LoginDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    ...SessionFields
  }
}
    fragment SessionFields on AuthPayload {
  accessToken
  accessTokenExpiresAt
  refreshToken
  account {
    id
    email
    role
    municipalityKeys
  }
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RefreshSessionDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation RefreshSession($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    ...SessionFields
  }
}
    fragment SessionFields on AuthPayload {
  accessToken
  accessTokenExpiresAt
  refreshToken
  account {
    id
    email
    role
    municipalityKeys
  }
}`) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const LogoutDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation Logout($refreshToken: String!) {
  logout(refreshToken: $refreshToken)
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const PairingPlanPageDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PairingPlanPage($input: PairingPlanInput) {
  pairingPlan(input: $input) {
    method
    totalScore
    distinctProviders
    pairs {
      needKey
      score
      suggestionScore
      scoreBasis
      scoreBasisJa
      need {
        key
        title
        municipality {
          key
          name
          nameJa
        }
      }
      municipality {
        key
        name
        nameJa
      }
      reasons {
        ...ReasonFields
      }
      mismatches {
        ...ReasonFields
      }
    }
    greedy {
      totalScore
      assigned
      distinctProviders
      pairs {
        needKey
        municipalityKey
        score
      }
    }
    unassigned {
      needKey
      code
      reason
      reasonJa
      need {
        key
        title
      }
    }
    providers {
      assigned
      remaining
      municipality {
        key
        name
        nameJa
      }
    }
  }
}
    fragment RecordRefFields on RecordRef {
  type
  key
  label
}
fragment ReasonFields on MatchReason {
  kind
  weight
  detail
  detailJa
  labelEn
  labelJa
  records {
    ...RecordRefFields
  }
}`) as unknown as TypedDocumentString<PairingPlanPageQuery, PairingPlanPageQueryVariables>;
export const PipelinePartnershipsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PipelinePartnerships($status: PartnershipStatus!, $first: Int, $after: String) {
  partnerships(filter: {status: $status}, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        key
        title
        status
        version
        scheme
        startYear
        endYear
        members {
          role
          municipality {
            key
            name
            nameJa
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PipelinePartnershipsQuery, PipelinePartnershipsQueryVariables>;
export const ChangePartnershipStatusDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation ChangePartnershipStatus($key: String!, $status: PartnershipStatus!, $version: Int!) {
  changePartnershipStatus(key: $key, status: $status, version: $version) {
    key
    status
    version
  }
}
    `) as unknown as TypedDocumentString<ChangePartnershipStatusMutation, ChangePartnershipStatusMutationVariables>;
export const OpenIntroductionsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query OpenIntroductions($status: IntroductionStatus, $municipalityKey: String) {
  introductions(status: $status, municipalityKey: $municipalityKey) {
    id
    list
    status
    message
    overdue
    createdAt
    respondedAt
    need {
      key
      title
    }
    requester {
      key
      name
      nameJa
    }
    candidate {
      key
      name
      nameJa
    }
  }
}
    `) as unknown as TypedDocumentString<OpenIntroductionsQuery, OpenIntroductionsQueryVariables>;
export const AcceptIntroductionDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation AcceptIntroduction($input: AcceptIntroductionInput!) {
  acceptIntroduction(input: $input) {
    id
    status
    partnership {
      key
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptIntroductionMutation, AcceptIntroductionMutationVariables>;
export const DeclineIntroductionDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation DeclineIntroduction($input: DeclineIntroductionInput!) {
  declineIntroduction(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DeclineIntroductionMutation, DeclineIntroductionMutationVariables>;
export const AuditLogDocument = /*#__PURE__*/ new TypedDocumentString(`
    query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        at
        action
        entity
        entityKey
        actorEmail
        actorId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const InviteEditorDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation InviteEditor($input: InviteEditorInput!) {
  inviteEditor(input: $input) {
    email
    municipalityKey
    token
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<InviteEditorMutation, InviteEditorMutationVariables>;
export const UpkeepDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Upkeep($first: Int) {
  upkeep {
    asOf
    timeZone
    thresholds {
      expiringDays
      introductionDays
      staleMonths
    }
    staleProfiles {
      ...UpkeepSectionFields
    }
    expiredNeeds {
      ...UpkeepSectionFields
    }
    expiringNeeds {
      ...UpkeepSectionFields
    }
    staleNeeds {
      ...UpkeepSectionFields
    }
    overdueIntroductions {
      ...UpkeepSectionFields
    }
    partnershipsPastEnd {
      ...UpkeepSectionFields
    }
    stalePartnerships {
      ...UpkeepSectionFields
    }
  }
}
    fragment UpkeepSectionFields on UpkeepSection {
  totalCount
  items(first: $first) {
    key
    kind
    recordType
    title
    date
    days
    detail
    detailJa
    fixers {
      email
      municipalityKey
    }
  }
}`) as unknown as TypedDocumentString<UpkeepQuery, UpkeepQueryVariables>;
export const StudySessionPlanDocument = /*#__PURE__*/ new TypedDocumentString(`
    query StudySessionPlan($input: StudySessionPlanInput!) {
  studySessionPlan(input: $input) {
    date
    region {
      name
      country
      scope
    }
    themes {
      needCount
      topic {
        ...TopicLabel
      }
      needs {
        ...RecordRefFields
      }
    }
    presentations {
      topic {
        ...TopicLabel
      }
      municipality {
        key
        name
        nameJa
      }
      reasons {
        ...ReasonFields
      }
    }
    invitees {
      role
      municipality {
        key
        name
        nameJa
      }
      topics {
        ...TopicLabel
      }
      reasons {
        ...ReasonFields
      }
    }
    groups {
      number
      seats {
        role
        municipality {
          key
          name
          nameJa
        }
      }
      topics {
        ...TopicLabel
      }
      reasons {
        ...ReasonFields
      }
    }
    notes {
      code
      detail
      detailJa
      records {
        ...RecordRefFields
      }
    }
    unseated {
      role
      municipality {
        key
        name
        nameJa
      }
    }
  }
}
    fragment RecordRefFields on RecordRef {
  type
  key
  label
}
fragment ReasonFields on MatchReason {
  kind
  weight
  detail
  detailJa
  labelEn
  labelJa
  records {
    ...RecordRefFields
  }
}
fragment TopicLabel on Topic {
  key
  labelEn
  labelJa
}`) as unknown as TypedDocumentString<StudySessionPlanQuery, StudySessionPlanQueryVariables>;
export const DirectoryDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Directory($filter: MunicipalityFilter, $first: Int, $after: String) {
  municipalities(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        key
        name
        nameJa
        kind
        country
        region
        subdivision
        organization
        population
        overseasExperience
        provenance
        source
        expertise {
          level
          topic {
            ...TopicLabel
          }
        }
      }
    }
  }
}
    fragment TopicLabel on Topic {
  key
  labelEn
  labelJa
}`) as unknown as TypedDocumentString<DirectoryQuery, DirectoryQueryVariables>;
export const DirectoryFacetsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query DirectoryFacets {
  municipalityFacets {
    countries {
      value
      count
    }
    regions {
      value
      count
    }
  }
}
    `) as unknown as TypedDocumentString<DirectoryFacetsQuery, DirectoryFacetsQueryVariables>;
export const EditMunicipalityDocument = /*#__PURE__*/ new TypedDocumentString(`
    query EditMunicipality($key: String!) {
  municipality(key: $key) {
    key
    name
    nameJa
    organization
    population
    capacity
    overseasExperience
    website
    contactEmail
    languages
    provenance
    source
    version
    expertise {
      topicKey
      level
      evidence
      provenance
      source
      version
      topic {
        ...TopicLabel
      }
    }
    needs {
      key
      title
      description
      status
      priority
      expiresOn
      provenance
      source
      version
      topics {
        key
      }
    }
    caseStudies {
      key
      title
      summary
      lessons
      provenance
      source
      version
      topics {
        key
      }
    }
  }
}
    fragment TopicLabel on Topic {
  key
  labelEn
  labelJa
}`) as unknown as TypedDocumentString<EditMunicipalityQuery, EditMunicipalityQueryVariables>;
export const UpdateMunicipalityDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation UpdateMunicipality($input: UpdateMunicipalityInput!) {
  updateMunicipality(input: $input) {
    key
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateMunicipalityMutation, UpdateMunicipalityMutationVariables>;
export const SetExpertiseDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation SetExpertise($input: SetExpertiseInput!) {
  setExpertise(input: $input) {
    topicKey
    version
  }
}
    `) as unknown as TypedDocumentString<SetExpertiseMutation, SetExpertiseMutationVariables>;
export const RemoveExpertiseDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation RemoveExpertise($municipality: String!, $topic: String!) {
  removeExpertise(municipality: $municipality, topic: $topic)
}
    `) as unknown as TypedDocumentString<RemoveExpertiseMutation, RemoveExpertiseMutationVariables>;
export const UpdateNeedDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation UpdateNeed($input: UpdateNeedInput!) {
  updateNeed(input: $input) {
    key
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateNeedMutation, UpdateNeedMutationVariables>;
export const CreateNeedDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation CreateNeed($input: CreateNeedInput!) {
  createNeed(input: $input) {
    key
    version
  }
}
    `) as unknown as TypedDocumentString<CreateNeedMutation, CreateNeedMutationVariables>;
export const UpdateCaseStudyDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation UpdateCaseStudy($input: UpdateCaseStudyInput!) {
  updateCaseStudy(input: $input) {
    key
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateCaseStudyMutation, UpdateCaseStudyMutationVariables>;
export const CreateCaseStudyDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation CreateCaseStudy($input: CreateCaseStudyInput!) {
  createCaseStudy(input: $input) {
    key
    version
  }
}
    `) as unknown as TypedDocumentString<CreateCaseStudyMutation, CreateCaseStudyMutationVariables>;
export const ConfirmMunicipalityDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation ConfirmMunicipality($input: ConfirmInput!) {
  confirmMunicipality(input: $input) {
    key
    version
    lastConfirmedOn
    freshness
  }
}
    `) as unknown as TypedDocumentString<ConfirmMunicipalityMutation, ConfirmMunicipalityMutationVariables>;
export const HomeNumbersDocument = /*#__PURE__*/ new TypedDocumentString(`
    query HomeNumbers {
  municipalities(first: 1) {
    totalCount
  }
  japan: municipalities(filter: {country: "JP"}, first: 1) {
    totalCount
  }
  openNeeds: needs(filter: {status: OPEN}, first: 1) {
    totalCount
  }
  partnerships(first: 1) {
    totalCount
  }
  activePartnerships: partnerships(filter: {status: ACTIVE}, first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<HomeNumbersQuery, HomeNumbersQueryVariables>;
export const CaseStudyPageDocument = /*#__PURE__*/ new TypedDocumentString(`
    query CaseStudyPage($key: String!) {
  caseStudy(key: $key) {
    ...CaseStudyFields
    municipality {
      key
      name
      nameJa
    }
  }
}
    fragment CaseStudyFields on CaseStudy {
  key
  title
  summary
  lessons
  provenance
  source
  topics {
    ...TopicLabel
  }
  event {
    key
    title
    date
  }
}
fragment TopicLabel on Topic {
  key
  labelEn
  labelJa
}`) as unknown as TypedDocumentString<CaseStudyPageQuery, CaseStudyPageQueryVariables>;
export const EventPageDocument = /*#__PURE__*/ new TypedDocumentString(`
    query EventPage($key: String!) {
  event(key: $key) {
    key
    title
    date
    location
    participants
    provenance
    source
    caseStudies {
      ...CaseStudyFields
      municipality {
        key
        name
        nameJa
      }
    }
  }
}
    fragment CaseStudyFields on CaseStudy {
  key
  title
  summary
  lessons
  provenance
  source
  topics {
    ...TopicLabel
  }
  event {
    key
    title
    date
  }
}
fragment TopicLabel on Topic {
  key
  labelEn
  labelJa
}`) as unknown as TypedDocumentString<EventPageQuery, EventPageQueryVariables>;
export const DismissSuggestionDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation DismissSuggestion($input: DismissSuggestionInput!) {
  dismissSuggestion(input: $input) {
    id
    candidateKey
    reason
  }
}
    `) as unknown as TypedDocumentString<DismissSuggestionMutation, DismissSuggestionMutationVariables>;
export const RequestIntroductionDocument = /*#__PURE__*/ new TypedDocumentString(`
    mutation RequestIntroduction($input: RequestIntroductionInput!) {
  requestIntroduction(input: $input) {
    id
    status
    candidate {
      key
    }
  }
}
    `) as unknown as TypedDocumentString<RequestIntroductionMutation, RequestIntroductionMutationVariables>;
export const IntroductionsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Introductions($municipalityKey: String!) {
  introductions(municipalityKey: $municipalityKey) {
    id
    list
    status
    createdAt
    need {
      key
    }
    requester {
      key
    }
    candidate {
      key
    }
  }
}
    `) as unknown as TypedDocumentString<IntroductionsQuery, IntroductionsQueryVariables>;
export const MunicipalityProfileDocument = /*#__PURE__*/ new TypedDocumentString(`
    query MunicipalityProfile($key: String!) {
  municipality(key: $key) {
    key
    name
    nameJa
    kind
    country
    region
    subdivision
    organization
    population
    languages
    capacity
    overseasExperience
    website
    contactEmail
    latitude
    longitude
    provenance
    source
    updatedAt
    version
    freshness
    lastConfirmedOn
    expertise {
      level
      evidence
      provenance
      source
      topic {
        ...TopicLabel
      }
    }
    needs {
      key
      title
      description
      status
      priority
      schemes
      expiresOn
      provenance
      source
      topics {
        ...TopicLabel
      }
    }
    partnerships {
      ...PartnershipFields
    }
    caseStudies {
      ...CaseStudyFields
    }
  }
}
    fragment CaseStudyFields on CaseStudy {
  key
  title
  summary
  lessons
  provenance
  source
  topics {
    ...TopicLabel
  }
  event {
    key
    title
    date
  }
}
fragment PartnershipFields on Partnership {
  key
  title
  scheme
  status
  startYear
  endYear
  summary
  provenance
  source
  topics {
    ...TopicLabel
  }
  members {
    role
    municipality {
      key
      name
      nameJa
      country
    }
  }
  outcomes {
    indicator
    before
    after
    note
  }
}
fragment TopicLabel on Topic {
  key
  labelEn
  labelJa
}`) as unknown as TypedDocumentString<MunicipalityProfileQuery, MunicipalityProfileQueryVariables>;
export const PeerSuggestionsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PeerSuggestions($key: String!, $first: Int) {
  peerSuggestions(municipalityKey: $key, first: $first) {
    ...SuggestionFields
  }
}
    fragment RecordRefFields on RecordRef {
  type
  key
  label
}
fragment ReasonFields on MatchReason {
  kind
  weight
  detail
  detailJa
  labelEn
  labelJa
  records {
    ...RecordRefFields
  }
}
fragment SuggestionFields on Suggestion {
  score
  municipality {
    key
    name
    nameJa
    country
    region
    overseasExperience
    provenance
  }
  reasons {
    ...ReasonFields
  }
  mismatches {
    ...ReasonFields
  }
}`) as unknown as TypedDocumentString<PeerSuggestionsQuery, PeerSuggestionsQueryVariables>;
export const MentorSuggestionsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query MentorSuggestions($key: String!, $first: Int) {
  mentorSuggestions(municipalityKey: $key, first: $first) {
    ...SuggestionFields
    pathway {
      stage
      kind
      titleEn
      titleJa
      detail
      detailJa
      records {
        ...RecordRefFields
      }
    }
  }
}
    fragment RecordRefFields on RecordRef {
  type
  key
  label
}
fragment ReasonFields on MatchReason {
  kind
  weight
  detail
  detailJa
  labelEn
  labelJa
  records {
    ...RecordRefFields
  }
}
fragment SuggestionFields on Suggestion {
  score
  municipality {
    key
    name
    nameJa
    country
    region
    overseasExperience
    provenance
  }
  reasons {
    ...ReasonFields
  }
  mismatches {
    ...ReasonFields
  }
}`) as unknown as TypedDocumentString<MentorSuggestionsQuery, MentorSuggestionsQueryVariables>;
export const NeedPageDocument = /*#__PURE__*/ new TypedDocumentString(`
    query NeedPage($key: String!) {
  need(key: $key) {
    key
    title
    description
    status
    priority
    schemes
    expiresOn
    provenance
    source
    updatedAt
    topics {
      ...TopicLabel
    }
    municipality {
      key
      name
      nameJa
      country
      region
      organization
    }
  }
}
    fragment TopicLabel on Topic {
  key
  labelEn
  labelJa
}`) as unknown as TypedDocumentString<NeedPageQuery, NeedPageQueryVariables>;
export const PartnerSuggestionsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PartnerSuggestions($key: String!, $first: Int) {
  partnerSuggestions(needKey: $key, first: $first) {
    ...SuggestionFields
  }
}
    fragment RecordRefFields on RecordRef {
  type
  key
  label
}
fragment ReasonFields on MatchReason {
  kind
  weight
  detail
  detailJa
  labelEn
  labelJa
  records {
    ...RecordRefFields
  }
}
fragment SuggestionFields on Suggestion {
  score
  municipality {
    key
    name
    nameJa
    country
    region
    overseasExperience
    provenance
  }
  reasons {
    ...ReasonFields
  }
  mismatches {
    ...ReasonFields
  }
}`) as unknown as TypedDocumentString<PartnerSuggestionsQuery, PartnerSuggestionsQueryVariables>;
export const ConsortiumSuggestionsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query ConsortiumSuggestions($key: String!) {
  consortiumSuggestions(needKey: $key) {
    score
    coveredTopics
    uncoveredTopics
    members {
      covers
      score
      municipality {
        key
        name
        nameJa
      }
    }
    reasons {
      ...ReasonFields
    }
    mismatches {
      ...ReasonFields
    }
  }
}
    fragment RecordRefFields on RecordRef {
  type
  key
  label
}
fragment ReasonFields on MatchReason {
  kind
  weight
  detail
  detailJa
  labelEn
  labelJa
  records {
    ...RecordRefFields
  }
}`) as unknown as TypedDocumentString<ConsortiumSuggestionsQuery, ConsortiumSuggestionsQueryVariables>;
export const PartnershipNetworkDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PartnershipNetwork {
  partnershipNetwork {
    truncated
    places {
      key
      name
      nameJa
      kind
      country
      latitude
      longitude
      topics
    }
    partnerships {
      key
      title
      scheme
      status
      topics
      members
    }
  }
}
    `) as unknown as TypedDocumentString<PartnershipNetworkQuery, PartnershipNetworkQueryVariables>;
export const PartnershipPageDocument = /*#__PURE__*/ new TypedDocumentString(`
    query PartnershipPage($key: String!) {
  partnership(key: $key) {
    ...PartnershipFields
  }
}
    fragment PartnershipFields on Partnership {
  key
  title
  scheme
  status
  startYear
  endYear
  summary
  provenance
  source
  topics {
    ...TopicLabel
  }
  members {
    role
    municipality {
      key
      name
      nameJa
      country
    }
  }
  outcomes {
    indicator
    before
    after
    note
  }
}
fragment TopicLabel on Topic {
  key
  labelEn
  labelJa
}`) as unknown as TypedDocumentString<PartnershipPageQuery, PartnershipPageQueryVariables>;
export const SearchDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) {
    kind
    key
    title
    snippet
    score
    municipality {
      key
      name
      nameJa
      country
      provenance
    }
    need {
      key
      status
      provenance
      municipality {
        key
        name
        nameJa
      }
    }
    partnership {
      key
      status
      provenance
    }
    caseStudy {
      key
      provenance
      municipality {
        key
        name
        nameJa
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const TopicsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Topics {
  topics {
    key
    labelEn
    labelJa
    parentKey
    depth
  }
}
    `) as unknown as TypedDocumentString<TopicsQuery, TopicsQueryVariables>;