import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  CaseStudyEntity,
  CaseStudyTopicEntity,
  EventEntity,
  ExpertiseEntity,
  MunicipalityEntity,
  NeedEntity,
  NeedTopicEntity,
  PartnershipEntity,
  PartnershipMemberEntity,
  PartnershipOutcomeEntity,
  PartnershipTopicEntity,
  type MemberRole,
} from '@kakehashi/directory';

/**
 * Factories: insert directory rows straight through a DataSource (no services, no audit), with
 * unique keys so tests sharing a database never collide. Override any column.
 */
let sequence = 0;
const run = randomBytes(3).toString('hex');

/** A slug unique within this test process: `prefix-<run>-<n>`. */
export function uniqueKey(prefix = 'k'): string {
  sequence += 1;
  return `${prefix}-${run}-${sequence}`;
}

export async function insertMunicipality(ds: DataSource, overrides: Partial<MunicipalityEntity> = {}): Promise<MunicipalityEntity> {
  const key = overrides.key ?? uniqueKey('city');
  return ds.getRepository(MunicipalityEntity).save({
    key,
    name: `City ${key}`,
    kind: 'LOCAL_GOVERNMENT',
    country: 'JP',
    languages: ['ja'],
    ...overrides,
  });
}

export async function insertExpertise(
  ds: DataSource,
  municipality: { id: string },
  topicKey: string,
  overrides: Partial<ExpertiseEntity> = {},
): Promise<ExpertiseEntity> {
  return ds.getRepository(ExpertiseEntity).save({ municipalityId: municipality.id, topicKey, level: 3, evidence: null, ...overrides });
}

async function linkTopics<T>(ds: DataSource, entity: new () => T, rows: T[]): Promise<void> {
  if (rows.length) await ds.getRepository(entity as never).insert(rows as never);
}

export async function insertNeed(
  ds: DataSource,
  municipality: { id: string },
  overrides: Partial<NeedEntity> & { topics?: string[] } = {},
): Promise<NeedEntity> {
  const { topics = [], ...columns } = overrides;
  const key = columns.key ?? uniqueKey('need');
  const need = await ds.getRepository(NeedEntity).save({ key, municipalityId: municipality.id, title: `Need ${key}`, status: 'OPEN', schemes: [], ...columns });
  await linkTopics(ds, NeedTopicEntity, topics.map((topicKey, position) => Object.assign(new NeedTopicEntity(), { needId: need.id, topicKey, position })));
  return need;
}

export interface MemberSeed {
  municipality: { id: string };
  role?: MemberRole;
}

export interface OutcomeSeed {
  indicator: string;
  before?: number | null;
  after?: number | null;
  note?: string | null;
}

export async function insertPartnership(
  ds: DataSource,
  overrides: Partial<PartnershipEntity> & { topics?: string[]; members?: MemberSeed[]; outcomes?: OutcomeSeed[] } = {},
): Promise<PartnershipEntity> {
  const { topics = [], members = [], outcomes = [], ...columns } = overrides;
  const key = columns.key ?? uniqueKey('partnership');
  const p = await ds.getRepository(PartnershipEntity).save({ key, title: `Partnership ${key}`, status: 'ACTIVE', ...columns });
  await linkTopics(ds, PartnershipTopicEntity, topics.map((topicKey, position) => Object.assign(new PartnershipTopicEntity(), { partnershipId: p.id, topicKey, position })));
  if (members.length) {
    await ds.getRepository(PartnershipMemberEntity).insert(members.map((m, position) => ({ partnershipId: p.id, municipalityId: m.municipality.id, role: m.role ?? 'PEER', position })));
  }
  if (outcomes.length) {
    await ds
      .getRepository(PartnershipOutcomeEntity)
      .insert(outcomes.map((o, position) => ({ partnershipId: p.id, position, indicator: o.indicator, before: o.before ?? null, after: o.after ?? null, note: o.note ?? null })));
  }
  return p;
}

export async function insertEvent(ds: DataSource, overrides: Partial<EventEntity> = {}): Promise<EventEntity> {
  const key = overrides.key ?? uniqueKey('event');
  return ds.getRepository(EventEntity).save({ key, title: `Event ${key}`, ...overrides });
}

export async function insertCaseStudy(
  ds: DataSource,
  overrides: Partial<CaseStudyEntity> & { topics?: string[] } = {},
): Promise<CaseStudyEntity> {
  const { topics = [], ...columns } = overrides;
  const key = columns.key ?? uniqueKey('case');
  const c = await ds.getRepository(CaseStudyEntity).save({ key, title: `Case study ${key}`, lessons: [], ...columns });
  await linkTopics(ds, CaseStudyTopicEntity, topics.map((topicKey, position) => Object.assign(new CaseStudyTopicEntity(), { caseStudyId: c.id, topicKey, position })));
  return c;
}

/**
 * Search entries that differ from what the directory says they must be (ADR 28): rows of
 * search_source missing from search_entry or different there, and rows of search_entry with no
 * source, as `KIND:key` (`-` prefix: a stale or extra entry). [] when the search table is in step.
 */
export async function searchEntriesOutOfStep(ds: DataSource): Promise<string[]> {
  const rows: { d: string }[] = await ds.query(
    `SELECT '+' || kind || ':' || key AS d FROM (SELECT * FROM search_source EXCEPT SELECT * FROM search_entry) missing
     UNION ALL
     SELECT '-' || kind || ':' || key FROM (SELECT * FROM search_entry EXCEPT SELECT * FROM search_source) extra
     ORDER BY 1`,
  );
  return rows.map((r) => r.d);
}
