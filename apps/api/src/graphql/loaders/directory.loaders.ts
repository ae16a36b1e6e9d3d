import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  ExpertiseService,
  KnowledgeQueryService,
  MunicipalityQueryService,
  NeedQueryService,
  PartnershipQueryService,
  TaxonomyService,
  type CaseStudyEntity,
  type EventEntity,
  type ExpertiseEntity,
  type MunicipalityEntity,
  type NeedEntity,
  type PartnershipEntity,
  type PartnershipMemberEntity,
  type PartnershipOutcomeEntity,
  type TopicEntity,
} from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';

/** Per-request batching of every directory relation: one SQL statement per batch. */
export interface DirectoryLoaders {
  municipality: DataLoader<string, MunicipalityEntity | null>;
  topic: DataLoader<string, TopicEntity | null>;
  expertiseOfMunicipality: DataLoader<string, ExpertiseEntity[]>;
  needsOfMunicipality: DataLoader<string, NeedEntity[]>;
  partnershipsOfMunicipality: DataLoader<string, PartnershipEntity[]>;
  caseStudiesOfMunicipality: DataLoader<string, CaseStudyEntity[]>;
  need: DataLoader<string, NeedEntity | null>;
  topicKeysOfNeed: DataLoader<string, string[]>;
  partnership: DataLoader<string, PartnershipEntity | null>;
  membersOfPartnership: DataLoader<string, PartnershipMemberEntity[]>;
  outcomesOfPartnership: DataLoader<string, PartnershipOutcomeEntity[]>;
  topicKeysOfPartnership: DataLoader<string, string[]>;
  caseStudy: DataLoader<string, CaseStudyEntity | null>;
  topicKeysOfCaseStudy: DataLoader<string, string[]>;
  event: DataLoader<string, EventEntity | null>;
  caseStudiesOfEvent: DataLoader<string, CaseStudyEntity[]>;
}

type Batch<V> = (ctx: RequestContext, ids: readonly string[]) => Promise<Map<string, V>>;

/**
 * Makes a fresh set of loaders for each GraphQL request (built in the Apollo context), so cached
 * rows never outlive the request or leak between actors. `ctxOf` is read when a batch runs —
 * after the guard has put the actor on the request.
 */
@Injectable()
export class DirectoryLoaderFactory {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly municipalities: MunicipalityQueryService,
    private readonly expertise: ExpertiseService,
    private readonly needs: NeedQueryService,
    private readonly partnerships: PartnershipQueryService,
    private readonly knowledge: KnowledgeQueryService,
  ) {}

  create(ctxOf: () => RequestContext): DirectoryLoaders {
    const one = <V>(batch: Batch<V>) =>
      new DataLoader<string, V | null>(async (ids) => {
        const found = await batch(ctxOf(), ids);
        return ids.map((id) => found.get(id) ?? null);
      });
    const many = <V>(batch: Batch<V[]>) =>
      new DataLoader<string, V[]>(async (ids) => {
        const found = await batch(ctxOf(), ids);
        return ids.map((id) => found.get(id) ?? []);
      });
    // The whole taxonomy is one small statement: read it at most once per request.
    let topics: Promise<Map<string, TopicEntity>> | undefined;
    const allTopics = async (ctx: RequestContext) => (topics ??= this.taxonomy.list(ctx).then((list) => new Map(list.map((t) => [t.key, t]))));

    return {
      municipality: one((ctx, ids) => this.municipalities.byIds(ctx, ids)),
      topic: one((ctx) => allTopics(ctx)),
      expertiseOfMunicipality: many((ctx, ids) => this.expertise.byMunicipalityIds(ctx, ids)),
      needsOfMunicipality: many((ctx, ids) => this.needs.byMunicipalityIds(ctx, ids)),
      partnershipsOfMunicipality: many((ctx, ids) => this.partnerships.byMunicipalityIds(ctx, ids)),
      caseStudiesOfMunicipality: many((ctx, ids) => this.knowledge.caseStudiesByMunicipalityIds(ctx, ids)),
      need: one((ctx, ids) => this.needs.byIds(ctx, ids)),
      topicKeysOfNeed: many((ctx, ids) => this.needs.topicKeysByNeedIds(ctx, ids)),
      partnership: one((ctx, ids) => this.partnerships.byIds(ctx, ids)),
      membersOfPartnership: many((ctx, ids) => this.partnerships.membersByPartnershipIds(ctx, ids)),
      outcomesOfPartnership: many((ctx, ids) => this.partnerships.outcomesByPartnershipIds(ctx, ids)),
      topicKeysOfPartnership: many((ctx, ids) => this.partnerships.topicKeysByPartnershipIds(ctx, ids)),
      caseStudy: one((ctx, ids) => this.knowledge.caseStudiesByIds(ctx, ids)),
      topicKeysOfCaseStudy: many((ctx, ids) => this.knowledge.topicKeysByCaseStudyIds(ctx, ids)),
      event: one((ctx, ids) => this.knowledge.eventsByIds(ctx, ids)),
      caseStudiesOfEvent: many((ctx, ids) => this.knowledge.caseStudiesByEventIds(ctx, ids)),
    };
  }
}

/** Entities of `keys` from a loader, in order, skipping any that no longer exist. */
export async function loadAll<V>(loader: DataLoader<string, V | null>, keys: readonly string[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  return values.filter((v): v is V => v !== null && !(v instanceof Error));
}
