import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { KnowledgeCommandService, KnowledgeQueryService } from '@kakehashi/directory';
import { Role, type RequestContext } from '@kakehashi/kernel';
import type { DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { Allow, Public } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { CaseStudyModel, EventModel } from './case-study.model';
import { CreateEventInput, UpdateEventInput } from './knowledge.input';
import { toCaseStudyModel, toEventModel } from './knowledge.mapper';

@Resolver(() => EventModel)
export class EventResolver {
  constructor(
    private readonly queries: KnowledgeQueryService,
    private readonly commands: KnowledgeCommandService,
  ) {}

  @Public()
  @Query(() => EventModel, { nullable: true, description: 'The event with this key, or null.' })
  async event(@Ctx() ctx: RequestContext, @Args('key') key: string): Promise<EventModel | null> {
    const found = await this.queries.eventByKey(ctx, key);
    return found && toEventModel(found);
  }

  @ResolveField(() => [CaseStudyModel], { description: 'Case studies presented there.' })
  async caseStudies(@Parent() e: EventModel, @Loaders() loaders: DirectoryLoaders): Promise<CaseStudyModel[]> {
    return (await loaders.caseStudiesOfEvent.load(e.id)).map(toCaseStudyModel);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => EventModel)
  async createEvent(@Ctx() ctx: RequestContext, @Args('input') input: CreateEventInput): Promise<EventModel> {
    return toEventModel(await this.commands.createEvent(ctx, input));
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => EventModel)
  async updateEvent(@Ctx() ctx: RequestContext, @Args('input') input: UpdateEventInput): Promise<EventModel> {
    return toEventModel(await this.commands.updateEvent(ctx, input));
  }
}
