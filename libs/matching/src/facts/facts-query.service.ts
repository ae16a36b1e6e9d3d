import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import { CalendarService, isExpired, MunicipalityEntity, NeedStatusSql, TaxonomyService } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';
import { In } from 'typeorm';
import { MatchingErrors } from '../matching.errors';
import {
  NO_FEEDBACK,
  type CandidateFacts,
  type CaseStudyFacts,
  type ExpertiseFacts,
  type FeedbackFacts,
  type NeedFacts,
  type PartnershipFacts,
  type TextHit,
} from '../scoring/facts';
import { INTRODUCTION_LOAD, RECENT_LOAD, RECENT_YEARS, type PeerLoad } from '../scoring/fit';
import type { SpreadPrice } from '../scoring/spread';
import { Taxonomy } from '../scoring/taxonomy';

/** A need row with its topics, as the matcher reads it. */
export interface NeedRow extends NeedFacts {
  id: string;
  /** The recorded status (OPEN, MATCHED, CLOSED). */
  status: string;
  priority: string | null;
  expiresOn: string | null;
  /** An OPEN need past its last day (`expiresOn`) on the day it was read: it reads as EXPIRED. */
  expired: boolean;
}

export interface CandidateQuery {
  /** Related topic → grade (from Taxonomy.related). */
  related: ReadonlyMap<string, number>;
  /** Topics a partnership record can prove for this need (the need's, and a domain's own topics). */
  evidenceTopics: readonly string[];
  /** Never return these (the need's own municipality, dismissed ones). */
  excludeIds: readonly string[];
  /** Expertise rows read per exact topic (best levels first; a third for related ones): bounds the work at any directory size. */
  perTopic: number;
  limit: number;
  /** The municipality that posted the need: who worked with it, in its country, its region, and their neighbours are candidates too. */
  partnerId: string;
  partnerCountry: string;
  /** The countries of the partner's world region (its own first). */
  regionCountries: readonly string[];
}

/**
 * The hot query of partnerSuggestions: every source of a candidate, each a bounded index probe.
 * - ex: expertise per related topic in index order (expertise_topic_level_municipality_idx), cut at
 *   that topic's own number of rows (more for the need's exact topics than for siblings and domains);
 * - pr: providers of partnerships on the topics a record can prove (the need's, see evidence.ts),
 *   through partnership_topic (topic_key, partnership_id), cut per topic in id order;
 * - sp: whoever carried a partnership with the partner itself;
 * - inc: whoever carried a partnership with a municipality of the partner's country or world region
 *   (at most `perTopic` municipalities per country, in id order);
 * - nb: the nearest neighbours (location GiST index) of the 20 bureaus most tied to the partner.
 * Pre-scored with the partner score's own weights for these signals, national agencies left out
 * (they facilitate; they are not the partner), cut at $7 with ties by id (deterministic); the
 * final ranking breaks score ties by key. The small LATERAL … LIMIT subqueries keep every step
 * bounded at any directory size (left to itself the planner hashes whole tables once they look
 * small).
 * Parameters: related topic keys, their grades, rows per topic, evidence topic keys, rows per topic
 * and country, excluded ids, candidates, partner id, partner country, region countries.
 */
export const PARTNER_CANDIDATES_SQL = `WITH rel AS (SELECT * FROM unnest($1::varchar[], $2::float8[], $3::int[]) AS r(topic_key, grade, lim)),
       ex AS (
         SELECT x.municipality_id AS id, max(rel.grade * x.level / 5.0) AS s
           FROM rel CROSS JOIN LATERAL (
             SELECT e.municipality_id, e.level FROM expertise e
              WHERE e.topic_key = rel.topic_key
              ORDER BY e.level DESC, e.municipality_id LIMIT rel.lim) x
          GROUP BY x.municipality_id),
       pr AS (
         SELECT y.municipality_id AS id, 0.25 * least(count(*), 3) AS s
           FROM unnest($4::varchar[]) AS ev(topic_key)
           CROSS JOIN LATERAL (SELECT pt.partnership_id FROM partnership_topic pt WHERE pt.topic_key = ev.topic_key ORDER BY pt.partnership_id LIMIT $5) t
           CROSS JOIN LATERAL (SELECT 1 FROM partnership p WHERE p.id = t.partnership_id AND p.status IN ('COMPLETED','ACTIVE','DORMANT','AGREED') LIMIT 1) live
           CROSS JOIN LATERAL (SELECT pm.municipality_id FROM partnership_member pm WHERE pm.partnership_id = t.partnership_id AND pm.role = 'PROVIDER' LIMIT 8) y
          GROUP BY y.municipality_id),
       sp AS (
         SELECT DISTINCT o.municipality_id AS id, 4.0 AS s
           FROM (SELECT me.partnership_id FROM partnership_member me WHERE me.municipality_id = $8 LIMIT 200) me
           CROSS JOIN LATERAL (
             SELECT o.municipality_id FROM partnership_member o
              WHERE o.partnership_id = me.partnership_id AND o.municipality_id <> $8 AND o.role IN ('PROVIDER', 'PEER') LIMIT 8) o),
       inc AS (
         SELECT o.municipality_id AS id, max(CASE WHEN rc.country = $9 THEN 2.5 ELSE 0.75 END) AS s
           FROM unnest($10::varchar[]) AS rc(country)
           CROSS JOIN LATERAL (SELECT m.id FROM municipality m WHERE m.country = rc.country ORDER BY m.id LIMIT $5) f
           CROSS JOIN LATERAL (SELECT a.partnership_id FROM partnership_member a WHERE a.municipality_id = f.id LIMIT 20) a
           CROSS JOIN LATERAL (
             SELECT o.municipality_id FROM partnership_member o
              WHERE o.partnership_id = a.partnership_id AND o.municipality_id <> f.id AND o.role IN ('PROVIDER', 'PEER') LIMIT 8) o
           CROSS JOIN LATERAL (SELECT om.country FROM municipality om WHERE om.id = o.municipality_id LIMIT 1) om
          WHERE om.country <> rc.country
          GROUP BY o.municipality_id),
       tied AS (
         SELECT id, max(s) AS s FROM (SELECT id, s FROM sp UNION ALL SELECT id, s FROM inc) t GROUP BY id ORDER BY max(s) DESC, id LIMIT 20),
       nb AS (
         SELECT x.id, 0.5 AS s
           FROM tied JOIN municipality tm ON tm.id = tied.id AND tm.latitude IS NOT NULL AND tm.longitude IS NOT NULL
           CROSS JOIN LATERAL (
             SELECT m.id FROM municipality m
              WHERE m.latitude IS NOT NULL AND m.longitude IS NOT NULL AND m.country = tm.country AND m.id <> tm.id
              ORDER BY point(m.longitude, m.latitude) <-> point(tm.longitude, tm.latitude), m.id LIMIT 6) x
          GROUP BY x.id),
       cand AS (SELECT * FROM ex UNION ALL SELECT * FROM pr UNION ALL SELECT * FROM sp UNION ALL SELECT * FROM inc UNION ALL SELECT * FROM nb),
       ranked AS (
         SELECT cand.id, sum(cand.s) AS s FROM cand WHERE NOT (cand.id = ANY($6::uuid[]))
          GROUP BY cand.id ORDER BY sum(cand.s) DESC, cand.id LIMIT $7 * 2)
       SELECT ranked.id FROM ranked CROSS JOIN LATERAL (SELECT m.kind FROM municipality m WHERE m.id = ranked.id LIMIT 1) m
        WHERE m.kind <> 'NATIONAL_AGENCY'
        ORDER BY ranked.s DESC, ranked.id
        LIMIT $7`;

/**
 * The peers' mean load and record per country, from the sums kept on write (migration
 * 1764374400250): (live work + RECENT_LOAD × finished within RECENT_YEARS of the year + INTRODUCTION_LOAD
 * × open introductions) ÷ bodies, and record ÷ bodies. Parameters: countries, year, RECENT_LOAD,
 * RECENT_YEARS, INTRODUCTION_LOAD.
 */
export const PEER_LOAD_SQL = `SELECT c.country,
         (c.live + $3::float8 * coalesce((SELECT sum(f.memberships) FROM peer_load_finished f
                                           WHERE f.country = c.country AND f.last_year >= $2::int - $4::int AND f.start_year <= $2::int), 0)
                 + $5::float8 * c.requested) / c.bodies AS mean,
         c.record::float8 / c.bodies AS record
    FROM peer_load_country c WHERE c.country = ANY($1::bpchar[])`;

type Row = Record<string, unknown>;

/**
 * Words so common in this sector's records that matching them says nothing ("water", "city"…):
 * left out of the text query so a need about hilly pressure zones does not match an earthquake
 * project merely because both mention a city's water.
 */
export const GENERIC_WORDS =
  'water waters city cities supply supplies utility utilities municipal municipality municipalities bureau project projects cooperation ' +
  'system systems service services area areas improve improvement reduce reduction plan plans new work works staff japan japanese need needs want wants';

/**
 * Reads the facts the scoring functions need, for a bounded set of candidates, with a fixed number
 * of statements whatever the directory size. Everything runs in the transaction on `ctx` (the
 * evaluation hides records inside one).
 */
@Injectable()
export class FactsQueryService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly taxonomyService: TaxonomyService,
    private readonly calendar: CalendarService,
  ) {}

  /** Today (YYYY-MM-DD) in the configured time zone: the day needs expire on. */
  today(): string {
    return this.calendar.today();
  }

  /** How fresh a profile confirmed on a day is, judged on today (read once) by the configured policy. */
  freshness(): (lastConfirmedOn: string) => string {
    const today = this.today();
    // Many candidates were confirmed on the same day: each day is judged once per operation.
    const judged = new Map<string, string>();
    return (d) => judged.get(d) ?? judged.set(d, this.calendar.freshness(d, today)).get(d)!;
  }

  /** Suggestions tolerate a little lag: outside a transaction they read from a replica when there is one. */
  private q<T = Row>(ctx: RequestContext, sql: string, params: unknown[]): Promise<T[]> {
    return this.db.read<T>(ctx, sql, params);
  }

  private cachedTaxonomy: { topics: readonly unknown[]; value: Taxonomy } | null = null;

  /**
   * The topic tree, over TaxonomyService's list (kept for a minute per process outside a
   * transaction); the tree is rebuilt only when that list was read again.
   */
  async taxonomy(ctx: RequestContext): Promise<Taxonomy> {
    const topics = await this.taxonomyService.list(ctx);
    if (ctx.transaction) return new Taxonomy(topics);
    if (this.cachedTaxonomy?.topics.length !== topics.length || this.cachedTaxonomy.topics.some((t, i) => t !== topics[i])) this.cachedTaxonomy = { topics, value: new Taxonomy(topics) };
    return this.cachedTaxonomy.value;
  }

  async municipalityByKey(ctx: RequestContext, key: string): Promise<MunicipalityEntity> {
    const m = await this.db.getRepository(ctx, MunicipalityEntity).findOneBy({ key });
    if (!m) throw MatchingErrors.municipalityNotFound(key);
    return m;
  }

  async municipalities(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, MunicipalityEntity>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(ctx, MunicipalityEntity).findBy({ id: In([...ids]) });
    return new Map(rows.map((m) => [m.id, m]));
  }

  /** Needs by key (with topics and municipality), in the order asked; unknown keys → NOT_FOUND. */
  async needsByKey(ctx: RequestContext, keys: readonly string[]): Promise<NeedRow[]> {
    if (!keys.length) return [];
    const rows = await this.q<Row>(
      ctx,
      `SELECT n.id, n.key, n.title, n.description, n.status, n.priority, n.schemes::text[] AS schemes, n.expires_on::text AS expires_on, n.municipality_id,
              ARRAY(SELECT nt.topic_key FROM need_topic nt WHERE nt.need_id = n.id ORDER BY nt.position) AS topics
         FROM need n WHERE n.key = ANY($1::varchar[])`,
      [[...keys]],
    );
    const munis = await this.municipalities(ctx, [...new Set(rows.map((r) => r['municipality_id'] as string))]);
    const byKey = new Map(rows.map((r) => [r['key'] as string, r]));
    const today = this.today();
    return keys.map((key) => {
      const r = byKey.get(key);
      if (!r) throw MatchingErrors.needNotFound(key);
      return {
        id: r['id'] as string,
        key,
        title: r['title'] as string,
        text: `${r['title'] as string}\n${(r['description'] as string | null) ?? ''}`.trim(),
        topicKeys: r['topics'] as string[],
        schemes: r['schemes'] as string[],
        status: r['status'] as string,
        priority: r['priority'] as string | null,
        expiresOn: r['expires_on'] as string | null,
        expired: isExpired({ status: r['status'] as string, expiresOn: r['expires_on'] as string | null }, today),
        municipality: munis.get(r['municipality_id'] as string)!,
      };
    });
  }

  /**
   * Keys of the needs recorded as OPEN — those that read OPEN and those past their last day, which
   * read EXPIRED (a plan lists them as left out, with the reason) — most urgent first, then by key.
   */
  async recordedOpenNeedKeys(ctx: RequestContext, limit: number): Promise<string[]> {
    const rows = await this.q<{ key: string }>(
      ctx,
      `SELECT n.key FROM need n WHERE n.status = 'OPEN'
        ORDER BY ${NeedStatusSql.is('n', 'EXPIRED', '$2')}, CASE n.priority WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 ELSE 3 END, n.key LIMIT $1`,
      [limit, this.today()],
    );
    return rows.map((r) => r.key);
  }

  /**
   * Candidate generation, in SQL and on indexes: municipalities with expertise on related topics
   * (the best `perTopic` per topic, via expertise (topic_key, level DESC, municipality_id)) or that
   * provided partnerships on them, ranked by a cheap pre-score. Returns ids, best first.
   */
  async partnerCandidateIds(ctx: RequestContext, c: CandidateQuery): Promise<string[]> {
    const topics = [...c.related.keys()];
    const grades = topics.map((t) => c.related.get(t)!);
    const limits = grades.map((g) => (g >= 1 ? c.perTopic : Math.ceil(c.perTopic / 3)));
    const rows = await this.q<{ id: string }>(ctx, PARTNER_CANDIDATES_SQL, [
      topics,
      grades,
      limits,
      [...c.evidenceTopics],
      c.perTopic,
      [...c.excludeIds],
      c.limit,
      c.partnerId,
      c.partnerCountry,
      [...c.regionCountries],
    ]);
    return rows.map((r) => r.id);
  }

  /** Every expertise row of these municipalities. */
  async expertise(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, ExpertiseFacts[]>> {
    const rows = await this.q<Row>(ctx, `SELECT municipality_id, topic_key, level, evidence FROM expertise WHERE municipality_id = ANY($1::uuid[]) ORDER BY topic_key`, [[...ids]]);
    return group(rows, (r) => ({ topicKey: r['topic_key'] as string, level: Number(r['level']), evidence: r['evidence'] as string | null }));
  }

  /** Every live partnership of these municipalities, seen from each: role, topics, the other members, outcomes. */
  async partnerships(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, PartnershipFacts[]>> {
    const rows = await this.q<Row>(
      ctx,
      `SELECT pm.municipality_id, pm.role, p.key, p.title, p.status, p.scheme, p.start_year, p.end_year, p.summary,
              ARRAY(SELECT pt.topic_key FROM partnership_topic pt WHERE pt.partnership_id = p.id ORDER BY pt.position) AS topics,
              coalesce((SELECT json_agg(json_build_object('id', m2.id, 'key', m2.key, 'name', m2.name, 'country', m2.country, 'region', m2.region, 'role', pm2.role) ORDER BY pm2.position)
                 FROM partnership_member pm2 JOIN municipality m2 ON m2.id = pm2.municipality_id
                WHERE pm2.partnership_id = p.id AND pm2.municipality_id <> pm.municipality_id), '[]') AS partners,
              coalesce((SELECT json_agg(json_build_object('indicator', o.indicator, 'before', o.before, 'after', o.after) ORDER BY o.position)
                 FROM partnership_outcome o WHERE o.partnership_id = p.id), '[]') AS outcomes
         FROM partnership_member pm JOIN partnership p ON p.id = pm.partnership_id
        WHERE pm.municipality_id = ANY($1::uuid[]) AND p.status <> 'CANCELLED'
        ORDER BY p.key`,
      [[...ids]],
    );
    return group(rows, (r) => ({
      key: r['key'] as string,
      title: r['title'] as string,
      status: r['status'] as string,
      scheme: r['scheme'] as string | null,
      role: r['role'] as string,
      startYear: r['start_year'] as number | null,
      endYear: r['end_year'] as number | null,
      summary: r['summary'] as string | null,
      topicKeys: r['topics'] as string[],
      partners: r['partners'] as PartnershipFacts['partners'],
      outcomes: r['outcomes'] as PartnershipFacts['outcomes'],
    }));
  }

  /** Case studies presented by these municipalities, with their event. */
  async caseStudies(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, CaseStudyFacts[]>> {
    const rows = await this.q<Row>(
      ctx,
      `SELECT cs.municipality_id, cs.key, cs.title, cs.summary, ev.key AS event_key, ev.title AS event_title, ev.date::text AS event_date,
              ARRAY(SELECT ct.topic_key FROM case_study_topic ct WHERE ct.case_study_id = cs.id ORDER BY ct.position) AS topics
         FROM case_study cs LEFT JOIN event ev ON ev.id = cs.event_id
        WHERE cs.municipality_id = ANY($1::uuid[]) ORDER BY cs.key`,
      [[...ids]],
    );
    return group(rows, (r) => ({
      key: r['key'] as string,
      title: r['title'] as string,
      summary: r['summary'] as string | null,
      topicKeys: r['topics'] as string[],
      eventKey: r['event_key'] as string | null,
      eventTitle: r['event_title'] as string | null,
      eventDate: r['event_date'] as string | null,
    }));
  }

  /**
   * Full-text matches between `text` and the candidates' own records: expertise evidence,
   * partnerships they did not merely receive, case studies. The query ORs the text's lexemes
   * except words every water record contains (GENERIC_WORDS), and ts_rank_cd(…, 32) maps each rank
   * into 0..1 (0: no match). Driven by the candidates' ids, never by the full-text index: a common
   * word would otherwise pull every matching row of the directory into a bitmap. A record is ranked
   * only when it matches (ts_match_vq: `@@` spelled as a function, so that the planner does not take
   * the full-text index for it), which is about ten times cheaper than ts_rank_cd — 0 for any other.
   */
  async textHits(ctx: RequestContext, ids: readonly string[], text: string): Promise<Map<string, TextHit[]>> {
    if (!text.trim()) return new Map();
    const rows = await this.q<Row>(
      ctx,
      `WITH generic AS (SELECT tsvector_to_array(to_tsvector('english', $3)) AS words),
       q AS (SELECT nullif(array_to_string(ARRAY(
               SELECT quote_literal(w) FROM unnest(tsvector_to_array(to_tsvector('english', $2))) AS w, generic WHERE NOT w = ANY(generic.words)
             ), ' | '), '')::tsquery AS q)
       SELECT * FROM (
         SELECT e.municipality_id, 'EXPERTISE' AS type, m.key || ':' || e.topic_key AS key, t.label_en AS label, ts_rank_cd(e.search_document, q.q, 32) AS rank
           FROM q, expertise e JOIN municipality m ON m.id = e.municipality_id JOIN topic t ON t.key = e.topic_key
          WHERE e.municipality_id = ANY($1::uuid[]) AND ts_match_vq(e.search_document, q.q)
         UNION ALL
         SELECT pm.municipality_id, 'PARTNERSHIP', p.key, p.title, ts_rank_cd(p.search_document, q.q, 32)
           FROM q, partnership_member pm JOIN partnership p ON p.id = pm.partnership_id
          WHERE pm.municipality_id = ANY($1::uuid[]) AND pm.role <> 'RECIPIENT' AND p.status <> 'CANCELLED' AND ts_match_vq(p.search_document, q.q)
         UNION ALL
         SELECT cs.municipality_id, 'CASE_STUDY', cs.key, cs.title, ts_rank_cd(cs.search_document, q.q, 32)
           FROM q, case_study cs
          WHERE cs.municipality_id = ANY($1::uuid[]) AND ts_match_vq(cs.search_document, q.q)) hits
        WHERE rank > 0`,
      [[...ids], text, GENERIC_WORDS],
    );
    return group(rows, (r) => ({ type: r['type'] as TextHit['type'], key: r['key'] as string, label: r['label'] as string, rank: Number(r['rank']) }));
  }

  /**
   * Introductions answered by each candidate, and dismissals of it for `needId` by actors other
   * than `actorId` that count for others (made by the need's own municipality or a coordinator) —
   * in one statement.
   */
  async feedback(ctx: RequestContext, ids: readonly string[], needId: string | null, actorId: string | null): Promise<Map<string, FeedbackFacts>> {
    const rows = await this.q<Row>(
      ctx,
      `SELECT c.id AS municipality_id,
              (SELECT count(*) FROM introduction i WHERE i.candidate_id = c.id AND i.status = 'ACCEPTED')::int AS accepted,
              (SELECT count(*) FROM introduction i WHERE i.candidate_id = c.id AND i.status = 'DECLINED')::int AS declined,
              (SELECT count(*) FROM introduction i WHERE i.candidate_id = c.id AND i.status = 'REQUESTED')::int AS pending,
              (SELECT count(DISTINCT d.actor_id) FROM match_dismissal d WHERE d.need_id = $2 AND d.candidate_id = c.id AND d.counts_for_others AND d.actor_id IS DISTINCT FROM $3)::int AS dismissed,
              ARRAY(SELECT DISTINCT d.reason::text FROM match_dismissal d WHERE d.need_id = $2 AND d.candidate_id = c.id AND d.counts_for_others AND d.actor_id IS DISTINCT FROM $3) AS reasons
         FROM unnest($1::uuid[]) AS c(id)`,
      [[...ids], needId, actorId],
    );
    const out = new Map<string, FeedbackFacts>();
    for (const r of rows) {
      const f = {
        accepted: Number(r['accepted']),
        declined: Number(r['declined']),
        dismissedByOthers: Number(r['dismissed']),
        dismissReasons: r['reasons'] as string[],
        pendingIntroductions: Number(r['pending']),
      };
      if (f.accepted || f.declined || f.dismissedByOthers || f.pendingIntroductions) out.set(r['municipality_id'] as string, f);
    }
    return out;
  }

  /**
   * Mean load and mean record (partnerships carried) of the bureaus of each country that carry any
   * record as provider or peer: the "peers" a candidate's LOAD and OFTEN_ASKED are compared with.
   * The load mirrors `loadOf` (scoring/fit.ts): work under way (a proposal, a peer's or
   * facilitator's share half), work finished within RECENT_YEARS of `year` half, open
   * introductions half. Read from the per-country sums kept on write (peer_load_country and
   * peer_load_finished, ADR 27): one indexed statement for all the candidates' countries, in the
   * transaction on `ctx` like every other fact.
   */
  async peerLoad(ctx: RequestContext, countries: readonly string[], year: number): Promise<Map<string, PeerLoad>> {
    const wanted = [...new Set(countries)];
    if (!wanted.length) return new Map();
    const rows = await this.q<{ country: string; mean: string | number; record: string | number }>(ctx, PEER_LOAD_SQL, [wanted, year, RECENT_LOAD, RECENT_YEARS, INTRODUCTION_LOAD]);
    return new Map(
      wanted.map((c) => {
        const row = rows.find((r) => r.country === c);
        return [c, { load: Number(row?.mean ?? 0), record: Number(row?.record ?? 0) }];
      }),
    );
  }

  /**
   * The board's spread as last stored (board_spread, ADR 27) and how old it is; null when it was
   * never computed on this database.
   */
  async storedSpread(ctx: RequestContext): Promise<{ prices: Map<string, SpreadPrice>; ageMs: number } | null> {
    const [row] = await this.q<{ prices: [string, SpreadPrice][] | null; age_ms: string | number | null }>(
      ctx,
      `SELECT prices, extract(epoch FROM clock_timestamp() - computed_at) * 1000 AS age_ms FROM board_spread WHERE id`,
      [],
    );
    return row?.prices ? { prices: new Map(row.prices), ageMs: Number(row.age_ms) } : null;
  }

  /**
   * Claims the recomputation of the stored spread for this process when it is older than `staleMs`
   * (or was never computed) and no other process claimed it within `claimMs`. True: go ahead.
   */
  async claimSpreadRefresh(ctx: RequestContext, staleMs: number, claimMs: number): Promise<boolean> {
    // A SELECT around the UPDATE: TypeORM answers an UPDATE with [rows, count], a SELECT with its rows.
    const [row] = (await this.db.manager(ctx).query(
      `WITH claimed AS (
         UPDATE board_spread SET refreshing_since = clock_timestamp()
          WHERE id AND (computed_at IS NULL OR computed_at < clock_timestamp() - $1::float8 * interval '1 millisecond')
            AND (refreshing_since IS NULL OR refreshing_since < clock_timestamp() - $2::float8 * interval '1 millisecond')
          RETURNING id)
       SELECT count(*)::int AS n FROM claimed`,
      [staleMs, claimMs],
    )) as { n: number }[];
    return row!.n > 0;
  }

  /** Stores a freshly computed spread (and ends the claim). */
  async storeSpread(ctx: RequestContext, prices: ReadonlyMap<string, SpreadPrice>): Promise<void> {
    await this.db.manager(ctx).query(`UPDATE board_spread SET prices = $1::jsonb, computed_at = clock_timestamp(), refreshing_since = NULL WHERE id`, [JSON.stringify([...prices])]);
  }

  /** Gives up a claim without storing (the computation failed): another request may try again. */
  async releaseSpreadClaim(ctx: RequestContext): Promise<void> {
    await this.db.manager(ctx).query(`UPDATE board_spread SET refreshing_since = NULL WHERE id`);
  }

  /** Candidates this actor dismissed from a list (partner list: by need; peer and mentor lists: by subject). */
  async dismissedBy(ctx: RequestContext, actorId: string | null, list: string, scopeId: string): Promise<string[]> {
    if (!actorId) return [];
    const rows = await this.q<{ candidate_id: string }>(
      ctx,
      `SELECT candidate_id FROM match_dismissal WHERE actor_id = $1 AND list = $2 AND coalesce(need_id, subject_id) = $3`,
      [actorId, list, scopeId],
    );
    return rows.map((r) => r.candidate_id);
  }

  /** Everything the partner scoring reads about these candidates (6 statements, sent together). */
  async candidateFacts(ctx: RequestContext, ids: readonly string[], opts: { text: string; needId: string | null; actorId: string | null }): Promise<CandidateFacts[]> {
    if (!ids.length) return [];
    const [shared, forNeed] = await Promise.all([this.sharedFacts(ctx, ids), this.needFacts(ctx, ids, opts)]);
    return assembleFacts(ids, shared, forNeed);
  }

  /** What the scoring reads about candidates whatever the need: their record, expertise, partnerships, case studies (4 statements). */
  async sharedFacts(ctx: RequestContext, ids: readonly string[]): Promise<SharedFacts> {
    const [munis, expertise, partnerships, studies] = await Promise.all([this.municipalities(ctx, ids), this.expertise(ctx, ids), this.partnerships(ctx, ids), this.caseStudies(ctx, ids)]);
    return { munis, expertise, partnerships, studies };
  }

  /** What depends on the need: text matches with its text, and feedback on it (2 statements). */
  async needFacts(ctx: RequestContext, ids: readonly string[], opts: { text: string; needId: string | null; actorId: string | null }): Promise<NeedSpecificFacts> {
    const [hits, feedback] = await Promise.all([this.textHits(ctx, ids, opts.text), this.feedback(ctx, ids, opts.needId, opts.actorId)]);
    return { hits, feedback };
  }
}

/** Candidate facts that do not depend on the need (read once for many needs by a pairing plan). */
export interface SharedFacts {
  munis: Map<string, MunicipalityEntity>;
  expertise: Map<string, ExpertiseFacts[]>;
  partnerships: Map<string, PartnershipFacts[]>;
  studies: Map<string, CaseStudyFacts[]>;
}
export interface NeedSpecificFacts {
  hits: Map<string, TextHit[]>;
  feedback: Map<string, FeedbackFacts>;
}

/** The facts of each candidate in `ids` (in order; ids no longer in the directory are left out). */
export function assembleFacts(ids: readonly string[], shared: SharedFacts, forNeed: NeedSpecificFacts): CandidateFacts[] {
  return ids
    .filter((id) => shared.munis.has(id))
    .map((id) => ({
      municipality: shared.munis.get(id)!,
      expertise: shared.expertise.get(id) ?? [],
      partnerships: shared.partnerships.get(id) ?? [],
      caseStudies: shared.studies.get(id) ?? [],
      textHits: forNeed.hits.get(id) ?? [],
      feedback: forNeed.feedback.get(id) ?? NO_FEEDBACK,
    }));
}

function group<T>(rows: Row[], map: (r: Row) => T, by = 'municipality_id'): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = r[by] as string;
    const list = out.get(k) ?? [];
    list.push(map(r));
    out.set(k, list);
  }
  return out;
}
