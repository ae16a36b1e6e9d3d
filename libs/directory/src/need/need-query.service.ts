import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import type { Page, PageRequest, RequestContext } from '@kakehashi/kernel';
import { In } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { MunicipalityQueryService } from '../municipality/municipality-query.service';
import { FreshnessSql } from '../freshness/freshness';
import { fetchPage, groupBy, indexBy } from '../shared/paging';
import { topicKeysOf } from '../shared/records';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { NeedEntity, NeedTopicEntity } from './need.entity';
import { NeedStatusSql } from './need-status';
import type { NeedFilter } from './need.types';

/** Reads needs: by key, batched by id / municipality / topic links, and filtered pages. */
@Injectable()
export class NeedQueryService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly taxonomy: TaxonomyService,
    private readonly municipalities: MunicipalityQueryService,
    private readonly calendar: CalendarService = new CalendarService(),
  ) {}

  async findByKey(ctx: RequestContext, key: string): Promise<NeedEntity | null> {
    return this.db.getRepository(ctx, NeedEntity).findOneBy({ key });
  }

  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, NeedEntity>> {
    if (!ids.length) return new Map();
    return indexBy(await this.db.getRepository(ctx, NeedEntity).findBy({ id: In([...ids]) }), (n) => n.id);
  }

  /** Needs of each municipality, by key, in one statement. */
  async byMunicipalityIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, NeedEntity[]>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(ctx, NeedEntity).find({ where: { municipalityId: In([...ids]) }, order: { key: 'ASC' } });
    return groupBy(ids, rows, (n) => n.municipalityId);
  }

  /** Ordered topic keys of each need, in one statement. */
  async topicKeysByNeedIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string[]>> {
    return topicKeysOf(this.db, ctx, NeedTopicEntity, 'needId', ids);
  }

  /** A page of needs matching `filter`, ordered by key. A status filter means the status as the need reads today. */
  async list(ctx: RequestContext, filter: NeedFilter | null | undefined, page: PageRequest): Promise<Page<NeedEntity>> {
    const f = filter ?? {};
    const qb = this.db.getRepository(ctx, NeedEntity).createQueryBuilder('n').orderBy('n.key', 'ASC');
    if (f.status) qb.andWhere(NeedStatusSql.is('n', f.status, ':today'), { today: this.calendar.today() });
    if (f.priority) qb.andWhere('n.priority = :priority', { priority: f.priority });
    if (f.municipality) {
      const ids = await this.municipalities.requireIds(ctx, [{ key: f.municipality, path: 'filter.municipality' }]);
      qb.andWhere('n.municipality_id = :municipalityId', { municipalityId: ids.get(f.municipality) });
    }
    if (f.country) {
      const sub = qb.subQuery().select('1').from(MunicipalityEntity, 'm').where('m.id = n.municipality_id AND m.country = :country').getQuery();
      qb.andWhere(`EXISTS ${sub}`, { country: f.country.toUpperCase() });
    }
    if (f.topic) {
      const topics = await this.taxonomy.expand(ctx, [f.topic], 'filter.topic');
      const sub = qb.subQuery().select('1').from(NeedTopicEntity, 'nt').where('nt.need_id = n.id AND nt.topic_key IN (:...topics)').getQuery();
      qb.andWhere(`EXISTS ${sub}`, { topics });
    }
    if (f.freshness) qb.andWhere(FreshnessSql.is('n', f.freshness, { aging: ':aging', stale: ':stale' }), this.calendar.freshnessBounds());
    return fetchPage(qb, page);
  }
}
