import type {
  AgendaItem,
  CooperationScheme,
  CreateMunicipality,
  EffectiveNeedStatus,
  MemberRole,
  NeedPriority,
  PartnershipStatus,
  Provenance,
} from '@kakehashi/directory';

/** The value of a document's `format` field. */
export const INTERCHANGE_FORMAT = 'kakehashi/v1';

/**
 * The `kakehashi/v1` document (the interchange contract) with the project's optional extensions (ADR 0003):
 * `provenance` and `source` on every record, `expiresOn` on needs, a need `status` of EXPIRED
 * (ADR 7), and `lastConfirmedOn` on municipalities, needs and partnerships (ADR 8). As read: every
 * array and every optional field may be absent or null.
 */
export interface KakehashiDocument {
  format: typeof INTERCHANGE_FORMAT;
  municipalities?: MunicipalityRecord[];
  expertise?: ExpertiseRecord[];
  needs?: NeedRecord[];
  partnerships?: PartnershipRecord[];
  caseStudies?: CaseStudyRecord[];
  events?: EventRecord[];
}

interface Sourced {
  provenance?: Provenance | null;
  source?: string | null;
}

/** When a person last confirmed the record (ADR 8). Left out: the import's day for a new or changed record; kept otherwise. */
interface Confirmed {
  lastConfirmedOn?: string | null;
}

/** A municipality as written in a document: the directory's editable fields plus its key. */
export interface MunicipalityRecord extends Omit<CreateMunicipality, 'languages'>, Confirmed {
  /** A document lists languages or leaves them out; it never writes null. */
  languages?: string[];
}

export interface ExpertiseRecord extends Sourced {
  municipality: string;
  topic: string;
  level: number;
  evidence?: string | null;
}

export interface NeedRecord extends Sourced, Confirmed {
  key: string;
  municipality: string;
  title: string;
  description?: string | null;
  topics?: string[];
  priority?: NeedPriority | null;
  /** EXPIRED: an OPEN need past its expiresOn, as export writes it; imported as OPEN (ADR 7). */
  status?: EffectiveNeedStatus | null;
  schemes?: CooperationScheme[];
  expiresOn?: string | null;
}

export interface MemberRecord {
  municipality: string;
  role: MemberRole;
}

export interface OutcomeRecord {
  indicator: string;
  before?: number | null;
  after?: number | null;
  note?: string | null;
}

export interface PartnershipRecord extends Sourced, Confirmed {
  key: string;
  title: string;
  scheme?: CooperationScheme | null;
  status?: PartnershipStatus | null;
  startYear?: number | null;
  endYear?: number | null;
  topics?: string[];
  summary?: string | null;
  members?: MemberRecord[];
  outcomes?: OutcomeRecord[];
}

export interface CaseStudyRecord extends Sourced {
  key: string;
  title: string;
  municipality?: string | null;
  topics?: string[];
  summary?: string | null;
  lessons?: string[];
  event?: string | null;
}

export interface EventRecord extends Sourced {
  key: string;
  title: string;
  date?: string | null;
  location?: string | null;
  participants?: number | null;
  /** ADR 21: presentations and discussion groups, in order (municipality and topic keys). */
  agenda?: (Omit<AgendaItem, 'municipalities' | 'topics'> & { municipalities?: string[]; topics?: string[] })[] | null;
}

/** Every field present: absent optional fields are null, absent arrays are []. */
type Complete<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
export type CanonicalMunicipality = Complete<MunicipalityRecord>;
export type CanonicalExpertise = Complete<ExpertiseRecord>;
export type CanonicalNeed = Complete<Omit<NeedRecord, 'status'>> & { status: EffectiveNeedStatus };
export type CanonicalOutcome = Complete<OutcomeRecord>;
export type CanonicalPartnership = Complete<Omit<PartnershipRecord, 'status' | 'outcomes'>> & { status: PartnershipStatus; outcomes: CanonicalOutcome[] };
export type CanonicalCaseStudy = Complete<CaseStudyRecord>;
export type CanonicalEvent = Complete<EventRecord>;

/** The sections of a document, in the order export writes them (the contract's order). */
export const SECTIONS = ['municipalities', 'expertise', 'needs', 'partnerships', 'caseStudies', 'events'] as const;
export type Section = (typeof SECTIONS)[number];

/* The canonical builders below fix each record's field order and defaults in one place: import
 * writes exactly these values and export emits exactly these objects, which is what makes
 * export → import → export byte-identical. */

export const canonicalMunicipality = (r: MunicipalityRecord): CanonicalMunicipality => ({
  key: r.key,
  name: r.name,
  nameJa: r.nameJa ?? null,
  kind: r.kind,
  country: r.country,
  region: r.region ?? null,
  subdivision: r.subdivision ?? null,
  population: r.population ?? null,
  latitude: r.latitude ?? null,
  longitude: r.longitude ?? null,
  organization: r.organization ?? null,
  languages: r.languages ?? [],
  capacity: r.capacity ?? null,
  overseasExperience: r.overseasExperience ?? null,
  website: r.website ?? null,
  contactEmail: r.contactEmail ?? null,
  provenance: r.provenance ?? null,
  source: r.source ?? null,
  lastConfirmedOn: r.lastConfirmedOn ?? null,
});

export const canonicalExpertise = (r: ExpertiseRecord): CanonicalExpertise => ({
  municipality: r.municipality,
  topic: r.topic,
  level: r.level,
  evidence: r.evidence ?? null,
  provenance: r.provenance ?? null,
  source: r.source ?? null,
});

export const canonicalNeed = (r: NeedRecord): CanonicalNeed => ({
  key: r.key,
  municipality: r.municipality,
  title: r.title,
  description: r.description ?? null,
  topics: r.topics ?? [],
  priority: r.priority ?? null,
  status: r.status ?? 'OPEN',
  schemes: r.schemes ?? [],
  expiresOn: r.expiresOn ?? null,
  provenance: r.provenance ?? null,
  source: r.source ?? null,
  lastConfirmedOn: r.lastConfirmedOn ?? null,
});

export const canonicalPartnership = (r: PartnershipRecord): CanonicalPartnership => ({
  key: r.key,
  title: r.title,
  scheme: r.scheme ?? null,
  status: r.status ?? 'PROPOSED',
  startYear: r.startYear ?? null,
  endYear: r.endYear ?? null,
  topics: r.topics ?? [],
  summary: r.summary ?? null,
  members: (r.members ?? []).map((m) => ({ municipality: m.municipality, role: m.role })),
  outcomes: (r.outcomes ?? []).map((o) => ({ indicator: o.indicator, before: o.before ?? null, after: o.after ?? null, note: o.note ?? null })),
  provenance: r.provenance ?? null,
  source: r.source ?? null,
  lastConfirmedOn: r.lastConfirmedOn ?? null,
});

export const canonicalCaseStudy = (r: CaseStudyRecord): CanonicalCaseStudy => ({
  key: r.key,
  title: r.title,
  municipality: r.municipality ?? null,
  topics: r.topics ?? [],
  summary: r.summary ?? null,
  lessons: r.lessons ?? [],
  event: r.event ?? null,
  provenance: r.provenance ?? null,
  source: r.source ?? null,
});

export const canonicalEvent = (r: EventRecord): CanonicalEvent => ({
  key: r.key,
  title: r.title,
  date: r.date ?? null,
  location: r.location ?? null,
  participants: r.participants ?? null,
  agenda: r.agenda ? r.agenda.map((a) => ({ kind: a.kind, title: a.title, municipalities: a.municipalities ?? [], topics: a.topics ?? [] })) : null,
  provenance: r.provenance ?? null,
  source: r.source ?? null,
});
