import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import { NeedStatusSql, type MunicipalityEntity } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';
import type { OpenNeedFacts, ProfileFacts } from '../scoring/peer-score';
import { FactsQueryService } from './facts-query.service';

type Row = Record<string, unknown>;

/** Candidates drawn from each source of peers (bounded, so the work does not grow with the directory). */
export const PEER_SOURCE_LIMIT = 60;
/** Peer candidates scored in full: those found by the most sources first (ties by id). */
export const PEER_POOL = 80;

/**
 * Reads for the peer and mentor lists: candidate generation from every source of a horizontal
 * connection, and municipality profiles (expertise, partnerships, open needs) — a fixed number of
 * statements each.
 */
@Injectable()
export class ProfileQueryService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly facts: FactsQueryService,
  ) {}

  /** Suggestions tolerate a little lag: outside a transaction they read from a replica when there is one. */
  private q<T = Row>(ctx: RequestContext, sql: string, params: unknown[]): Promise<T[]> {
    return this.db.read<T>(ctx, sql, params);
  }

  /** Open, unexpired needs of these municipalities, with their topics. */
  async openNeeds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, OpenNeedFacts[]>> {
    const rows = await this.q<Row>(
      ctx,
      `SELECT n.municipality_id, n.key, n.title, ARRAY(SELECT nt.topic_key FROM need_topic nt WHERE nt.need_id = n.id ORDER BY nt.position) AS topics
         FROM need n WHERE n.municipality_id = ANY($1::uuid[]) AND ${NeedStatusSql.is('n', 'OPEN', '$2')}
        ORDER BY n.key`,
      [[...ids], this.facts.today()],
    );
    const out = new Map<string, OpenNeedFacts[]>();
    for (const r of rows) {
      const list = out.get(r['municipality_id'] as string) ?? [];
      list.push({ key: r['key'] as string, title: r['title'] as string, topicKeys: r['topics'] as string[] });
      out.set(r['municipality_id'] as string, list);
    }
    return out;
  }

  /** Number of distinct municipalities each one has shared a (live) partnership with: the partnership-graph degree. */
  async degrees(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await this.q<{ id: string; d: number }>(
      ctx,
      `SELECT a.municipality_id AS id, count(DISTINCT b.municipality_id)::int AS d
         FROM partnership_member a JOIN partnership p ON p.id = a.partnership_id AND p.status <> 'CANCELLED'
         JOIN partnership_member b ON b.partnership_id = a.partnership_id AND b.municipality_id <> a.municipality_id
        WHERE a.municipality_id = ANY($1::uuid[]) GROUP BY a.municipality_id`,
      [[...ids]],
    );
    return new Map(rows.map((r) => [r.id, r.d]));
  }

  /** Municipalities with everything the peer and mentor scoring read (4 statements). */
  async profiles(ctx: RequestContext, ids: readonly string[]): Promise<ProfileFacts[]> {
    if (!ids.length) return [];
    const [munis, expertise, partnerships, needs] = await Promise.all([
      this.facts.municipalities(ctx, ids),
      this.facts.expertise(ctx, ids),
      this.facts.partnerships(ctx, ids),
      this.openNeeds(ctx, ids),
    ]);
    return ids
      .filter((id) => munis.has(id))
      .map((id) => ({ municipality: munis.get(id)!, expertise: expertise.get(id) ?? [], partnerships: partnerships.get(id) ?? [], needs: needs.get(id) ?? [] }));
  }

  /**
   * Peer candidates, from every source of a horizontal connection, each bounded and on an index:
   * open needs on the same topics, expertise answering my needs, needs my expertise answers,
   * neighbours (nearest first on the location GiST index; same region without coordinates), the
   * same partner countries, and two hops through the partnership graph — those found by the most
   * sources first. National agencies are intermediaries, not peers.
   */
  async peerCandidateIds(ctx: RequestContext, me: MunicipalityEntity, excludeIds: readonly string[]): Promise<string[]> {
    const rows = await this.q<{ id: string }>(
      ctx,
      `WITH my_need_topics AS (
         SELECT DISTINCT nt.topic_key FROM need n JOIN need_topic nt ON nt.need_id = n.id WHERE n.municipality_id = $1 AND n.status = 'OPEN'),
       my_expertise AS (SELECT topic_key FROM expertise WHERE municipality_id = $1),
       my_partners AS (
         SELECT DISTINCT b.municipality_id AS id FROM partnership_member a JOIN partnership_member b ON b.partnership_id = a.partnership_id
          WHERE a.municipality_id = $1 AND b.municipality_id <> $1),
       my_countries AS (SELECT DISTINCT m.country FROM my_partners JOIN municipality m ON m.id = my_partners.id WHERE m.country <> $2),
       src AS (
         (SELECT x.municipality_id AS id FROM my_need_topics t CROSS JOIN LATERAL (
             SELECT n.municipality_id FROM need_topic nt JOIN need n ON n.id = nt.need_id AND n.status = 'OPEN'
              WHERE nt.topic_key = t.topic_key ORDER BY n.municipality_id LIMIT $5) x)
         UNION ALL
         (SELECT x.municipality_id FROM my_need_topics t CROSS JOIN LATERAL (
             SELECT e.municipality_id FROM expertise e WHERE e.topic_key = t.topic_key ORDER BY e.level DESC, e.municipality_id LIMIT $5) x)
         UNION ALL
         (SELECT x.municipality_id FROM my_expertise t CROSS JOIN LATERAL (
             SELECT n.municipality_id FROM need_topic nt JOIN need n ON n.id = nt.need_id AND n.status = 'OPEN'
              WHERE nt.topic_key = t.topic_key ORDER BY n.municipality_id LIMIT $5) x)
         UNION ALL
         (SELECT m.id FROM municipality m
           WHERE $3::float8 IS NOT NULL AND m.latitude IS NOT NULL AND m.longitude IS NOT NULL AND m.country = $2
           ORDER BY point(m.longitude, m.latitude) <-> point($4::float8, $3::float8), m.id LIMIT $5)
         UNION ALL
         (SELECT m.id FROM municipality m
           WHERE $3::float8 IS NULL AND m.country = $2 AND m.region IS NOT DISTINCT FROM $6::varchar ORDER BY m.id LIMIT $5)
         UNION ALL
         (SELECT b.municipality_id FROM my_countries c
            CROSS JOIN LATERAL (SELECT far.id FROM municipality far WHERE far.country = c.country ORDER BY far.id LIMIT $5 * 4) f
            JOIN partnership_member a ON a.municipality_id = f.id
            JOIN partnership_member b ON b.partnership_id = a.partnership_id AND b.municipality_id <> f.id
            JOIN municipality bm ON bm.id = b.municipality_id AND bm.country <> c.country
           GROUP BY b.municipality_id ORDER BY count(*) DESC, b.municipality_id LIMIT $5)
         UNION ALL
         (SELECT b.municipality_id FROM my_partners z
            JOIN partnership_member a ON a.municipality_id = z.id
            JOIN partnership_member b ON b.partnership_id = a.partnership_id AND b.municipality_id <> z.id
           GROUP BY b.municipality_id ORDER BY count(*) DESC, b.municipality_id LIMIT $5))
       SELECT m.id FROM src JOIN municipality m ON m.id = src.id
        WHERE m.id <> $1 AND m.kind <> 'NATIONAL_AGENCY' AND NOT (m.id = ANY($7::uuid[]))
        GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT $8`,
      [me.id, me.country, me.latitude, me.longitude, PEER_SOURCE_LIMIT, me.region, [...excludeIds], PEER_POOL],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Mentor candidates: experienced local governments of the same country, nearest first (KNN on the
   * location GiST index; without coordinates, the same region first), at most `limit`.
   */
  async mentorCandidateIds(ctx: RequestContext, me: MunicipalityEntity, excludeIds: readonly string[], limit: number): Promise<string[]> {
    const located = me.latitude !== null && me.longitude !== null;
    const common = `m.country = $2 AND m.overseas_experience IN ('SOME', 'EXTENSIVE') AND m.kind = 'LOCAL_GOVERNMENT' AND m.id <> $1 AND NOT (m.id = ANY($3::uuid[]))`;
    const rows = located
      ? await this.q<{ id: string }>(
          ctx,
          `SELECT m.id FROM municipality m WHERE m.latitude IS NOT NULL AND m.longitude IS NOT NULL AND ${common}
            ORDER BY point(m.longitude, m.latitude) <-> point($5::float8, $6::float8), m.id LIMIT $4`,
          [me.id, me.country, [...excludeIds], limit, me.longitude, me.latitude],
        )
      : await this.q<{ id: string }>(
          ctx,
          `SELECT m.id FROM municipality m WHERE ${common}
            ORDER BY CASE WHEN m.region IS NOT DISTINCT FROM $5::varchar THEN 0 ELSE 1 END, m.overseas_experience DESC, m.key LIMIT $4`,
          [me.id, me.country, [...excludeIds], limit, me.region],
        );
    return rows.map((r) => r.id);
  }

  /**
   * Open needs abroad on these topics, most urgent first (the enum orders LOW < MEDIUM < HIGH, so
   * need_status_idx (status, priority) serves the order and the scan stops at `limit` matches).
   */
  async openNeedsOnTopics(ctx: RequestContext, topics: readonly string[], notCountry: string, limit: number): Promise<(OpenNeedFacts & { country: string; municipalityName: string; priority: string | null })[]> {
    if (!topics.length) return [];
    const rows = await this.q<Row>(
      ctx,
      `SELECT n.key, n.title, n.priority, m.country, m.name,
              ARRAY(SELECT nt2.topic_key FROM need_topic nt2 WHERE nt2.need_id = n.id ORDER BY nt2.position) AS topics
         FROM need n JOIN municipality m ON m.id = n.municipality_id
        WHERE ${NeedStatusSql.is('n', 'OPEN', '$4')} AND m.country <> $2
          AND EXISTS (SELECT 1 FROM need_topic nt WHERE nt.need_id = n.id AND nt.topic_key = ANY($1::varchar[]))
        ORDER BY n.priority DESC NULLS LAST, n.key LIMIT $3`,
      [[...topics], notCountry, limit, this.facts.today()],
    );
    return rows.map((r) => ({
      key: r['key'] as string,
      title: r['title'] as string,
      topicKeys: r['topics'] as string[],
      priority: r['priority'] as string | null,
      country: r['country'] as string,
      municipalityName: r['name'] as string,
    }));
  }
}
