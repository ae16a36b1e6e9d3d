import { Injectable } from '@nestjs/common';
import { RecordAccess } from '../access/record-access';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import type { RequestContext } from '@kakehashi/kernel';
import { CalendarService } from '../calendar/calendar.service';
import { confirmRecord } from '../shared/confirm';
import { MUNICIPALITY_RULES } from '@kakehashi/kernel';
import { assertAcross, changesNothing, patchOf } from '../shared/patch';
import { insertKeyed, loadByKey } from '../shared/records';
import { MunicipalityEntity } from './municipality.entity';
import { MUNICIPALITY_FIELDS, REQUIRED_MUNICIPALITY_FIELDS, type CreateMunicipality, type UpdateMunicipality } from './municipality.types';

const WHAT = 'Municipality';
const AUDIT = 'municipality';

/**
 * Changes municipalities. Each method is one transaction that also writes its audit entry.
 * Field shapes (slugs, ranges, ISO codes) are checked at the API edge; rules that need the
 * database (existence, versions, uniqueness) are checked here.
 */
@Injectable()
export class MunicipalityCommandService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly access: RecordAccess,
    private readonly calendar: CalendarService = new CalendarService(),
  ) {}

  async create(ctx: RequestContext, input: CreateMunicipality): Promise<MunicipalityEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const fields = patchOf(input, MUNICIPALITY_FIELDS, REQUIRED_MUNICIPALITY_FIELDS);
      const id = await insertKeyed(this.db, tx, MunicipalityEntity, WHAT, { ...fields, languages: fields.languages ?? [], key: input.key, lastConfirmedOn: this.calendar.today() });
      const after = await this.db.getRepository(tx, MunicipalityEntity).findOneByOrFail({ id });
      await this.audit.record(tx, { action: 'create', entity: AUDIT, key: after.key, after });
      return after;
    });
  }

  async update(ctx: RequestContext, input: UpdateMunicipality): Promise<MunicipalityEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const { languages, ...fields } = patchOf(input, MUNICIPALITY_FIELDS, REQUIRED_MUNICIPALITY_FIELDS);
      const patch: Partial<MunicipalityEntity> = { ...fields, ...(languages !== undefined ? { languages: languages ?? [] } : {}) };
      const before = await loadByKey(this.db, tx, MunicipalityEntity, WHAT, input.key);
      await this.access.assertCanEdit(tx, 'municipality', [{ key: before.key, municipalityId: before.id }]);
      assertAcross(MUNICIPALITY_RULES, before, patch);
      if (changesNothing(before, patch)) {
        this.db.assertVersion(WHAT, before, input.version);
        return before;
      }
      await this.db.updateVersioned(tx, MunicipalityEntity, WHAT, before, input.version, { ...patch, lastConfirmedOn: this.calendar.today() });
      const after = await this.db.getRepository(tx, MunicipalityEntity).findOneByOrFail({ id: before.id });
      await this.audit.record(tx, { action: 'update', entity: AUDIT, key: after.key, before, after });
      return after;
    });
  }

  /** Confirms the profile as still true (lastConfirmedOn = today), changing nothing else; audited as `confirm`. */
  async confirm(ctx: RequestContext, key: string, version: number): Promise<MunicipalityEntity> {
    return confirmRecord(this.db, this.audit, ctx, {
      entity: MunicipalityEntity,
      what: WHAT,
      auditEntity: AUDIT,
      key,
      version,
      today: this.calendar.today(),
      authorize: (tx, m) => this.access.assertCanEdit(tx, 'municipality', [{ key: m.key, municipalityId: m.id }]),
    });
  }

  /** Deletes the municipality with its expertise, needs and memberships (case studies keep their text). */
  async delete(ctx: RequestContext, key: string, version: number): Promise<void> {
    await this.db.withTransaction(ctx, async (tx) => {
      const before = await loadByKey(this.db, tx, MunicipalityEntity, WHAT, key);
      await this.db.deleteVersioned(tx, MunicipalityEntity, WHAT, before, version);
      await this.audit.record(tx, { action: 'delete', entity: AUDIT, key, before });
    });
  }
}
