import { Injectable } from '@nestjs/common';
import { RecordAccess } from '../access/record-access';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { notFound, type RequestContext } from '@kakehashi/kernel';
import { In } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { duplicateKey } from '../directory.errors';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { groupBy } from '../shared/paging';
import { changesNothing } from '../shared/patch';
import { insertUnique, loadByKey } from '../shared/records';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { ExpertiseEntity } from './expertise.entity';
import type { SetExpertise } from './expertise.types';

const AUDIT = 'expertise';
const WHAT = 'Expertise';
const auditKey = (municipality: string, topic: string): string => `${municipality}/${topic}`;

/** What municipalities can offer, per topic: batched reads and audited set/remove. */
@Injectable()
export class ExpertiseService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly taxonomy: TaxonomyService,
    private readonly audit: AuditService,
    private readonly access: RecordAccess,
    private readonly calendar: CalendarService = new CalendarService(),
  ) {}

  /** Expertise of each municipality, strongest first, in one statement. */
  async byMunicipalityIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, ExpertiseEntity[]>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .getRepository(ctx, ExpertiseEntity)
      .find({ where: { municipalityId: In([...ids]) }, order: { level: 'DESC', topicKey: 'ASC' } });
    return groupBy(ids, rows, (e) => e.municipalityId);
  }

  /** Creates or replaces the entry of (municipality, topic). Unknown municipality → NOT_FOUND; unknown topic → BAD_USER_INPUT. */
  async set(ctx: RequestContext, input: SetExpertise): Promise<ExpertiseEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      await this.taxonomy.assertKnown(tx, [{ key: input.topic, path: 'input.topic' }]);
      const municipality = await loadByKey(this.db, tx, MunicipalityEntity, 'Municipality', input.municipality);
      await this.access.assertCanEdit(tx, 'the expertise of', [{ key: municipality.key, municipalityId: municipality.id, path: 'input.municipality' }]);
      const repo = this.db.getRepository(tx, ExpertiseEntity);
      const before = await repo.findOneBy({ municipalityId: municipality.id, topicKey: input.topic });
      const key = auditKey(input.municipality, input.topic);
      const values = { level: input.level, evidence: input.evidence ?? null, provenance: input.provenance ?? null, source: input.source ?? null };
      if (before && changesNothing(before, values)) {
        this.db.assertVersion(WHAT, { key, version: before.version }, input.version ?? before.version);
        return before;
      }
      let id: string;
      if (before) {
        await this.db.updateVersioned(tx, ExpertiseEntity, WHAT, { id: before.id, key }, input.version ?? before.version, values);
        id = before.id;
      } else {
        // A concurrent set of the same pair loses with CONFLICT rather than a raw unique violation.
        id = await insertUnique(this.db, tx, ExpertiseEntity, { ...values, municipalityId: municipality.id, topicKey: input.topic }, () => duplicateKey(WHAT, key, 'input.topic'));
      }
      const after = await repo.findOneByOrFail({ id });
      await this.confirmProfile(tx, municipality.id);
      await this.audit.record(tx, { action: 'set', entity: AUDIT, key, before, after });
      return after;
    });
  }

  /** Removes the entry of (municipality, topic); NOT_FOUND when there is none. */
  async remove(ctx: RequestContext, municipalityKey: string, topicKey: string): Promise<void> {
    await this.db.withTransaction(ctx, async (tx) => {
      const municipality = await loadByKey(this.db, tx, MunicipalityEntity, 'Municipality', municipalityKey);
      await this.access.assertCanEdit(tx, 'the expertise of', [{ key: municipality.key, municipalityId: municipality.id }]);
      const repo = this.db.getRepository(tx, ExpertiseEntity);
      const before = await repo.findOneBy({ municipalityId: municipality.id, topicKey });
      const key = auditKey(municipalityKey, topicKey);
      if (!before) throw notFound(WHAT, key);
      await repo.delete({ id: before.id });
      await this.confirmProfile(tx, municipality.id);
      await this.audit.record(tx, { action: 'remove', entity: AUDIT, key, before });
    });
  }

  /**
   * Expertise is part of a municipality's profile: changing it confirms the profile today. Only the
   * date moves (not the version: the profile's own fields did not change under anyone's feet).
   */
  private async confirmProfile(tx: RequestContext, municipalityId: string): Promise<void> {
    // Plain SQL: TypeORM's update builder would also bump the version and updated_at.
    const today = this.calendar.today();
    await this.db.manager(tx).query('UPDATE municipality SET last_confirmed_on = $1 WHERE id = $2 AND last_confirmed_on < $1', [today, municipalityId]);
  }
}
