import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import { CalendarService } from '../calendar/calendar.service';
import type { Page, PageRequest, RequestContext } from '@kakehashi/kernel';
import { In } from 'typeorm';
import { MunicipalityQueryService } from '../municipality/municipality-query.service';
import { FreshnessSql } from '../freshness/freshness';
import { fetchPage, groupBy, indexBy } from '../shared/paging';
import { topicKeysOf } from '../shared/records';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { PartnershipEntity, PartnershipMemberEntity, PartnershipOutcomeEntity, PartnershipTopicEntity } from './partnership.entity';
import type { PartnershipFilter } from './partnership.types';

const MEMBER_IDS = 'kk_member_ids';

/** Reads partnerships and their members, topics and outcomes; every batch is one statement. */
@Injectable()
export class PartnershipQueryService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly taxonomy: TaxonomyService,
    private readonly municipalities: MunicipalityQueryService,
    private readonly calendar: CalendarService = new CalendarService(),
  ) {}

  async findByKey(ctx: RequestContext, key: string): Promise<PartnershipEntity | null> {
    return this.db.getRepository(ctx, PartnershipEntity).findOneBy({ key });
  }

  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, PartnershipEntity>> {
    if (!ids.length) return new Map();
    return indexBy(await this.db.getRepository(ctx, PartnershipEntity).findBy({ id: In([...ids]) }), (p) => p.id);
  }

  /** Partnerships each municipality is a member of, by key. */
  async byMunicipalityIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, PartnershipEntity[]>> {
    const map = new Map<string, PartnershipEntity[]>(ids.map((id) => [id, []]));
    if (!ids.length) return map;
    // One statement: each partnership once, with which of the asked-for municipalities are its members.
    const members = 'FROM partnership_member pm WHERE pm.partnership_id = p.id AND pm.municipality_id IN (:...ids)';
    const { entities, raw } = await this.db
      .getRepository(ctx, PartnershipEntity)
      .createQueryBuilder('p')
      .addSelect(`ARRAY(SELECT pm.municipality_id ${members})`, MEMBER_IDS)
      .where(`EXISTS (SELECT 1 ${members})`, { ids: [...ids] })
      .orderBy('p.key', 'ASC')
      .getRawAndEntities<Record<string, unknown>>();
    const byId = indexBy(entities, (p) => p.id);
    for (const row of raw) {
      const partnership = byId.get(row['p_id'] as string)!;
      for (const municipalityId of row[MEMBER_IDS] as string[]) map.get(municipalityId)?.push(partnership);
    }
    return map;
  }

  /** Members of each partnership, in their recorded order. */
  async membersByPartnershipIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, PartnershipMemberEntity[]>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(ctx, PartnershipMemberEntity).find({ where: { partnershipId: In([...ids]) }, order: { position: 'ASC' } });
    return groupBy(ids, rows, (m) => m.partnershipId);
  }

  async outcomesByPartnershipIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, PartnershipOutcomeEntity[]>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(ctx, PartnershipOutcomeEntity).find({ where: { partnershipId: In([...ids]) }, order: { position: 'ASC' } });
    return groupBy(ids, rows, (o) => o.partnershipId);
  }

  async topicKeysByPartnershipIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string[]>> {
    return topicKeysOf(this.db, ctx, PartnershipTopicEntity, 'partnershipId', ids);
  }

  /** A page of partnerships matching `filter`, ordered by key. */
  async list(ctx: RequestContext, filter: PartnershipFilter | null | undefined, page: PageRequest): Promise<Page<PartnershipEntity>> {
    const f = filter ?? {};
    const qb = this.db.getRepository(ctx, PartnershipEntity).createQueryBuilder('p').orderBy('p.key', 'ASC');
    if (f.scheme) qb.andWhere('p.scheme = :scheme', { scheme: f.scheme });
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.municipality) {
      const ids = await this.municipalities.requireIds(ctx, [{ key: f.municipality, path: 'filter.municipality' }]);
      const sub = qb.subQuery().select('1').from(PartnershipMemberEntity, 'pm').where('pm.partnership_id = p.id AND pm.municipality_id = :member').getQuery();
      qb.andWhere(`EXISTS ${sub}`, { member: ids.get(f.municipality) });
    }
    if (f.topic) {
      const topics = await this.taxonomy.expand(ctx, [f.topic], 'filter.topic');
      const sub = qb.subQuery().select('1').from(PartnershipTopicEntity, 'pt').where('pt.partnership_id = p.id AND pt.topic_key IN (:...topics)').getQuery();
      qb.andWhere(`EXISTS ${sub}`, { topics });
    }
    if (f.freshness) qb.andWhere(FreshnessSql.is('p', f.freshness, { aging: ':aging', stale: ':stale' }), this.calendar.freshnessBounds());
    return fetchPage(qb, page);
  }
}
