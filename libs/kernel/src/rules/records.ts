import { AgendaItemKind, CooperationScheme, MemberRole, MunicipalityKind, NeedPriority, NeedStatus, OverseasExperience, PartnershipStatus, Provenance } from './enums';
import type { Field, RecordRules, Rule, RuleProblem } from './fields';

/*
 * The rule set of the directory's records: one per record type, used as it stands by the GraphQL
 * API (create; update = the same fields, all optional), the kakehashi/v1 importer and the web forms.
 * Limits mirror the database columns, so a record that passes can never fail on a constraint.
 */

const INT32_MAX = 2_147_483_647;
/** Free text (descriptions, evidence, summaries, notes): generous, but bounded. */
const TEXT_MAX = 20_000;

const required = (rule: Rule): Field => ({ rule, required: true });
const optional = (rule: Rule): Field => ({ rule });
const name = (max: number): Rule => ({ kind: 'name', max });
const text: Rule = { kind: 'text', max: TEXT_MAX };
const oneOf = (values: object): Rule => ({ kind: 'enum', values: Object.values(values) as string[] });
const key: Rule = { kind: 'key' };
const reference: Rule = { kind: 'reference' };
/** A topic key of the taxonomy (`nrw.leak-detection`); whether it exists is for whoever holds the taxonomy. */
const topic: Rule = name(100);
const listOf = (item: Rule, max: number, what: string, by: (item: unknown) => unknown = (x) => x, field?: string): Rule => ({ kind: 'list', item, max, unique: { what, by, field } });
const topics = optional(listOf(topic, 50, 'topic'));
const year: Rule = { kind: 'integer', min: 1900, max: 2200 };
const date: Rule = { kind: 'date' };

/** ADR 3: where a record's content comes from. DOCUMENTED cites its source. */
const sourced = {
  provenance: optional(oneOf(Provenance)),
  source: optional({ kind: 'text', max: 2_000 }),
};
/** ADR 8: when a person last confirmed the record (set by the server on the API; kept by the format). */
const confirmed = { lastConfirmedOn: optional(date) };

/** DOCUMENTED needs a source: on a whole record, or the record an update leaves behind. */
function sourceProblems(r: Readonly<Record<string, unknown>>): RuleProblem[] {
  const missing = r.source === undefined || r.source === null || (typeof r.source === 'string' && r.source.trim() === '');
  return r.provenance === Provenance.DOCUMENTED && missing ? [{ path: ['source'], message: 'is required when provenance is DOCUMENTED', reason: 'SOURCE_REQUIRED' }] : [];
}

function yearOrderProblems(r: Readonly<Record<string, unknown>>): RuleProblem[] {
  const { startYear, endYear } = r;
  return typeof startYear === 'number' && typeof endYear === 'number' && endYear < startYear
    ? [{ path: ['endYear'], message: `must not be before startYear (${startYear})`, reason: 'BEFORE_START' }]
    : [];
}

export const MUNICIPALITY_RULES: RecordRules = {
  what: 'a municipality',
  fields: {
    key: required(key),
    name: required(name(200)),
    nameJa: optional(name(200)),
    kind: required(oneOf(MunicipalityKind)),
    country: required({ kind: 'country' }),
    region: optional(name(100)),
    subdivision: optional(name(100)),
    population: optional({ kind: 'integer', min: 0, max: INT32_MAX }),
    latitude: optional({ kind: 'number', min: -90, max: 90 }),
    longitude: optional({ kind: 'number', min: -180, max: 180 }),
    organization: optional(name(300)),
    languages: optional(listOf({ kind: 'language' }, 20, 'language')),
    capacity: optional({ kind: 'integer', min: 0, max: 1000 }),
    overseasExperience: optional(oneOf(OverseasExperience)),
    website: optional({ kind: 'url', max: 500 }),
    contactEmail: optional({ kind: 'email', max: 320 }),
    ...sourced,
    ...confirmed,
  },
  across: sourceProblems,
};

export const EXPERTISE_RULES: RecordRules = {
  what: 'an expertise entry',
  fields: {
    municipality: required(reference),
    topic: required(topic),
    level: required({ kind: 'integer', min: 1, max: 5 }),
    evidence: optional(text),
    ...sourced,
  },
  across: sourceProblems,
};

/** EXPIRED is what an OPEN need past its expiresOn reads as: a document may say so of such a need; the API records OPEN, MATCHED or CLOSED. */
const NEED_STATUSES = [...Object.values(NeedStatus), 'EXPIRED'];

export const NEED_RULES: RecordRules = {
  what: 'a need',
  fields: {
    key: required(key),
    municipality: required(reference),
    title: required(name(300)),
    description: optional(text),
    topics,
    priority: optional(oneOf(NeedPriority)),
    status: optional({ kind: 'enum', values: NEED_STATUSES }),
    schemes: optional(listOf(oneOf(CooperationScheme), 20, 'scheme')),
    expiresOn: optional(date),
    ...sourced,
    ...confirmed,
  },
  across: sourceProblems,
};

export const PARTNERSHIP_MEMBER_RULES: RecordRules = {
  what: 'a partnership member',
  fields: { municipality: required(reference), role: required(oneOf(MemberRole)) },
};

export const PARTNERSHIP_OUTCOME_RULES: RecordRules = {
  what: 'a partnership outcome',
  fields: {
    indicator: required(name(100)),
    before: optional({ kind: 'number' }),
    after: optional({ kind: 'number' }),
    note: optional(text),
  },
};

export const PARTNERSHIP_RULES: RecordRules = {
  what: 'a partnership',
  fields: {
    key: required(key),
    title: required(name(300)),
    scheme: optional(oneOf(CooperationScheme)),
    status: optional(oneOf(PartnershipStatus)),
    startYear: optional(year),
    endYear: optional(year),
    topics,
    summary: optional(text),
    members: optional(listOf({ kind: 'record', rules: PARTNERSHIP_MEMBER_RULES }, 100, 'member', (m) => (m as { municipality?: unknown }).municipality, 'municipality')),
    outcomes: optional({ kind: 'list', item: { kind: 'record', rules: PARTNERSHIP_OUTCOME_RULES }, max: 100 }),
    ...sourced,
    ...confirmed,
  },
  across: (r) => [...yearOrderProblems(r), ...sourceProblems(r)],
};

export const CASE_STUDY_RULES: RecordRules = {
  what: 'a case study',
  fields: {
    key: required(key),
    title: required(name(300)),
    municipality: optional(reference),
    topics,
    summary: optional(text),
    lessons: optional({ kind: 'list', item: text, max: 100 }),
    event: optional(reference),
    ...sourced,
  },
  across: sourceProblems,
};

/** Agenda items an event may hold. */
export const MAX_AGENDA_ITEMS = 100;

export const AGENDA_ITEM_RULES: RecordRules = {
  what: 'an agenda item',
  fields: {
    kind: required(oneOf(AgendaItemKind)),
    title: required(name(300)),
    municipalities: optional(listOf(reference, 50, 'municipality')),
    topics: optional(listOf(topic, 20, 'topic')),
  },
};

export const EVENT_RULES: RecordRules = {
  what: 'an event',
  fields: {
    key: required(key),
    title: required(name(300)),
    date: optional(date),
    location: optional(name(300)),
    participants: optional({ kind: 'integer', min: 0, max: INT32_MAX }),
    agenda: optional({ kind: 'list', item: { kind: 'record', rules: AGENDA_ITEM_RULES }, max: MAX_AGENDA_ITEMS }),
    ...sourced,
  },
  across: sourceProblems,
};

/** The rule set of each record type, by the name of its kakehashi/v1 section. */
export const RECORD_RULES = {
  municipalities: MUNICIPALITY_RULES,
  expertise: EXPERTISE_RULES,
  needs: NEED_RULES,
  partnerships: PARTNERSHIP_RULES,
  caseStudies: CASE_STUDY_RULES,
  events: EVENT_RULES,
} as const satisfies Record<string, RecordRules>;

/**
 * The rules of an API input built on a record's rules: `omit` fields the input does not take,
 * `extra` ones only it has (e.g. the version an update was read at).
 */
export function inputRules(rules: RecordRules, { omit = [], extra = {} }: { omit?: readonly string[]; extra?: Record<string, Field> } = {}): RecordRules {
  const fields = Object.fromEntries(Object.entries(rules.fields).filter(([f]) => !omit.includes(f)));
  return { ...rules, fields: { ...fields, ...extra } };
}
