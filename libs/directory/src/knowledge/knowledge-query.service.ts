import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import type { RequestContext } from '@kakehashi/kernel';
import { In } from 'typeorm';
import { groupBy, indexBy } from '../shared/paging';
import { topicKeysOf } from '../shared/records';
import { CaseStudyEntity, CaseStudyTopicEntity, EventEntity } from './knowledge.entity';

/** Reads case studies and events; every batch is one statement. */
@Injectable()
export class KnowledgeQueryService {
  constructor(private readonly db: TransactionalConnection) {}

  async caseStudyByKey(ctx: RequestContext, key: string): Promise<CaseStudyEntity | null> {
    return this.db.getRepository(ctx, CaseStudyEntity).findOneBy({ key });
  }

  async eventByKey(ctx: RequestContext, key: string): Promise<EventEntity | null> {
    return this.db.getRepository(ctx, EventEntity).findOneBy({ key });
  }

  async caseStudiesByIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, CaseStudyEntity>> {
    if (!ids.length) return new Map();
    return indexBy(await this.db.getRepository(ctx, CaseStudyEntity).findBy({ id: In([...ids]) }), (c) => c.id);
  }

  async caseStudiesByMunicipalityIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, CaseStudyEntity[]>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(ctx, CaseStudyEntity).find({ where: { municipalityId: In([...ids]) }, order: { key: 'ASC' } });
    return groupBy(ids, rows, (c) => c.municipalityId!);
  }

  async caseStudiesByEventIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, CaseStudyEntity[]>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(ctx, CaseStudyEntity).find({ where: { eventId: In([...ids]) }, order: { key: 'ASC' } });
    return groupBy(ids, rows, (c) => c.eventId!);
  }

  async topicKeysByCaseStudyIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string[]>> {
    return topicKeysOf(this.db, ctx, CaseStudyTopicEntity, 'caseStudyId', ids);
  }

  async eventsByIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, EventEntity>> {
    if (!ids.length) return new Map();
    return indexBy(await this.db.getRepository(ctx, EventEntity).findBy({ id: In([...ids]) }), (e) => e.id);
  }
}
