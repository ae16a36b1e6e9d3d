import { Injectable } from '@nestjs/common';
import { RecordAccess } from '../access/record-access';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { badInput, type RequestContext } from '@kakehashi/kernel';
import { CalendarService } from '../calendar/calendar.service';
import { NeedStatus } from '../directory.enums';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { MunicipalityQueryService } from '../municipality/municipality-query.service';
import { confirmRecord } from '../shared/confirm';
import { NEED_RULES } from '@kakehashi/kernel';
import { assertAcross, changesNothing, patchOf } from '../shared/patch';
import { insertKeyed, loadByKey, replaceTopicLinks, topicKeysOf, topicRefs } from '../shared/records';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { NeedEntity, NeedTopicEntity } from './need.entity';
import { effectiveNeedStatus, EffectiveNeedStatus } from './need-status';
import { NEED_COLUMNS, REQUIRED_NEED_FIELDS, type CreateNeed, type ExtendNeed, type ReopenNeed, type UpdateNeed } from './need.types';

const WHAT = 'Need';
const AUDIT = 'need';

/** A need's status is recorded as OPEN, MATCHED or CLOSED; EXPIRED only ever follows from `expiresOn`. */
function assertRecordable(status: string | null | undefined): asserts status is NeedStatus | null | undefined {
  if (status === EffectiveNeedStatus.EXPIRED) {
    throw badInput(
      'A need cannot be set to EXPIRED',
      [{ path: 'input.status', message: 'a need reads as EXPIRED once its expiresOn has passed: set expiresOn, or CLOSED to withdraw it' }],
      'EXPIRED_IS_COMPUTED',
    );
  }
}

/** Changes needs; each method is one transaction with its audit entry. */
@Injectable()
export class NeedCommandService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly taxonomy: TaxonomyService,
    private readonly municipalities: MunicipalityQueryService,
    private readonly audit: AuditService,
    private readonly access: RecordAccess,
    private readonly calendar: CalendarService = new CalendarService(),
  ) {}

  async create(ctx: RequestContext, input: CreateNeed): Promise<NeedEntity> {
    assertRecordable(input.status);
    return this.db.withTransaction(ctx, async (tx) => {
      const columns = patchOf(input, NEED_COLUMNS, REQUIRED_NEED_FIELDS);
      const municipalityId = await this.municipalityId(tx, input.municipality);
      await this.access.assertCanEdit(tx, 'need', [{ key: input.key, municipalityId, path: 'input.municipality' }]);
      await this.taxonomy.assertKnown(tx, topicRefs(input.topics));
      const id = await insertKeyed(this.db, tx, NeedEntity, WHAT, {
        ...columns,
        status: (columns.status as NeedStatus | undefined) ?? NeedStatus.OPEN,
        key: input.key,
        municipalityId,
        schemes: columns.schemes ?? [],
        lastConfirmedOn: this.calendar.today(),
      });
      await replaceTopicLinks(this.db, tx, NeedTopicEntity, 'needId', id, input.topics ?? []);
      const after = await this.snapshot(tx, id);
      await this.audit.record(tx, { action: 'create', entity: AUDIT, key: input.key, after });
      return after.need;
    });
  }

  async update(ctx: RequestContext, input: UpdateNeed): Promise<NeedEntity> {
    assertRecordable(input.status);
    return this.db.withTransaction(ctx, async (tx) => {
      const { schemes, status, ...columns } = patchOf(input, NEED_COLUMNS, REQUIRED_NEED_FIELDS);
      const patch: Partial<NeedEntity> = { ...columns, ...(status !== undefined ? { status: status as NeedStatus } : {}), ...(schemes !== undefined ? { schemes: schemes ?? [] } : {}) };
      const need = await loadByKey(this.db, tx, NeedEntity, WHAT, input.key);
      if (input.municipality) patch.municipalityId = await this.municipalityId(tx, input.municipality);
      // Moving a need needs both ends: the municipality it leaves and the one it joins.
      await this.access.assertCanEdit(tx, 'need', [need, ...(patch.municipalityId ? [{ key: need.key, municipalityId: patch.municipalityId, path: 'input.municipality' }] : [])]);
      if (input.topics !== undefined) await this.taxonomy.assertKnown(tx, topicRefs(input.topics));
      const before = await this.snapshot(tx, need.id);
      assertAcross(NEED_RULES, need, patch);
      if (changesNothing({ ...before.need, topics: before.topics }, { ...patch, topics: input.topics === undefined ? undefined : (input.topics ?? []) })) {
        this.db.assertVersion(WHAT, need, input.version);
        return need;
      }
      await this.db.updateVersioned(tx, NeedEntity, WHAT, need, input.version, { ...patch, lastConfirmedOn: this.calendar.today() });
      if (input.topics !== undefined) await replaceTopicLinks(this.db, tx, NeedTopicEntity, 'needId', need.id, input.topics ?? []);
      const after = await this.snapshot(tx, need.id);
      await this.audit.record(tx, { action: 'update', entity: AUDIT, key: need.key, before, after });
      return after.need;
    });
  }

  /** Moves an OPEN need's last day (expired or not): audited as `extend`. */
  async extend(ctx: RequestContext, input: ExtendNeed): Promise<NeedEntity> {
    const today = this.calendar.today();
    assertNotPast(input.expiresOn, today);
    return this.changeLife(ctx, input, 'extend', (need) => {
      if (need.status !== NeedStatus.OPEN) {
        throw badInput(`Need "${need.key}" is ${need.status}: only an open need is extended`, [{ path: 'input.key', message: `is ${need.status}; reopen it instead` }], 'NOT_OPEN');
      }
      return { expiresOn: input.expiresOn };
    });
  }

  /** Opens an expired, matched or closed need again: audited as `reopen`. */
  async reopen(ctx: RequestContext, input: ReopenNeed): Promise<NeedEntity> {
    const today = this.calendar.today();
    if (input.expiresOn !== undefined) assertNotPast(input.expiresOn, today);
    return this.changeLife(ctx, input, 'reopen', (need) => {
      const expiresOn = input.expiresOn !== undefined ? input.expiresOn : need.expiresOn;
      if (effectiveNeedStatus(need, today) === EffectiveNeedStatus.OPEN) {
        throw badInput(`Need "${need.key}" is open already`, [{ path: 'input.key', message: 'is OPEN; extend it to move its expiry' }], 'ALREADY_OPEN');
      }
      if (expiresOn !== null && expiresOn < today) {
        throw badInput(`Need "${need.key}" expired on ${expiresOn}`, [{ path: 'input.expiresOn', message: `give a new last day (${today} or later), or null for none` }], 'IN_THE_PAST');
      }
      return { status: NeedStatus.OPEN, expiresOn };
    });
  }

  /** Confirms the need as still wanted (lastConfirmedOn = today), changing nothing else; audited as `confirm`. */
  async confirm(ctx: RequestContext, key: string, version: number): Promise<NeedEntity> {
    return confirmRecord(this.db, this.audit, ctx, {
      entity: NeedEntity,
      what: WHAT,
      auditEntity: AUDIT,
      key,
      version,
      today: this.calendar.today(),
      authorize: (tx, need) => this.access.assertCanEdit(tx, 'need', [need]),
    });
  }

  /** One audited, version-checked change of a need's status or expiry, decided by `change` on the current row. */
  private async changeLife(ctx: RequestContext, input: { key: string; version: number }, action: string, change: (need: NeedEntity) => Partial<NeedEntity>): Promise<NeedEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const need = await loadByKey(this.db, tx, NeedEntity, WHAT, input.key);
      await this.access.assertCanEdit(tx, 'need', [need]);
      const patch = { ...change(need), lastConfirmedOn: this.calendar.today() };
      const before = await this.snapshot(tx, need.id);
      await this.db.updateVersioned(tx, NeedEntity, WHAT, need, input.version, patch);
      const after = await this.snapshot(tx, need.id);
      await this.audit.record(tx, { action, entity: AUDIT, key: need.key, before, after });
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

/** A new last day must not have passed already (null: no expiry). */
function assertNotPast(expiresOn: string | null, today: string): void {
  if (expiresOn !== null && expiresOn < today) {
    throw badInput(`expiresOn ${expiresOn} has passed`, [{ path: 'input.expiresOn', message: `must be ${today} or later, or null for no expiry` }], 'IN_THE_PAST');
  }
}
