import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { KnowledgeCommandService, KnowledgeQueryService } from '@kakehashi/directory';
import { Role, type RequestContext } from '@kakehashi/kernel';
import { loadAll, type DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { Allow, Public } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { MunicipalityModel } from '../municipality/municipality.model';
import { toMunicipalityModel } from '../municipality/municipality.mapper';
import { toTopicModel } from '../topic/topic.mapper';
import { TopicModel } from '../topic/topic.model';
import { CaseStudyModel, EventModel } from './case-study.model';
import { CreateCaseStudyInput, UpdateCaseStudyInput } from './knowledge.input';
import { toCaseStudyModel, toEventModel } from './knowledge.mapper';

@Resolver(() => CaseStudyModel)
export class CaseStudyResolver {
  constructor(
    private readonly queries: KnowledgeQueryService,
    private readonly commands: KnowledgeCommandService,
  ) {}

  @Public()
  @Query(() => CaseStudyModel, { nullable: true, description: 'The case study with this key, or null.' })
  async caseStudy(@Ctx() ctx: RequestContext, @Args('key') key: string): Promise<CaseStudyModel | null> {
    const found = await this.queries.caseStudyByKey(ctx, key);
    return found && toCaseStudyModel(found);
  }

  @ResolveField(() => MunicipalityModel, { nullable: true, description: 'Who presented it.' })
  async municipality(@Parent() c: CaseStudyModel, @Loaders() loaders: DirectoryLoaders): Promise<MunicipalityModel | null> {
    const found = c.municipalityId ? await loaders.municipality.load(c.municipalityId) : null;
    return found && toMunicipalityModel(found);
  }

  @ResolveField(() => EventModel, { nullable: true, description: 'Where it was presented.' })
  async event(@Parent() c: CaseStudyModel, @Loaders() loaders: DirectoryLoaders): Promise<EventModel | null> {
    const found = c.eventId ? await loaders.event.load(c.eventId) : null;
    return found && toEventModel(found);
  }

  @ResolveField(() => [TopicModel])
  async topics(@Parent() c: CaseStudyModel, @Loaders() loaders: DirectoryLoaders): Promise<TopicModel[]> {
    return (await loadAll(loaders.topic, await loaders.topicKeysOfCaseStudy.load(c.id))).map(toTopicModel);
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: their own municipalities (row check in the service)
  @Mutation(() => CaseStudyModel)
  async createCaseStudy(@Ctx() ctx: RequestContext, @Args('input') input: CreateCaseStudyInput): Promise<CaseStudyModel> {
    return toCaseStudyModel(await this.commands.createCaseStudy(ctx, input));
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: their own municipalities (row check in the service)
  @Mutation(() => CaseStudyModel)
  async updateCaseStudy(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCaseStudyInput): Promise<CaseStudyModel> {
    return toCaseStudyModel(await this.commands.updateCaseStudy(ctx, input));
  }
}
