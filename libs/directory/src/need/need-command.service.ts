import { Injectable } from '@nestjs/common';
import { AccessService } from '@kakehashi/auth';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import type { RequestContext } from '@kakehashi/kernel';
import { NeedStatus } from '../directory.enums';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { MunicipalityQueryService } from '../municipality/municipality-query.service';
import { patchOf } from '../shared/patch';
import { insertKeyed, loadByKey, replaceTopicLinks, topicKeysOf, topicRefs } from '../shared/records';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { NeedEntity, NeedTopicEntity } from './need.entity';
import { NEED_COLUMNS, REQUIRED_NEED_FIELDS, type CreateNeed, type UpdateNeed } from './need.types';

const WHAT = 'Need';
const AUDIT = 'need';

/** Changes needs; each method is one transaction with its audit entry. */
@Injectable()
export class NeedCommandService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly taxonomy: TaxonomyService,
    private readonly municipalities: MunicipalityQueryService,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async create(ctx: RequestContext, input: CreateNeed): Promise<NeedEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const columns = patchOf(input, NEED_COLUMNS, REQUIRED_NEED_FIELDS);
      const municipalityId = await this.municipalityId(tx, input.municipality);
      await this.access.assertCanEdit(tx, 'need', [{ key: input.key, municipalityId }]);
      await this.taxonomy.assertKnown(tx, topicRefs(input.topics));
      const id = await insertKeyed(this.db, tx, NeedEntity, WHAT, {
        ...columns,
        key: input.key,
        municipalityId,
        status: columns.status ?? NeedStatus.OPEN,
        schemes: columns.schemes ?? [],
      });
      await replaceTopicLinks(this.db, tx, NeedTopicEntity, 'needId', id, input.topics ?? []);
      const after = await this.snapshot(tx, id);
      await this.audit.record(tx, { action: 'create', entity: AUDIT, key: input.key, after });
      return after.need;
    });
  }

  async update(ctx: RequestContext, input: UpdateNeed): Promise<NeedEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const { schemes, ...columns } = patchOf(input, NEED_COLUMNS, REQUIRED_NEED_FIELDS);
      const patch: Partial<NeedEntity> = { ...columns, ...(schemes !== undefined ? { schemes: schemes ?? [] } : {}) };
      const need = await loadByKey(this.db, tx, NeedEntity, WHAT, input.key);
      if (input.municipality) patch.municipalityId = await this.municipalityId(tx, input.municipality);
      // Moving a need needs both ends: the municipality it leaves and the one it joins.
      await this.access.assertCanEdit(tx, 'need', [need, ...(patch.municipalityId ? [{ key: need.key, municipalityId: patch.municipalityId }] : [])]);
      if (input.topics !== undefined) await this.taxonomy.assertKnown(tx, topicRefs(input.topics));
      const before = await this.snapshot(tx, need.id);
      await this.db.updateVersioned(tx, NeedEntity, WHAT, need, input.version, patch);
      if (input.topics !== undefined) await replaceTopicLinks(this.db, tx, NeedTopicEntity, 'needId', need.id, input.topics ?? []);
      const after = await this.snapshot(tx, need.id);
      await this.audit.record(tx, { action: 'update', entity: AUDIT, key: need.key, before, after });
      return after.need;
    });
  }

  private async municipalityId(tx: RequestContext, key: string): Promise<string> {
    return (await this.municipalities.requireIds(tx, [{ key, path: 'input.municipality' }])).get(key)!;
  }

  /** The need with its references as keys: what the audit trail keeps. */
  private async snapshot(tx: RequestContext, id: string): Promise<{ need: NeedEntity; municipality: string; topics: string[] }> {
    const need = await this.db.getRepository(tx, NeedEntity).findOneByOrFail({ id });
    const municipality = await this.db.getRepository(tx, MunicipalityEntity).findOneByOrFail({ id: need.municipalityId });
    const topics = (await topicKeysOf(this.db, tx, NeedTopicEntity, 'needId', [id])).get(id) ?? [];
    return { need, municipality: municipality.key, topics };
  }
}
