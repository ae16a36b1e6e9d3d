import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CalendarService, effectiveNeedStatus, NeedCommandService, NeedQueryService, type EffectiveNeedStatus } from '@kakehashi/directory';
import { pageRequest, Role, type RequestContext } from '@kakehashi/kernel';
import { toConnection, type ConnectionShape } from '../graphql/connection';
import { loadAll, type DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { Allow, Public } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { Freshness, NeedStatus } from '../graphql/directory.enums';
import { ConfirmInput } from '../graphql/confirm.input';
import { MunicipalityModel } from '../municipality/municipality.model';
import { toMunicipalityModel } from '../municipality/municipality.mapper';
import { toTopicModel } from '../topic/topic.mapper';
import { TopicModel } from '../topic/topic.model';
import { NeedsArgs } from './need.args';
import { CreateNeedInput, ExtendNeedInput, ReopenNeedInput, UpdateNeedInput } from './need.input';
import { toNeedModel } from './need.mapper';
import { NeedConnection, NeedModel } from './need.model';

@Resolver(() => NeedModel)
export class NeedResolver {
  constructor(
    private readonly queries: NeedQueryService,
    private readonly commands: NeedCommandService,
    private readonly calendar: CalendarService,
  ) {}

  @Public()
  @Query(() => NeedModel, { nullable: true, description: 'The need with this key, or null.' })
  async need(@Ctx() ctx: RequestContext, @Args('key') key: string): Promise<NeedModel | null> {
    const found = await this.queries.findByKey(ctx, key);
    return found && toNeedModel(found);
  }

  @Public()
  @Query(() => NeedConnection, { description: 'Needs matching the filter, by key.' })
  async needs(@Ctx() ctx: RequestContext, @Args() args: NeedsArgs): Promise<ConnectionShape<NeedModel>> {
    return toConnection(await this.queries.list(ctx, args.filter, pageRequest(args.first, args.after)), toNeedModel);
  }

  @ResolveField(() => NeedStatus, { description: 'As the need reads today: EXPIRED once an open need’s expiresOn has passed.' })
  status(@Parent() n: NeedModel): EffectiveNeedStatus {
    return effectiveNeedStatus({ status: n.recordedStatus, expiresOn: n.expiresOn }, this.calendar.today());
  }

  @ResolveField(() => Freshness, { description: 'CURRENT, AGING or STALE by lastConfirmedOn (thresholds in config).' })
  freshness(@Parent() r: NeedModel): Freshness {
    return this.calendar.freshness(r.lastConfirmedOn);
  }

  @ResolveField(() => MunicipalityModel, { description: 'Who has the need.' })
  async municipality(@Parent() n: NeedModel, @Loaders() loaders: DirectoryLoaders): Promise<MunicipalityModel> {
    return toMunicipalityModel((await loaders.municipality.load(n.municipalityId))!);
  }

  @ResolveField(() => [TopicModel], { description: 'Most relevant first.' })
  async topics(@Parent() n: NeedModel, @Loaders() loaders: DirectoryLoaders): Promise<TopicModel[]> {
    return (await loadAll(loaders.topic, await loaders.topicKeysOfNeed.load(n.id))).map(toTopicModel);
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: their own municipalities (row check in the service)
  @Mutation(() => NeedModel)
  async createNeed(@Ctx() ctx: RequestContext, @Args('input') input: CreateNeedInput): Promise<NeedModel> {
    return toNeedModel(await this.commands.create(ctx, input));
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: their own municipalities (row check in the service)
  @Mutation(() => NeedModel)
  async updateNeed(@Ctx() ctx: RequestContext, @Args('input') input: UpdateNeedInput): Promise<NeedModel> {
    return toNeedModel(await this.commands.update(ctx, input));
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: their own municipalities (row check in the service)
  @Mutation(() => NeedModel, { description: 'Moves an open need’s last day (expired or not); audited as extend.' })
  async extendNeed(@Ctx() ctx: RequestContext, @Args('input') input: ExtendNeedInput): Promise<NeedModel> {
    return toNeedModel(await this.commands.extend(ctx, input));
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: their own municipalities (row check in the service)
  @Mutation(() => NeedModel, { description: 'Opens an expired, matched or closed need again; audited as reopen.' })
  async reopenNeed(@Ctx() ctx: RequestContext, @Args('input') input: ReopenNeedInput): Promise<NeedModel> {
    return toNeedModel(await this.commands.reopen(ctx, input));
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: their own municipalities (row check in the service)
  @Mutation(() => NeedModel, { description: 'The need is still wanted as it stands: lastConfirmedOn becomes today, nothing else changes. Audited as confirm.' })
  async confirmNeed(@Ctx() ctx: RequestContext, @Args('input') input: ConfirmInput): Promise<NeedModel> {
    return toNeedModel(await this.commands.confirm(ctx, input.key, input.version));
  }
}
