import type { EntityManager } from 'typeorm';
import { effectiveNeedStatus } from '@kakehashi/directory';
import {
  canonicalCaseStudy,
  canonicalEvent,
  canonicalExpertise,
  canonicalMunicipality,
  canonicalNeed,
  canonicalPartnership,
  type Section,
} from '../document';

/*
 * One keyset-paginated query per section and page: records sorted by key (expertise by
 * municipality key, then topic) in the "C" collation, so the order is the same on every server
 * whatever its locale; children come in stored `position` order. Enum arrays are cast to text[]
 * (node-pg does not know their type) and dates formatted as YYYY-MM-DD (never a JS Date).
 */

/** Where the previous page ended: the sort key of its last record. */
type Cursor = string[];

/** What every page of one export shares: the day statuses are read on (an OPEN need past its expiresOn exports as EXPIRED). */
export interface ExportDay {
  today: string;
}

export interface SectionReader {
  section: Section;
  table: string;
  /** Sort key of the position before the first record. */
  start: Cursor;
  page(manager: EntityManager, after: Cursor, limit: number, day: ExportDay): Promise<{ records: object[]; last: Cursor }>;
}

/** A raw row. `never` lets each column flow into the typed canonical builders without a cast per field. */
type Row = Record<string, never>;

function keyed(section: Section, table: string, select: string, toRecord: (row: Row, day: ExportDay) => object & { key: string }): SectionReader {
  return {
    section,
    table,
    start: [''],
    async page(manager, after, limit, day) {
      const rows: Row[] = await manager.query(`${select} WHERE t.key COLLATE "C" > $1 ORDER BY t.key COLLATE "C" LIMIT $2`, [after[0], limit]);
      const records = rows.map((row) => toRecord(row, day));
      return { records, last: records.length ? [records[records.length - 1]!.key] : after };
    },
  };
}

const sourced = 't.provenance, t.source';
const confirmed = `to_char(t.last_confirmed_on, 'YYYY-MM-DD') AS last_confirmed_on`;
const topicsOf = (table: string, parentColumn: string): string => `ARRAY(SELECT c.topic_key::text FROM ${table} c WHERE c.${parentColumn} = t.id ORDER BY c.position) AS topics`;

const municipalities = keyed(
  'municipalities',
  'municipality',
  `SELECT t.key, t.name, t.name_ja, t.kind, t.country, t.region, t.subdivision, t.population, t.latitude, t.longitude,
     t.organization, t.languages, t.capacity, t.overseas_experience, t.website, t.contact_email, ${sourced}, ${confirmed}
   FROM municipality t`,
  (r) =>
    canonicalMunicipality({
      key: r.key,
      name: r.name,
      nameJa: r.name_ja,
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
      overseasExperience: r.overseas_experience,
      website: r.website,
      contactEmail: r.contact_email,
      provenance: r.provenance,
      source: r.source,
      lastConfirmedOn: r.last_confirmed_on,
    }),
);

const expertise: SectionReader = {
  section: 'expertise',
  table: 'expertise',
  start: ['', ''],
  async page(manager, after, limit) {
    const rows: Row[] = await manager.query(
      `SELECT m.key AS municipality, t.topic_key AS topic, t.level, t.evidence, ${sourced}
       FROM expertise t JOIN municipality m ON m.id = t.municipality_id
       WHERE (m.key COLLATE "C", t.topic_key COLLATE "C") > ($1::text, $2::text)
       ORDER BY m.key COLLATE "C", t.topic_key COLLATE "C" LIMIT $3`,
      [after[0], after[1], limit],
    );
    const records = rows.map((r) => canonicalExpertise({ municipality: r.municipality, topic: r.topic, level: r.level, evidence: r.evidence, provenance: r.provenance, source: r.source }));
    const last = records[records.length - 1];
    return { records, last: last ? [last.municipality, last.topic] : after };
  },
};

const needs = keyed(
  'needs',
  'need',
  `SELECT t.key, m.key AS municipality, t.title, t.description, ${topicsOf('need_topic', 'need_id')}, t.priority, t.status,
     t.schemes::text[] AS schemes, to_char(t.expires_on, 'YYYY-MM-DD') AS expires_on, ${sourced}, ${confirmed}
   FROM need t JOIN municipality m ON m.id = t.municipality_id`,
  (r, day) =>
    canonicalNeed({
      key: r.key,
      municipality: r.municipality,
      title: r.title,
      description: r.description,
      topics: r.topics,
      priority: r.priority,
      status: effectiveNeedStatus({ status: r.status, expiresOn: r.expires_on }, day.today),
      schemes: r.schemes,
      expiresOn: r.expires_on,
      provenance: r.provenance,
      source: r.source,
      lastConfirmedOn: r.last_confirmed_on,
    }),
);

const partnerships = keyed(
  'partnerships',
  'partnership',
  `SELECT t.key, t.title, t.scheme, t.status, t.start_year, t.end_year, ${topicsOf('partnership_topic', 'partnership_id')}, t.summary,
     coalesce((SELECT json_agg(json_build_object('municipality', m.key, 'role', c.role) ORDER BY c.position)
       FROM partnership_member c JOIN municipality m ON m.id = c.municipality_id WHERE c.partnership_id = t.id), '[]'::json) AS members,
     coalesce((SELECT json_agg(json_build_object('indicator', c.indicator, 'before', c.before, 'after', c.after, 'note', c.note) ORDER BY c.position)
       FROM partnership_outcome c WHERE c.partnership_id = t.id), '[]'::json) AS outcomes,
     ${sourced}, ${confirmed}
   FROM partnership t`,
  (r) =>
    canonicalPartnership({
      key: r.key,
      title: r.title,
      scheme: r.scheme,
      status: r.status,
      startYear: r.start_year,
      endYear: r.end_year,
      topics: r.topics,
      summary: r.summary,
      members: r.members,
      outcomes: r.outcomes,
      provenance: r.provenance,
      source: r.source,
      lastConfirmedOn: r.last_confirmed_on,
    }),
);

const caseStudies = keyed(
  'caseStudies',
  'case_study',
  `SELECT t.key, t.title, m.key AS municipality, ${topicsOf('case_study_topic', 'case_study_id')}, t.summary, t.lessons, e.key AS event, ${sourced}
   FROM case_study t LEFT JOIN municipality m ON m.id = t.municipality_id LEFT JOIN event e ON e.id = t.event_id`,
  (r) =>
    canonicalCaseStudy({
      key: r.key,
      title: r.title,
      municipality: r.municipality,
      topics: r.topics,
      summary: r.summary,
      lessons: r.lessons,
      event: r.event,
      provenance: r.provenance,
      source: r.source,
    }),
);

const events = keyed(
  'events',
  'event',
  `SELECT t.key, t.title, to_char(t.date, 'YYYY-MM-DD') AS date, t.location, t.participants, t.agenda, ${sourced} FROM event t`,
  (r) => canonicalEvent({ key: r.key, title: r.title, date: r.date, location: r.location, participants: r.participants, agenda: r.agenda, provenance: r.provenance, source: r.source }),
);

/** In document (SECTIONS) order. */
export const SECTION_READERS: readonly SectionReader[] = [municipalities, expertise, needs, partnerships, caseStudies, events];
