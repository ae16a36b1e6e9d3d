import { Injectable } from '@nestjs/common';
import { RecordAccess } from '../access/record-access';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { editsEverything, type RequestContext } from '@kakehashi/kernel';
import { CalendarService } from '../calendar/calendar.service';
import { confirmRecord } from '../shared/confirm';
import { In } from 'typeorm';
import { coordinatorsOnly, nothingToUndo, sharedCancellation } from '../directory.errors';
import { PartnershipStatus } from '../directory.enums';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { MunicipalityQueryService } from '../municipality/municipality-query.service';
import { PARTNERSHIP_RULES } from '@kakehashi/kernel';
import { assertAcross, changesNothing, patchOf } from '../shared/patch';
import { insertKeyed, loadByKey, replaceTopicLinks, topicKeysOf, topicRefs } from '../shared/records';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { PartnershipEntity, PartnershipMemberEntity, PartnershipOutcomeEntity, PartnershipTopicEntity } from './partnership.entity';
import { assertTransition } from './partnership-status';
import {
  PARTNERSHIP_COLUMNS,
  REQUIRED_PARTNERSHIP_FIELDS,
  type CreatePartnership,
  type PartnershipMemberFields,
  type PartnershipOutcomeFields,
  type UpdatePartnership,
} from './partnership.types';

const WHAT = 'Partnership';
const AUDIT = 'partnership';

/** The partnership with its lists, references as keys: what the audit trail keeps. */
interface PartnershipSnapshot {
  partnership: PartnershipEntity;
  topics: string[];
  members: { municipality: string; role: string }[];
  outcomes: PartnershipOutcomeFields[];
}

/** Changes partnerships; each method is one transaction with its audit entry. */
@Injectable()
export class PartnershipCommandService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly taxonomy: TaxonomyService,
    private readonly municipalities: MunicipalityQueryService,
    private readonly audit: AuditService,
    private readonly access: RecordAccess,
    private readonly calendar: CalendarService = new CalendarService(),
  ) {}

  async create(ctx: RequestContext, input: CreatePartnership): Promise<PartnershipEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const columns = patchOf(input, PARTNERSHIP_COLUMNS, REQUIRED_PARTNERSHIP_FIELDS);
      assertAcross(PARTNERSHIP_RULES, {}, columns);
      const memberIds = await this.memberIds(tx, input.members);
      await this.taxonomy.assertKnown(tx, topicRefs(input.topics));
      const id = await insertKeyed(this.db, tx, PartnershipEntity, WHAT, { ...columns, key: input.key, status: input.status ?? PartnershipStatus.PROPOSED, lastConfirmedOn: this.calendar.today() });
      await this.replaceLists(tx, id, input, memberIds);
      const after = await this.snapshot(tx, id);
      await this.audit.record(tx, { action: 'create', entity: AUDIT, key: input.key, after });
      return after.partnership;
    });
  }

  async update(ctx: RequestContext, input: UpdatePartnership): Promise<PartnershipEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const patch = patchOf(input, PARTNERSHIP_COLUMNS, REQUIRED_PARTNERSHIP_FIELDS);
      const current = await loadByKey(this.db, tx, PartnershipEntity, WHAT, input.key);
      assertAcross(PARTNERSHIP_RULES, current, patch);
      const memberIds = await this.memberIds(tx, input.members);
      if (input.topics !== undefined) await this.taxonomy.assertKnown(tx, topicRefs(input.topics));
      const before = await this.snapshot(tx, current.id);
      if (changesNothing({ ...before.partnership, topics: before.topics, members: before.members, outcomes: before.outcomes }, { ...patch, ...this.listsSent(input) })) {
        this.db.assertVersion(WHAT, current, input.version);
        return current;
      }
      await this.db.updateVersioned(tx, PartnershipEntity, WHAT, current, input.version, { ...patch, lastConfirmedOn: this.calendar.today() });
      await this.replaceLists(tx, current.id, input, memberIds);
      const after = await this.snapshot(tx, current.id);
      await this.audit.record(tx, { action: 'update', entity: AUDIT, key: current.key, before, after });
      return after.partnership;
    });
  }

  /**
   * Moves the partnership along its life (`assertTransition`); a refused step is BAD_USER_INPUT
   * (INVALID_TRANSITION). Any member's editor may move it, but a partnership of several members is
   * cancelled by a coordinator only (ADR 16): FORBIDDEN (SHARED_PARTNERSHIP) otherwise.
   */
  async changeStatus(ctx: RequestContext, key: string, status: PartnershipStatus, version: number): Promise<PartnershipEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const before = await loadByKey(this.db, tx, PartnershipEntity, WHAT, key);
      const members = await this.assertMemberEditor(tx, before);
      assertTransition(before.status, status);
      if (status === PartnershipStatus.CANCELLED && members > 1 && !editsEverything(tx.actor)) throw sharedCancellation(key, members);
      return this.setStatus(tx, before, version, status, 'change-status');
    });
  }

  /**
   * Undoes the partnership's last status change (a coordinator's correction, ADR 16): the status
   * returns to what it was before that change — even from a final state such as CANCELLED — and
   * the undo is audited as `undo-status-change`. Undoing an undo redoes the change. Nothing to undo
   * (no change recorded, or the status has moved on since): BAD_USER_INPUT (NOTHING_TO_UNDO).
   */
  async undoStatusChange(ctx: RequestContext, key: string, version: number): Promise<PartnershipEntity> {
    if (!editsEverything(ctx.actor)) throw coordinatorsOnly('undo a status change');
    return this.db.withTransaction(ctx, async (tx) => {
      const current = await loadByKey(this.db, tx, PartnershipEntity, WHAT, key);
      const [last] = await this.db.manager(tx).query<{ before: PartnershipStatus | null; after: PartnershipStatus | null }[]>(
        `SELECT before->>'status' AS before, after->>'status' AS after FROM audit_log
          WHERE entity = $1 AND entity_key = $2 AND action IN ('change-status', 'undo-status-change')
          ORDER BY at DESC, id DESC LIMIT 1`,
        [AUDIT, key],
      );
      if (!last?.before) throw nothingToUndo(key, 'its status was never changed');
      if (last.after !== current.status) throw nothingToUndo(key, `its status is ${current.status}, not ${String(last.after)} as the last change left it`);
      return this.setStatus(tx, current, version, last.before, 'undo-status-change');
    });
  }

  /** Sets the status (version-checked, lastConfirmedOn today) and audits it as `action`. */
  private async setStatus(tx: RequestContext, before: PartnershipEntity, version: number, status: PartnershipStatus, action: string): Promise<PartnershipEntity> {
    await this.db.updateVersioned(tx, PartnershipEntity, WHAT, before, version, { status, lastConfirmedOn: this.calendar.today() });
    const after = await this.db.getRepository(tx, PartnershipEntity).findOneByOrFail({ id: before.id });
    await this.audit.record(tx, { action, entity: AUDIT, key: before.key, before, after });
    return after;
  }

  /** Confirms the partnership as still true (lastConfirmedOn = today), changing nothing else; any member's editor may. Audited as `confirm`. */
  async confirm(ctx: RequestContext, key: string, version: number): Promise<PartnershipEntity> {
    return confirmRecord(this.db, this.audit, ctx, {
      entity: PartnershipEntity,
      what: WHAT,
      auditEntity: AUDIT,
      key,
      version,
      today: this.calendar.today(),
      authorize: async (tx, p) => void (await this.assertMemberEditor(tx, p)),
    });
  }

  /** FORBIDDEN unless the actor edits at least one member (or everything); the number of members. */
  private async assertMemberEditor(tx: RequestContext, p: PartnershipEntity): Promise<number> {
    const members = await this.db.getRepository(tx, PartnershipMemberEntity).findBy({ partnershipId: p.id });
    await this.access.assertCanEditAny(tx, 'partnership', p.key, members.map((m) => m.municipalityId));
    return members.length;
  }

  /** Member municipality ids by key; unknown keys are BAD_USER_INPUT naming `input.members.N.municipality`. */
  private async memberIds(tx: RequestContext, members: readonly PartnershipMemberFields[] | null | undefined): Promise<Map<string, string>> {
    return this.municipalities.requireIds(tx, (members ?? []).map((m, i) => ({ key: m.municipality, path: `input.members.${i}.municipality` })));
  }

  /** The lists that were sent, as the snapshot holds them (null = empty), to tell whether an update changes them. */
  private listsSent(input: Partial<CreatePartnership>): Partial<Pick<PartnershipSnapshot, 'topics' | 'members' | 'outcomes'>> {
    return {
      ...(input.topics !== undefined ? { topics: input.topics ?? [] } : {}),
      ...(input.members !== undefined ? { members: (input.members ?? []).map((m) => ({ municipality: m.municipality, role: m.role })) } : {}),
      ...(input.outcomes !== undefined ? { outcomes: (input.outcomes ?? []).map((o) => ({ indicator: o.indicator, before: o.before ?? null, after: o.after ?? null, note: o.note ?? null })) } : {}),
    };
  }

  /** Replaces the lists that were sent (undefined = keep; null = empty). */
  private async replaceLists(tx: RequestContext, id: string, input: Partial<CreatePartnership>, memberIds: Map<string, string>): Promise<void> {
    if (input.topics !== undefined) await replaceTopicLinks(this.db, tx, PartnershipTopicEntity, 'partnershipId', id, input.topics ?? []);
    if (input.members !== undefined) {
      const repo = this.db.getRepository(tx, PartnershipMemberEntity);
      await repo.delete({ partnershipId: id });
      const rows = (input.members ?? []).map((m, position) => ({ partnershipId: id, municipalityId: memberIds.get(m.municipality)!, role: m.role, position }));
      if (rows.length) await repo.insert(rows);
    }
    if (input.outcomes !== undefined) {
      const repo = this.db.getRepository(tx, PartnershipOutcomeEntity);
      await repo.delete({ partnershipId: id });
      const rows = (input.outcomes ?? []).map((o, position) => ({ partnershipId: id, position, indicator: o.indicator, before: o.before ?? null, after: o.after ?? null, note: o.note ?? null }));
      if (rows.length) await repo.insert(rows);
    }
  }

  private async snapshot(tx: RequestContext, id: string): Promise<PartnershipSnapshot> {
    const partnership = await this.db.getRepository(tx, PartnershipEntity).findOneByOrFail({ id });
    const members = await this.db.getRepository(tx, PartnershipMemberEntity).find({ where: { partnershipId: id }, order: { position: 'ASC' } });
    const municipalities = members.length
      ? await this.db.getRepository(tx, MunicipalityEntity).find({ select: { id: true, key: true }, where: { id: In(members.map((m) => m.municipalityId)) } })
      : [];
    const keyOf = new Map(municipalities.map((m) => [m.id, m.key]));
    const outcomes = await this.db.getRepository(tx, PartnershipOutcomeEntity).find({ where: { partnershipId: id }, order: { position: 'ASC' } });
    return {
      partnership,
      topics: (await topicKeysOf(this.db, tx, PartnershipTopicEntity, 'partnershipId', [id])).get(id) ?? [],
      members: members.map((m) => ({ municipality: keyOf.get(m.municipalityId)!, role: m.role })),
      outcomes: outcomes.map(({ indicator, before, after, note }) => ({ indicator, before, after, note })),
    };
  }
}
