import {
  canonicalCaseStudy,
  canonicalEvent,
  canonicalExpertise,
  canonicalMunicipality,
  canonicalNeed,
  canonicalPartnership,
  type CaseStudyRecord,
  type EventRecord,
  type ExpertiseRecord,
  type MunicipalityRecord,
  type NeedRecord,
  type PartnershipRecord,
  type Section,
} from '../document';
import type { ChildTable, SearchOf, UpsertTable } from './upsert.sql';

/** How one child table of a section is written: its table, and its rows and signature per record. */
export interface ChildWriter<R> {
  spec: ChildTable;
  /** The children as the signature SQL sees them, to compare stored against incoming. */
  signature(record: R): unknown[];
  rows(record: R): object[];
}

/** How one section of the document is written. Sections are written in WRITE_ORDER. */
export interface SectionWriter<R> {
  section: Section;
  table: UpsertTable;
  /** The table row (column name → value) for a record, defaults applied. */
  row(record: R): object;
  children: ChildWriter<R>[];
  /** The search entries its rows change (ADR 28); none for events. */
  search?: SearchOf;
}

const sourced = [
  { name: 'provenance', type: 'provenance' },
  { name: 'source', type: 'text' },
];
/** ADR 8: left out of a document, the import's day for new and changed records; kept for unchanged ones. */
const LAST_CONFIRMED = 'last_confirmed_on';
const municipalityRef = { column: 'municipality_id', field: 'municipality_key', table: 'municipality' };

/** Topic lists (need_topic, partnership_topic, case_study_topic) all have the same shape. */
function topicChildren<R extends { key: string; topics?: string[] }>(table: string, parentTable: string, parentColumn: string): ChildWriter<R> {
  return {
    spec: {
      table,
      parentTable,
      parentColumn,
      columns: [{ name: 'topic_key', type: 'text' }],
      signature: `(SELECT coalesce(jsonb_agg(c.topic_key ORDER BY c.position), '[]'::jsonb) FROM ${table} c WHERE c.${parentColumn} = p.id)`,
    },
    signature: (r) => r.topics ?? [],
    rows: (r) => (r.topics ?? []).map((topic, pos) => ({ parent_key: r.key, pos, topic_key: topic })),
  };
}

const municipalities: SectionWriter<MunicipalityRecord> = {
  section: 'municipalities',
  table: {
    table: 'municipality',
    conflict: ['key'],
    stamp: LAST_CONFIRMED,
    columns: [
      { name: 'key', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'name_ja', type: 'text' },
      { name: 'kind', type: 'municipality_kind' },
      { name: 'country', type: 'text' },
      { name: 'region', type: 'text' },
      { name: 'subdivision', type: 'text' },
      { name: 'population', type: 'int' },
      { name: 'latitude', type: 'float8' },
      { name: 'longitude', type: 'float8' },
      { name: 'organization', type: 'text' },
      { name: 'languages', type: 'text[]' },
      { name: 'capacity', type: 'int' },
      { name: 'overseas_experience', type: 'overseas_experience' },
      { name: 'website', type: 'text' },
      { name: 'contact_email', type: 'text' },
      ...sourced,
    ],
  },
  row: (record) => {
    const r = canonicalMunicipality(record);
    return {
      key: r.key,
      name: r.name,
      name_ja: r.nameJa,
      kind: r.kind,
      country: r.country,
      region: r.region,
      subdivision: r.subdivision,
      population: r.population,
      latitude: r.latitude,
      longitude: r.longitude,
      organization: r.organization,
      languages: r.languages,
      capacity: r.capacity,
      overseas_experience: r.overseasExperience,
      website: r.website,
      contact_email: r.contactEmail,
      provenance: r.provenance,
      source: r.source,
      last_confirmed_on: r.lastConfirmedOn,
    };
  },
  children: [],
  search: { kind: 'MUNICIPALITY', idColumn: 'id' },
};

const events: SectionWriter<EventRecord> = {
  section: 'events',
  table: {
    table: 'event',
    conflict: ['key'],
    columns: [
      { name: 'key', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'date', type: 'date' },
      { name: 'location', type: 'text' },
      { name: 'participants', type: 'int' },
      { name: 'agenda', type: 'jsonb' },
      ...sourced,
    ],
  },
  row: (record) => {
    const row = canonicalEvent(record);
    // COPY takes jsonb as its JSON text (an array would otherwise be written as a PostgreSQL array literal).
    return { ...row, agenda: row.agenda && JSON.stringify(row.agenda) };
  },
  children: [],
};

const expertise: SectionWriter<ExpertiseRecord> = {
  section: 'expertise',
  table: {
    table: 'expertise',
    conflict: ['municipality_id', 'topic_key'],
    columns: [
      { name: 'topic_key', type: 'text' },
      { name: 'level', type: 'smallint' },
      { name: 'evidence', type: 'text' },
      ...sourced,
    ],
    references: [municipalityRef],
  },
  row: (record) => {
    const r = canonicalExpertise(record);
    return { municipality_key: r.municipality, topic_key: r.topic, level: r.level, evidence: r.evidence, provenance: r.provenance, source: r.source };
  },
  children: [],
  search: { kind: 'MUNICIPALITY', idColumn: 'municipality_id' },
};

const needs: SectionWriter<NeedRecord> = {
  section: 'needs',
  table: {
    table: 'need',
    conflict: ['key'],
    stamp: LAST_CONFIRMED,
    columns: [
      { name: 'key', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'description', type: 'text' },
      { name: 'priority', type: 'need_priority' },
      { name: 'status', type: 'need_status' },
      { name: 'schemes', type: 'cooperation_scheme[]' },
      { name: 'expires_on', type: 'date' },
      ...sourced,
    ],
    references: [municipalityRef],
  },
  row: (record) => {
    const r = canonicalNeed(record);
    return {
      key: r.key,
      municipality_key: r.municipality,
      title: r.title,
      description: r.description,
      priority: r.priority,
      // EXPIRED is read, never stored: an expired need is an OPEN one past its expiresOn (ADR 7).
      status: r.status === 'EXPIRED' ? 'OPEN' : r.status,
      schemes: r.schemes,
      expires_on: r.expiresOn,
      provenance: r.provenance,
      source: r.source,
      last_confirmed_on: r.lastConfirmedOn,
    };
  },
  children: [topicChildren('need_topic', 'need', 'need_id')],
  search: { kind: 'NEED', idColumn: 'id' },
};

const partnerships: SectionWriter<PartnershipRecord> = {
  section: 'partnerships',
  table: {
    table: 'partnership',
    conflict: ['key'],
    stamp: LAST_CONFIRMED,
    columns: [
      { name: 'key', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'scheme', type: 'cooperation_scheme' },
      { name: 'status', type: 'partnership_status' },
      { name: 'start_year', type: 'smallint' },
      { name: 'end_year', type: 'smallint' },
      { name: 'summary', type: 'text' },
      ...sourced,
    ],
  },
  row: (record) => {
    const r = canonicalPartnership(record);
    return {
      key: r.key,
      title: r.title,
      scheme: r.scheme,
      status: r.status,
      start_year: r.startYear,
      end_year: r.endYear,
      summary: r.summary,
      provenance: r.provenance,
      source: r.source,
      last_confirmed_on: r.lastConfirmedOn,
    };
  },
  children: [
    topicChildren('partnership_topic', 'partnership', 'partnership_id'),
    {
      spec: {
        table: 'partnership_member',
        parentTable: 'partnership',
        parentColumn: 'partnership_id',
        columns: [{ name: 'role', type: 'member_role' }],
        references: [municipalityRef],
        signature: `(SELECT coalesce(jsonb_agg(jsonb_build_array(m.key, c.role) ORDER BY c.position), '[]'::jsonb)
          FROM partnership_member c JOIN municipality m ON m.id = c.municipality_id WHERE c.partnership_id = p.id)`,
      },
      signature: (r) => (r.members ?? []).map((m) => [m.municipality, m.role]),
      rows: (r) => (r.members ?? []).map((m, pos) => ({ parent_key: r.key, pos, role: m.role, municipality_key: m.municipality })),
    },
    {
      spec: {
        table: 'partnership_outcome',
        parentTable: 'partnership',
        parentColumn: 'partnership_id',
        columns: [
          { name: 'indicator', type: 'text' },
          { name: 'before', type: 'float8' },
          { name: 'after', type: 'float8' },
          { name: 'note', type: 'text' },
        ],
        signature: `(SELECT coalesce(jsonb_agg(jsonb_build_array(c.indicator, c.before, c.after, c.note) ORDER BY c.position), '[]'::jsonb)
          FROM partnership_outcome c WHERE c.partnership_id = p.id)`,
      },
      signature: (r) => canonicalPartnership(r).outcomes.map((o) => [o.indicator, o.before, o.after, o.note]),
      rows: (r) => canonicalPartnership(r).outcomes.map((o, pos) => ({ parent_key: r.key, pos, ...o })),
    },
  ],
  search: { kind: 'PARTNERSHIP', idColumn: 'id' },
};

const caseStudies: SectionWriter<CaseStudyRecord> = {
  section: 'caseStudies',
  table: {
    table: 'case_study',
    conflict: ['key'],
    columns: [
      { name: 'key', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'summary', type: 'text' },
      { name: 'lessons', type: 'text[]' },
      ...sourced,
    ],
    references: [
      { ...municipalityRef, optional: true },
      { column: 'event_id', field: 'event_key', table: 'event', optional: true },
    ],
  },
  row: (record) => {
    const r = canonicalCaseStudy(record);
    return { key: r.key, municipality_key: r.municipality, title: r.title, summary: r.summary, lessons: r.lessons, event_key: r.event, provenance: r.provenance, source: r.source };
  },
  children: [topicChildren('case_study_topic', 'case_study', 'case_study_id')],
  search: { kind: 'CASE_STUDY', idColumn: 'id' },
};

/** Referenced records first: municipalities and events before what points at them. */
export const WRITE_ORDER = [municipalities, events, expertise, needs, partnerships, caseStudies] as SectionWriter<unknown>[];
