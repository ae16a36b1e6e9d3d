import { Injectable, Logger } from '@nestjs/common';
import { getAlpha2Codes } from 'i18n-iso-countries';
import { TransactionalConnection } from '@kakehashi/database';
import { KnowledgeCommandService, NeedStatusSql, type EventEntity } from '@kakehashi/directory';
import { fromJapanese, type RequestContext } from '@kakehashi/kernel';
import { FactsQueryService } from '../facts/facts-query.service';
import { ProfileQueryService } from '../facts/profile-query.service';
import { MatchingErrors, sizeArg } from '../matching.errors';
import { countryName } from '../scoring/geo';
import type { Taxonomy } from '../scoring/taxonomy';
import { agendaParticipants, defaultEventKey, planAgenda, regionLabel } from './study-session-agenda';
import { candidateTopics, chooseThemes, planStudySession, themeTopicKeys } from './study-session-plan';
import type { ResolvedRegion, SaveStudySessionPlanInput, SessionBody, StudySessionFacts, StudySessionPlan, StudySessionPlanInput } from './study-session.types';

/** Bodies of the region read, those with open needs first: a region larger than this is planned from its first HOME_LIMIT. */
export const HOME_LIMIT = 500;
/** Presenter candidates read per source (partnerships with outcomes, case studies). */
export const PRESENTER_LIMIT = 60;
/** Overseas needs read per theme topic, most urgent first. */
export const OVERSEAS_PER_TOPIC = 20;
export const MAX_GROUPS = 30;
export const MAX_GROUP_SIZE = 12;
export const MAX_TOPICS = 8;

type Row = Record<string, unknown>;

/**
 * studySessionPlan: reads the facts a plan rests on — the region's bodies, presenter candidates with
 * documented results, overseas needs on the themes — in a fixed number of bounded statements, and
 * composes the plan with the pure planner (study-session-plan.ts).
 */
@Injectable()
export class StudySessionService {
  private readonly log = new Logger(StudySessionService.name);

  constructor(
    private readonly db: TransactionalConnection,
    private readonly facts: FactsQueryService,
    private readonly profiles: ProfileQueryService,
    private readonly knowledge: KnowledgeCommandService,
  ) {}

  private q<T = Row>(ctx: RequestContext, sql: string, params: unknown[]): Promise<T[]> {
    return this.db.read<T>(ctx, sql, params);
  }

  async plan(ctx: RequestContext, input: StudySessionPlanInput): Promise<StudySessionPlan> {
    const started = Date.now();
    const tax = await this.facts.taxonomy(ctx);
    const valid = this.validate(tax, input);
    const region = await this.resolveRegion(ctx, input.region);
    const home = await this.bodies(ctx, await this.homeIds(ctx, region));
    const homeIds = new Set(home.map((b) => b.municipality.id));
    // Overseas needs on every candidate topic (or on the coordinator's), before the themes are chosen from them.
    const wanted = valid.topics ?? candidateTopics(tax, { region, home });
    const overseasIds = await this.overseasIds(ctx, region.country, [...new Set(wanted.flatMap((t) => themeTopicKeys(tax, t)))]);
    const overseas = await this.bodies(ctx, overseasIds);
    const themes = chooseThemes(tax, { region, home, overseas }, valid.topics);
    const topicKeys = [...new Set(themes.flatMap((t) => themeTopicKeys(tax, t)))];
    const [presenterIds, nearbyIds] = await Promise.all([
      this.presenterIds(ctx, region.country, topicKeys),
      this.nearbyExperiencedIds(ctx, region.country, home, valid.groups),
    ]);
    const others = await this.bodies(ctx, [...new Set([...presenterIds, ...nearbyIds])].filter((id) => !homeIds.has(id) && !overseasIds.includes(id)));
    const byId = new Map([...home, ...overseas, ...others].map((b) => [b.municipality.id, b]));
    const pick = (ids: string[]) => ids.map((id) => byId.get(id)).filter((b): b is SessionBody => !!b);
    const facts: StudySessionFacts = { region, home, presenters: pick(presenterIds), overseas: pick(overseasIds), nearbyExperienced: pick(nearbyIds) };
    const plan = planStudySession(tax, facts, { date: valid.date, groups: valid.groups, groupSize: valid.groupSize, topics: valid.topics });
    this.log.log({
      msg: 'study session plan',
      requestId: ctx.requestId,
      region: region.name,
      scope: region.scope,
      themes: plan.themes.length,
      presentations: plan.presentations.length,
      invitees: plan.invitees.length,
      groups: plan.groups.length,
      unseated: plan.unseated.length,
      ms: Date.now() - started,
    });
    return plan;
  }

  /**
   * Plans the session and saves it as a planned event (date, place, agenda) — audited like any
   * event; the plan is read first, outside the write. The mentor pathway's "join the next study
   * session" step then offers it (the earliest event after today).
   */
  async saveAsEvent(ctx: RequestContext, input: SaveStudySessionPlanInput): Promise<{ event: EventEntity; plan: StudySessionPlan }> {
    const plan = await this.plan(ctx, input);
    const tax = await this.facts.taxonomy(ctx);
    const agenda = planAgenda(tax, plan);
    const event = await this.knowledge.createEvent(ctx, {
      key: input.key ?? defaultEventKey(plan),
      title: input.title ?? `Study session for municipalities involved in water supply: ${regionLabel(plan.region)}`,
      date: plan.date,
      location: input.location,
      participants: agendaParticipants(agenda),
      agenda,
      source: `studySessionPlan(region: "${input.region}", groups: ${input.groups}, groupSize: ${input.groupSize}${input.topics?.length ? `, topics: ${input.topics.join(', ')}` : ''})`,
    });
    this.log.log({ msg: 'study session saved', requestId: ctx.requestId, event: event.key, date: event.date, items: agenda.length });
    return { event, plan };
  }

  /** Coded errors for everything a coordinator can get wrong, before any read. */
  private validate(tax: Taxonomy, input: StudySessionPlanInput): { date: string; groups: number; groupSize: number; topics: string[] | null } {
    if (!isCalendarDate(input.date)) throw MatchingErrors.invalidDate('input.date', input.date);
    const today = this.facts.today();
    if (input.date < today) throw MatchingErrors.pastDate('input.date', input.date, today);
    const groups = sizeArg('input.groups', input.groups, 1, MAX_GROUPS);
    const groupSize = sizeArg('input.groupSize', input.groupSize, 2, MAX_GROUP_SIZE, 2);
    const topics = input.topics?.length ? input.topics : null;
    if (topics) {
      if (topics.length > MAX_TOPICS) throw MatchingErrors.outOfRange('input.topics', 1, MAX_TOPICS, topics.length);
      const unknown = topics.map((key, i) => ({ key, path: `input.topics[${i}]` })).filter((t) => !tax.has(t.key));
      if (unknown.length) throw MatchingErrors.unknownTopics(unknown);
    }
    return { date: input.date, groups, groupSize, topics: topics && [...new Set(topics)] };
  }

  /**
   * A country (ISO code, or its English or Japanese name) with bodies in the directory, else a
   * Japanese region or prefecture as the directory spells it (any case). Anything else: UNKNOWN_REGION.
   */
  async resolveRegion(ctx: RequestContext, text: string): Promise<ResolvedRegion> {
    const wanted = fromJapanese(text) ?? text.trim();
    if (!wanted || wanted.length > 100) throw MatchingErrors.unknownRegion(text);
    const country = countryCode(wanted);
    const [row] = await this.q<{ scope: ResolvedRegion['scope']; name: string; country: string }>(
      ctx,
      `(SELECT 'COUNTRY' AS scope, m.country AS name, m.country FROM municipality m WHERE m.country = $2 LIMIT 1)
       UNION ALL (SELECT 'REGION', m.region, m.country FROM municipality m WHERE m.country = 'JP' AND lower(m.region) = lower($1) LIMIT 1)
       UNION ALL (SELECT 'SUBDIVISION', m.subdivision, m.country FROM municipality m WHERE m.country = 'JP' AND lower(m.subdivision) = lower($1) LIMIT 1)
       ORDER BY 1 LIMIT 1`,
      [wanted, country ?? ''],
    );
    if (!row) throw MatchingErrors.unknownRegion(text);
    return { scope: row.scope, name: row.name, country: row.country };
  }

  private async homeIds(ctx: RequestContext, region: ResolvedRegion): Promise<string[]> {
    const rows = await this.q<{ id: string }>(
      ctx,
      `SELECT m.id FROM municipality m
        WHERE m.country = $1 AND m.kind <> 'NATIONAL_AGENCY'
          AND ($2::varchar IS NULL OR lower(m.region) = lower($2)) AND ($3::varchar IS NULL OR lower(m.subdivision) = lower($3))
        ORDER BY EXISTS (SELECT 1 FROM need n WHERE n.municipality_id = m.id AND ${NeedStatusSql.is('n', 'OPEN', '$5')}) DESC, m.key LIMIT $4`,
      [region.country, region.scope === 'REGION' ? region.name : null, region.scope === 'SUBDIVISION' ? region.name : null, HOME_LIMIT, this.facts.today()],
    );
    return rows.map((r) => r.id);
  }

  /** Bodies of the country with documented results on the topics: partnerships with outcomes they carried, or case studies. */
  private async presenterIds(ctx: RequestContext, country: string, topics: string[]): Promise<string[]> {
    if (!topics.length) return [];
    const rows = await this.q<{ id: string }>(
      ctx,
      `(SELECT DISTINCT pm.municipality_id AS id FROM partnership_topic pt
          JOIN partnership p ON p.id = pt.partnership_id AND p.status <> 'CANCELLED'
          JOIN partnership_member pm ON pm.partnership_id = p.id AND pm.role IN ('PROVIDER', 'PEER', 'FACILITATOR')
          JOIN municipality m ON m.id = pm.municipality_id AND m.country = $2
         WHERE pt.topic_key = ANY($1::varchar[]) AND EXISTS (SELECT 1 FROM partnership_outcome o WHERE o.partnership_id = p.id)
         LIMIT $3)
       UNION
       (SELECT DISTINCT cs.municipality_id FROM case_study_topic ct
          JOIN case_study cs ON cs.id = ct.case_study_id
          JOIN municipality m ON m.id = cs.municipality_id AND m.country = $2
         WHERE ct.topic_key = ANY($1::varchar[]) LIMIT $3)`,
      [topics, country, PRESENTER_LIMIT],
    );
    return rows.map((r) => r.id).sort();
  }

  /** Bodies abroad with open needs on the topics: per topic the most urgent OVERSEAS_PER_TOPIC. */
  private async overseasIds(ctx: RequestContext, country: string, topics: string[]): Promise<string[]> {
    if (!topics.length) return [];
    const rows = await this.q<{ id: string }>(
      ctx,
      `SELECT DISTINCT x.municipality_id AS id FROM unnest($1::varchar[]) AS t(topic_key) CROSS JOIN LATERAL (
         SELECT n.municipality_id FROM need_topic nt
           JOIN need n ON n.id = nt.need_id AND ${NeedStatusSql.is('n', 'OPEN', '$4')}
           JOIN municipality m ON m.id = n.municipality_id AND m.country <> $2 AND m.kind <> 'NATIONAL_AGENCY'
          WHERE nt.topic_key = t.topic_key ORDER BY n.priority DESC NULLS LAST, n.key LIMIT $3) x`,
      [topics, country, OVERSEAS_PER_TOPIC, this.facts.today()],
    );
    return rows.map((r) => r.id).sort();
  }

  /** Experienced local governments of the country nearest the region's centre (KNN on the location index), at most one per group. */
  private async nearbyExperiencedIds(ctx: RequestContext, country: string, home: SessionBody[], groups: number): Promise<string[]> {
    const located = home.map((b) => b.municipality).filter((m) => m.latitude !== null && m.longitude !== null);
    const lat = located.length ? located.reduce((s, m) => s + m.latitude!, 0) / located.length : null;
    const lon = located.length ? located.reduce((s, m) => s + m.longitude!, 0) / located.length : null;
    const rows = await this.q<{ id: string }>(
      ctx,
      `SELECT m.id FROM municipality m
        WHERE m.country = $1 AND m.kind = 'LOCAL_GOVERNMENT' AND m.overseas_experience = 'EXTENSIVE' AND NOT (m.id = ANY($2::uuid[]))
        ORDER BY ${lat !== null ? 'point(m.longitude, m.latitude) <-> point($4::float8, $5::float8) NULLS LAST,' : ''} m.key LIMIT $3`,
      lat !== null ? [country, home.map((b) => b.municipality.id), groups, lon, lat] : [country, home.map((b) => b.municipality.id), groups],
    );
    return rows.map((r) => r.id);
  }

  /** Profiles (4 statements) and case studies (1) of these bodies. */
  private async bodies(ctx: RequestContext, ids: string[]): Promise<SessionBody[]> {
    if (!ids.length) return [];
    const [profiles, studies] = await Promise.all([this.profiles.profiles(ctx, ids), this.facts.caseStudies(ctx, ids)]);
    return profiles.map((p) => ({ ...p, caseStudies: studies.get(p.municipality.id) ?? [] }));
  }
}

/** YYYY-MM-DD naming a real day. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

let countryNames: Map<string, string> | null = null;

/** An ISO alpha-2 code from a code or a country's English or Japanese name ("JP", "Japan", "日本"). */
export function countryCode(text: string): string | null {
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  if (!countryNames) {
    countryNames = new Map();
    for (const code of Object.keys(getAlpha2Codes())) for (const lang of ['en', 'ja'] as const) countryNames.set(countryName(code, lang).toLowerCase(), code);
  }
  return countryNames.get(text.toLowerCase()) ?? null;
}
