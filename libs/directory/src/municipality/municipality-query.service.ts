import { Injectable } from '@nestjs/common';
import { hydrate, TransactionalConnection } from '@kakehashi/database';
import { CalendarService } from '../calendar/calendar.service';
import { notFound, type Page, type PageRequest, type RequestContext } from '@kakehashi/kernel';
import { In, type EntityManager, type EntityTarget, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { unknownReferences, type KeyRef } from '../directory.errors';
import { ExpertiseEntity } from '../expertise/expertise.entity';
import { NeedEntity } from '../need/need.entity';
import { FreshnessSql } from '../freshness/freshness';
import { containsPattern, fetchPage, indexBy } from '../shared/paging';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { MunicipalityEntity } from './municipality.entity';
import type { FacetValue, MunicipalityFacets, MunicipalityFilter } from './municipality.types';

/** Relations a directory page can read in its own statement. */
export interface PageRelations {
  expertise?: boolean;
  needs?: boolean;
}

/** A page of municipalities and, when asked, each one's expertise and needs (by municipality id). */
export interface MunicipalityPage extends Page<MunicipalityEntity> {
  expertise?: Map<string, ExpertiseEntity[]>;
  needs?: Map<string, NeedEntity[]>;
}

/**
 * Municipality keys → ids in one statement; unknown keys are BAD_USER_INPUT (UNKNOWN_REFERENCE)
 * naming their input paths. The one key lookup: libs/auth uses it for accounts and invitations.
 */
export async function requireMunicipalityIds(db: TransactionalConnection, ctx: RequestContext, refs: readonly KeyRef[]): Promise<Map<string, string>> {
  if (!refs.length) return new Map();
  const rows = await db
    .getRepository(ctx, MunicipalityEntity)
    .find({ select: { id: true, key: true }, where: { key: In([...new Set(refs.map((r) => r.key))]) } });
  const ids = new Map(rows.map((m) => [m.key, m.id]));
  const unknown = refs.filter((r) => !ids.has(r.key));
  if (unknown.length) throw unknownReferences('municipality', unknown);
  return ids;
}

/** Reads municipalities: by key, in batches by id (for loaders), and filtered pages. */
@Injectable()
export class MunicipalityQueryService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly taxonomy: TaxonomyService,
    private readonly calendar: CalendarService = new CalendarService(),
  ) {}

  async findByKey(ctx: RequestContext, key: string): Promise<MunicipalityEntity | null> {
    return this.db.getRepository(ctx, MunicipalityEntity).findOneBy({ key });
  }

  /** The municipality with this key, or NOT_FOUND. */
  async getByKey(ctx: RequestContext, key: string): Promise<MunicipalityEntity> {
    const found = await this.findByKey(ctx, key);
    if (!found) throw notFound('Municipality', key);
    return found;
  }

  /** One statement for any number of ids. */
  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, MunicipalityEntity>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(ctx, MunicipalityEntity).findBy({ id: In([...ids]) });
    return indexBy(rows, (m) => m.id);
  }

  /** Resolves referenced keys to ids in one statement; unknown keys are BAD_USER_INPUT naming their paths. */
  requireIds(ctx: RequestContext, refs: readonly KeyRef[]): Promise<Map<string, string>> {
    return requireMunicipalityIds(this.db, ctx, refs);
  }

  /**
   * A page of municipalities matching `filter`, ordered by key — with, when asked (`include`), the
   * expertise and needs of each, read in the same statement (json_agg in correlated subqueries, run
   * for the page's rows only), in the order the loaders give them.
   */
  async list(ctx: RequestContext, filter: MunicipalityFilter | null | undefined, page: PageRequest, include: PageRelations = {}): Promise<MunicipalityPage> {
    const f = filter ?? {};
    const topics = f.topic ? await this.taxonomy.expand(ctx, [f.topic], 'filter.topic') : null;
    // A directory page tolerates a little lag: it reads from a replica when there is one.
    return this.db.reading(ctx, async (manager) => {
      const qb = this.listQuery(manager, f, topics);
      if (include.expertise) qb.addSelect(`(SELECT coalesce(json_agg(to_jsonb(e) - 'search_document' ORDER BY e.level DESC, e.topic_key), '[]') FROM expertise e WHERE e.municipality_id = m.id)`, 'kk_expertise');
      if (include.needs) qb.addSelect(`(SELECT coalesce(json_agg(to_jsonb(n) - 'search_text' - 'search_document' ORDER BY n.key), '[]') FROM need n WHERE n.municipality_id = m.id)`, 'kk_needs');
      const { raw, ...result } = await fetchPage(qb, page);
      const related = <E extends ObjectLiteral>(column: string, target: EntityTarget<E>) =>
        new Map(result.items.map((m, i) => [m.id, hydrate(manager, target, raw[i]![column] as Record<string, unknown>[])]));
      return {
        ...result,
        expertise: include.expertise ? related('kk_expertise', ExpertiseEntity) : undefined,
        needs: include.needs ? related('kk_needs', NeedEntity) : undefined,
      };
    });
  }

  private listQuery(manager: EntityManager, f: MunicipalityFilter, topics: string[] | null): SelectQueryBuilder<MunicipalityEntity> {
    const qb = manager.getRepository(MunicipalityEntity).createQueryBuilder('m').orderBy('m.key', 'ASC');
    if (f.country) qb.andWhere('m.country = :country', { country: f.country.toUpperCase() });
    if (f.region) qb.andWhere('lower(m.region) = lower(:region)', { region: f.region });
    if (f.kind) qb.andWhere('m.kind = :kind', { kind: f.kind });
    if (f.overseasExperience) qb.andWhere('m.overseas_experience = :experience', { experience: f.overseasExperience });
    if (f.text?.trim()) qb.andWhere(`m.search_text LIKE :text ESCAPE '\\'`, { text: containsPattern(f.text.trim()) });
    if (topics) {
      const sub = qb
        .subQuery()
        .select('1')
        .from(ExpertiseEntity, 'e')
        .where('e.municipality_id = m.id AND e.topic_key IN (:...topics)')
        .getQuery();
      qb.andWhere(`EXISTS ${sub}`, { topics });
    }
    if (f.freshness) qb.andWhere(FreshnessSql.is('m', f.freshness, { aging: ':aging', stale: ':stale' }), this.calendar.freshnessBounds());
    return qb;
  }

  /**
   * The values the directory can be narrowed by, each with how many municipalities have it
   * (most first): the directory page's country and region filters. Two grouped statements.
   */
  async facets(ctx: RequestContext): Promise<MunicipalityFacets> {
    const repo = this.db.getRepository(ctx, MunicipalityEntity);
    const count = (column: string) =>
      repo
        .createQueryBuilder('m')
        .select(`m.${column}`, 'value')
        .addSelect('count(*)::int', 'count')
        .where(`m.${column} IS NOT NULL`)
        .groupBy(`m.${column}`)
        .orderBy('count', 'DESC')
        .addOrderBy('value', 'ASC')
        .getRawMany<FacetValue>();
    const [countries, regions] = await Promise.all([count('country'), count('region')]);
    return { countries, regions };
  }
}
