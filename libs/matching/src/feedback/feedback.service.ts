import { Injectable } from '@nestjs/common';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { MunicipalityEntity, NeedEntity, NeedTopicEntity, PartnershipCommandService, RecordAccess, type CreatePartnership } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';
import { In } from 'typeorm';
import { MatchingErrors } from '../matching.errors';
import { DismissalEntity, IntroductionEntity, type DeclineReason, type DismissReason, type IntroductionStatus, type MatchList } from './feedback.entity';

export interface DismissInput {
  list: MatchList;
  /** PARTNER list: the need whose suggestion is dismissed. */
  needKey?: string | null;
  /** PEER and MENTOR lists: the municipality whose suggestion is dismissed. */
  municipalityKey?: string | null;
  candidateKey: string;
  reason: DismissReason;
  note?: string | null;
}

export interface IntroductionInput {
  list: MatchList;
  needKey?: string | null;
  municipalityKey?: string | null;
  candidateKey: string;
  message?: string | null;
}

export interface IntroductionFilter {
  /** Introductions this municipality asked for or was asked for. */
  municipalityKey?: string | null;
  status?: IntroductionStatus | null;
}

const MAX_INTRODUCTIONS = 200;

/**
 * Feedback on suggestions: dismissals (the candidate stops appearing for that actor; it counts
 * against it for others only when made by the need's own municipality or a coordinator) and introductions (requested by one side, accepted or declined by the
 * other; acceptance proposes a partnership). Acceptances and declines feed the ranking.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly partnerships: PartnershipCommandService,
    private readonly access: RecordAccess,
    private readonly audit: AuditService,
  ) {}

  /** Hides a candidate from one of the actor's lists (idempotent: dismissing again updates the reason). */
  async dismiss(ctx: RequestContext, input: DismissInput): Promise<DismissalEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const scope = await this.scope(tx, input);
      const candidate = await this.municipality(tx, input.candidateKey, 'candidateKey');
      const actorId = tx.actor!.id;
      // Anyone may hide a suggestion from their own list; only the need's (or subject's) own
      // municipality or a coordinator moves it for everyone else — a rival cannot.
      const countsForOthers = (await this.access.canEdit(tx, [scope.requesterId])).has(scope.requesterId);
      await this.db.manager(tx).query(
        `INSERT INTO match_dismissal (actor_id, list, need_id, subject_id, candidate_id, reason, note, counts_for_others)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (actor_id, list, coalesce(need_id, subject_id), candidate_id) DO UPDATE SET reason = EXCLUDED.reason, note = EXCLUDED.note, counts_for_others = EXCLUDED.counts_for_others`,
        [actorId, input.list, scope.needId, scope.subjectId, candidate.id, input.reason, input.note ?? null, countsForOthers],
      );
      const row = await this.db.getRepository(tx, DismissalEntity).findOneByOrFail({ actorId, list: input.list, candidateId: candidate.id, ...(scope.needId ? { needId: scope.needId } : { subjectId: scope.subjectId! }) });
      await this.audit.record(tx, { action: 'dismiss', entity: 'suggestion', key: `${input.list}:${scope.key}:${candidate.key}`, after: { reason: input.reason, note: input.note ?? null, countsForOthers } });
      return row;
    });
  }

  /** Undoes a dismissal of the actor's; true when there was one. */
  async restore(ctx: RequestContext, input: Omit<DismissInput, 'reason' | 'note'>): Promise<boolean> {
    return this.db.withTransaction(ctx, async (tx) => {
      const scope = await this.scope(tx, input);
      const candidate = await this.municipality(tx, input.candidateKey, 'candidateKey');
      const result = await this.db
        .getRepository(tx, DismissalEntity)
        .delete({ actorId: tx.actor!.id, list: input.list, candidateId: candidate.id, ...(scope.needId ? { needId: scope.needId } : { subjectId: scope.subjectId! }) });
      return (result.affected ?? 0) > 0;
    });
  }

  /** Asks that the requesting side (the need's municipality, or `municipalityKey`) be introduced to the candidate. */
  async requestIntroduction(ctx: RequestContext, input: IntroductionInput): Promise<IntroductionEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const scope = await this.scope(tx, input);
      const candidate = await this.municipality(tx, input.candidateKey, 'candidateKey');
      if (candidate.id === scope.requesterId) throw MatchingErrors.selfIntroduction();
      await this.access.assertCanEdit(tx, 'municipality', [{ key: scope.requesterKey, municipalityId: scope.requesterId }]);
      const repo = this.db.getRepository(tx, IntroductionEntity);
      const pending = await repo.findOneBy({ requesterId: scope.requesterId, candidateId: candidate.id, status: 'REQUESTED', ...(scope.needId ? { needId: scope.needId } : {}) });
      if (pending) throw MatchingErrors.introductionPending();
      const saved = await repo.save(
        repo.create({ list: input.list, needId: scope.needId, requesterId: scope.requesterId, candidateId: candidate.id, message: input.message ?? null, requestedBy: tx.actor!.id }),
      );
      await this.audit.record(tx, { action: 'request', entity: 'introduction', key: saved.id, after: { list: input.list, need: input.needKey ?? null, requester: scope.requesterKey, candidate: candidate.key } });
      return saved;
    });
  }

  /** The candidate's side accepts: a PROPOSED partnership between the two is created and linked. */
  async accept(ctx: RequestContext, id: string, note?: string | null): Promise<IntroductionEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const intro = await this.open(tx, id);
      const partnership = await this.partnerships.create(tx, await this.proposal(tx, intro));
      await this.answer(tx, intro, { status: 'ACCEPTED', responseNote: note ?? null, partnershipId: partnership.id });
      return this.db.getRepository(tx, IntroductionEntity).findOneByOrFail({ id });
    });
  }

  /** The candidate's side declines, with a reason (it counts against the candidate's ranking). */
  async decline(ctx: RequestContext, id: string, reason: DeclineReason, note?: string | null): Promise<IntroductionEntity> {
    return this.db.withTransaction(ctx, async (tx) => {
      const intro = await this.open(tx, id);
      await this.answer(tx, intro, { status: 'DECLINED', declineReason: reason, responseNote: note ?? null });
      return this.db.getRepository(tx, IntroductionEntity).findOneByOrFail({ id });
    });
  }

  /**
   * Introductions, newest first (at most 200), optionally of one municipality and status — those the
   * actor may see: all for coordinators, their own municipalities' for editors.
   */
  async introductions(ctx: RequestContext, filter: IntroductionFilter = {}): Promise<IntroductionEntity[]> {
    const qb = this.db.getRepository(ctx, IntroductionEntity).createQueryBuilder('i').orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'ASC').take(MAX_INTRODUCTIONS);
    if (filter.municipalityKey) {
      const m = await this.municipality(ctx, filter.municipalityKey, 'municipalityKey');
      qb.andWhere('(i.requester_id = :m OR i.candidate_id = :m)', { m: m.id });
    }
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    // Editors see only introductions their own municipalities asked for or were asked.
    const mine = await this.access.editableMunicipalityIds(ctx);
    if (mine !== 'ALL') qb.andWhere('(i.requester_id = ANY(:mine) OR i.candidate_id = ANY(:mine))', { mine });
    return qb.getMany();
  }

  /** Municipalities by id (for mapping introductions). */
  async municipalitiesById(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, MunicipalityEntity>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(ctx, MunicipalityEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((m) => [m.id, m]));
  }

  /** Needs by id (for mapping introductions). */
  async needsById(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, NeedEntity>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(ctx, NeedEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((n) => [n.id, n]));
  }

  private async municipality(ctx: RequestContext, key: string, path: string): Promise<MunicipalityEntity> {
    const m = await this.db.getRepository(ctx, MunicipalityEntity).findOneBy({ key });
    if (!m) throw MatchingErrors.notFoundAt('Municipality', key, path);
    return m;
  }

  /** Which list and whose: a need (partner list) or a municipality (peer and mentor lists). */
  private async scope(ctx: RequestContext, input: { list: MatchList; needKey?: string | null; municipalityKey?: string | null }) {
    if (input.list === 'PARTNER') {
      if (!input.needKey) throw MatchingErrors.missing('needKey', 'needKey is required for a partner suggestion');
      const need = await this.db.getRepository(ctx, NeedEntity).findOneBy({ key: input.needKey });
      if (!need) throw MatchingErrors.notFoundAt('Need', input.needKey, 'needKey');
      const owner = await this.db.getRepository(ctx, MunicipalityEntity).findOneByOrFail({ id: need.municipalityId });
      return { key: need.key, needId: need.id as string | null, subjectId: null as string | null, requesterId: owner.id, requesterKey: owner.key, need };
    }
    if (!input.municipalityKey) throw MatchingErrors.missing('municipalityKey', `municipalityKey is required for a ${input.list.toLowerCase()} suggestion`);
    const subject = await this.municipality(ctx, input.municipalityKey, 'municipalityKey');
    return { key: subject.key, needId: null as string | null, subjectId: subject.id as string | null, requesterId: subject.id, requesterKey: subject.key, need: null };
  }

  private async open(ctx: RequestContext, id: string): Promise<IntroductionEntity> {
    const intro = /^[0-9a-f-]{36}$/i.test(id) ? await this.db.getRepository(ctx, IntroductionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!intro) throw MatchingErrors.introductionNotFound(id);
    if (intro.status !== 'REQUESTED') throw MatchingErrors.introductionClosed(id, intro.status);
    await this.access.assertCanEdit(ctx, 'municipality', [{ key: 'candidate', municipalityId: intro.candidateId }]);
    return intro;
  }

  private async answer(ctx: RequestContext, intro: IntroductionEntity, values: Partial<IntroductionEntity>): Promise<void> {
    await this.db
      .getRepository(ctx, IntroductionEntity)
      .update({ id: intro.id, version: intro.version }, { ...values, respondedBy: ctx.actor!.id, respondedAt: new Date(), version: intro.version + 1 });
    await this.audit.record(ctx, { action: values.status === 'ACCEPTED' ? 'accept' : 'decline', entity: 'introduction', key: intro.id, after: values });
  }

  /** The partnership an accepted introduction proposes: who provides, who receives, on what. */
  private async proposal(ctx: RequestContext, intro: IntroductionEntity): Promise<CreatePartnership> {
    const sides = await this.municipalitiesById(ctx, [intro.requesterId, intro.candidateId]);
    const requester = sides.get(intro.requesterId)!;
    const candidate = sides.get(intro.candidateId)!;
    const need = intro.needId ? await this.db.getRepository(ctx, NeedEntity).findOneBy({ id: intro.needId }) : null;
    const topics = need ? (await this.db.getRepository(ctx, NeedTopicEntity).find({ where: { needId: need.id }, order: { position: 'ASC' } })).map((t) => t.topicKey) : [];
    const peer = intro.list === 'PEER';
    const year = new Date().getUTCFullYear();
    return {
      key: await this.freeKey(ctx, `${candidate.key}-${requester.key}-${year}`.slice(0, 90)),
      title: need ? need.title : peer ? `Peer exchange: ${requester.name} and ${candidate.name}` : `First steps: ${requester.name} with ${candidate.name}`,
      scheme: need?.schemes[0] ?? null,
      startYear: year,
      summary: `Proposed through an introduction accepted on ${new Date().toISOString().slice(0, 10)}.${intro.message ? ` Request: ${intro.message}` : ''}`,
      topics: topics.length ? topics : intro.list === 'MENTOR' ? ['cooperation.project-formation'] : [],
      members: peer
        ? [
            { municipality: requester.key, role: 'PEER' },
            { municipality: candidate.key, role: 'PEER' },
          ]
        : [
            { municipality: candidate.key, role: 'PROVIDER' },
            { municipality: requester.key, role: 'RECIPIENT' },
          ],
      status: 'PROPOSED',
    };
  }

  private async freeKey(ctx: RequestContext, base: string): Promise<string> {
    const taken = new Set(
      ((await this.db.manager(ctx).query(`SELECT key FROM partnership WHERE key = $1 OR key LIKE $2`, [base, `${base}-%`])) as { key: string }[]).map((r) => r.key),
    );
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
  }
}

