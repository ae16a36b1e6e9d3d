import { Injectable } from '@nestjs/common';
import { RecordAccess } from '../access/record-access';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { badInput, type RequestContext } from '@kakehashi/kernel';
import { unknownReferences } from '../directory.errors';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { MunicipalityQueryService } from '../municipality/municipality-query.service';
import { CASE_STUDY_RULES, EVENT_RULES } from '@kakehashi/kernel';
import { assertAcross, changesNothing, patchOf } from '../shared/patch';
import { insertKeyed, loadByKey, replaceTopicLinks, topicKeysOf, topicRefs } from '../shared/records';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CaseStudyEntity, CaseStudyTopicEntity, EventEntity } from './knowledge.entity';
import { CASE_STUDY_COLUMNS, EVENT_COLUMNS, MAX_AGENDA_ITEMS, REQUIRED_TITLE, type AgendaItem, type CreateCaseStudy, type CreateEvent, type UpdateCaseStudy, type UpdateEvent } from './knowledge.types';

/** Changes case studies and events; each method is one transaction with its audit entry. */
@Injectable()
export class KnowledgeCommandService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly taxonomy: TaxonomyService,
    private readonly municipalities: MunicipalityQueryService,
    private readonly audit: AuditService,
    private readonly access: RecordAccess,
  ) {}

  async createCaseStudy(ctx: RequestContext, input: CreateCaseStudy): Promise<CaseStudyEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const { lessons, ...columns } = patchOf(input, CASE_STUDY_COLUMNS, REQUIRED_TITLE);
      const refs = await this.references(tx, input);
      await this.access.assertCanEdit(tx, 'case study', [{ key: input.key, municipalityId: refs.municipalityId ?? null, path: 'input.municipality' }]);
      await this.taxonomy.assertKnown(tx, topicRefs(input.topics));
      const id = await insertKeyed(this.db, tx, CaseStudyEntity, 'Case study', { ...columns, ...refs, lessons: lessons ?? [], key: input.key });
      await replaceTopicLinks(this.db, tx, CaseStudyTopicEntity, 'caseStudyId', id, input.topics ?? []);
      const after = await this.caseStudySnapshot(tx, id);
      await this.audit.record(tx, { action: 'create', entity: 'case-study', key: input.key, after });
      return after.caseStudy;
    });
  }

  async updateCaseStudy(ctx: RequestContext, input: UpdateCaseStudy): Promise<CaseStudyEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const { lessons, ...columns } = patchOf(input, CASE_STUDY_COLUMNS, REQUIRED_TITLE);
      const current = await loadByKey(this.db, tx, CaseStudyEntity, 'Case study', input.key);
      const refs = await this.references(tx, input);
      await this.access.assertCanEdit(tx, 'case study', [current, ...(refs.municipalityId !== undefined ? [{ key: current.key, municipalityId: refs.municipalityId, path: 'input.municipality' }] : [])]);
      if (input.topics !== undefined) await this.taxonomy.assertKnown(tx, topicRefs(input.topics));
      const before = await this.caseStudySnapshot(tx, current.id);
      const patch: Partial<CaseStudyEntity> = { ...columns, ...refs, ...(lessons !== undefined ? { lessons: lessons ?? [] } : {}) };
      assertAcross(CASE_STUDY_RULES, current, patch);
      if (changesNothing({ ...before.caseStudy, topics: before.topics }, { ...patch, topics: input.topics === undefined ? undefined : (input.topics ?? []) })) {
        this.db.assertVersion('Case study', current, input.version);
        return current;
      }
      await this.db.updateVersioned(tx, CaseStudyEntity, 'Case study', current, input.version, patch);
      if (input.topics !== undefined) await replaceTopicLinks(this.db, tx, CaseStudyTopicEntity, 'caseStudyId', current.id, input.topics ?? []);
      const after = await this.caseStudySnapshot(tx, current.id);
      await this.audit.record(tx, { action: 'update', entity: 'case-study', key: current.key, before, after });
      return after.caseStudy;
    });
  }

  async createEvent(ctx: RequestContext, input: CreateEvent): Promise<EventEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const columns = patchOf(input, EVENT_COLUMNS, REQUIRED_TITLE);
      await this.assertAgenda(tx, input.agenda);
      const id = await insertKeyed(this.db, tx, EventEntity, 'Event', { ...columns, key: input.key });
      const after = await this.db.getRepository(tx, EventEntity).findOneByOrFail({ id });
      await this.audit.record(tx, { action: 'create', entity: 'event', key: input.key, after });
      return after;
    });
  }

  async updateEvent(ctx: RequestContext, input: UpdateEvent): Promise<EventEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const patch = patchOf(input, EVENT_COLUMNS, REQUIRED_TITLE);
      await this.assertAgenda(tx, input.agenda);
      const before = await loadByKey(this.db, tx, EventEntity, 'Event', input.key);
      assertAcross(EVENT_RULES, before, patch);
      if (changesNothing(before, patch)) {
        this.db.assertVersion('Event', before, input.version);
        return before;
      }
      await this.db.updateVersioned(tx, EventEntity, 'Event', before, input.version, patch);
      const after = await this.db.getRepository(tx, EventEntity).findOneByOrFail({ id: before.id });
      await this.audit.record(tx, { action: 'update', entity: 'event', key: before.key, before, after });
      return after;
    });
  }

  /** Every municipality and topic an agenda names must exist: BAD_USER_INPUT naming the item otherwise. */
  private async assertAgenda(tx: RequestContext, agenda: AgendaItem[] | null | undefined): Promise<void> {
    if (!agenda?.length) return;
    if (agenda.length > MAX_AGENDA_ITEMS) throw badInput(`An agenda holds at most ${MAX_AGENDA_ITEMS} items`, [{ path: 'input.agenda', message: `${agenda.length} items` }]);
    const blank = agenda.findIndex((item) => !item.title.trim());
    if (blank >= 0) throw badInput('An agenda item needs a title', [{ path: `input.agenda[${blank}].title`, message: 'must not be blank' }]);
    await this.municipalities.requireIds(tx, agenda.flatMap((item, i) => item.municipalities.map((key, j) => ({ key, path: `input.agenda[${i}].municipalities[${j}]` }))));
    await this.taxonomy.assertKnown(tx, agenda.flatMap((item, i) => item.topics.map((key, j) => ({ key, path: `input.agenda[${i}].topics[${j}]` }))));
  }

  /** The municipality and event ids that were sent (null clears); unknown keys are BAD_USER_INPUT. */
  private async references(tx: RequestContext, input: Partial<CreateCaseStudy>): Promise<Partial<Pick<CaseStudyEntity, 'municipalityId' | 'eventId'>>> {
    const refs: Partial<Pick<CaseStudyEntity, 'municipalityId' | 'eventId'>> = {};
    if (input.municipality !== undefined) {
      refs.municipalityId = input.municipality === null ? null : (await this.municipalities.requireIds(tx, [{ key: input.municipality, path: 'input.municipality' }])).get(input.municipality)!;
    }
    if (input.event !== undefined) {
      const event = input.event === null ? null : await this.db.getRepository(tx, EventEntity).findOneBy({ key: input.event });
      if (input.event !== null && !event) throw unknownReferences('event', [{ key: input.event, path: 'input.event' }]);
      refs.eventId = event?.id ?? null;
    }
    return refs;
  }

  private async caseStudySnapshot(tx: RequestContext, id: string): Promise<{ caseStudy: CaseStudyEntity; municipality: string | null; event: string | null; topics: string[] }> {
    const caseStudy = await this.db.getRepository(tx, CaseStudyEntity).findOneByOrFail({ id });
    const municipality = caseStudy.municipalityId ? await this.db.getRepository(tx, MunicipalityEntity).findOneBy({ id: caseStudy.municipalityId }) : null;
    const event = caseStudy.eventId ? await this.db.getRepository(tx, EventEntity).findOneBy({ id: caseStudy.eventId }) : null;
    const topics = (await topicKeysOf(this.db, tx, CaseStudyTopicEntity, 'caseStudyId', [id])).get(id) ?? [];
    return { caseStudy, municipality: municipality?.key ?? null, event: event?.key ?? null, topics };
  }
}
