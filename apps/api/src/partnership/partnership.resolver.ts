import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CalendarService, isPastEnd, PartnershipCommandService, PartnershipQueryService } from '@kakehashi/directory';
import { ConfirmInput } from '../graphql/confirm.input';
import { pageRequest, Role, type RequestContext } from '@kakehashi/kernel';
import { toConnection, type ConnectionShape } from '../graphql/connection';
import { Freshness, PartnershipStatus } from '../graphql/directory.enums';
import { loadAll, type DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { Allow, Public } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { toTopicModel } from '../topic/topic.mapper';
import { TopicModel } from '../topic/topic.model';
import { PartnershipsArgs } from './partnership.args';
import { CreatePartnershipInput, UndoStatusChangeInput, UpdatePartnershipInput } from './partnership.input';
import { toPartnershipMemberModel, toPartnershipModel, toPartnershipOutcomeModel } from './partnership.mapper';
import { PartnershipConnection, PartnershipMemberModel, PartnershipModel, PartnershipOutcomeModel } from './partnership.model';

@Resolver(() => PartnershipModel)
export class PartnershipResolver {
  constructor(
    private readonly queries: PartnershipQueryService,
    private readonly commands: PartnershipCommandService,
    private readonly calendar: CalendarService,
  ) {}

  @Public()
  @Query(() => PartnershipModel, { nullable: true, description: 'The partnership with this key, or null.' })
  async partnership(@Ctx() ctx: RequestContext, @Args('key') key: string): Promise<PartnershipModel | null> {
    const found = await this.queries.findByKey(ctx, key);
    return found && toPartnershipModel(found);
  }

  @Public()
  @Query(() => PartnershipConnection, { description: 'Partnerships matching the filter, by key.' })
  async partnerships(@Ctx() ctx: RequestContext, @Args() args: PartnershipsArgs): Promise<ConnectionShape<PartnershipModel>> {
    return toConnection(await this.queries.list(ctx, args.filter, pageRequest(args.first, args.after)), toPartnershipModel);
  }

  @ResolveField(() => Freshness, { description: 'CURRENT, AGING or STALE by lastConfirmedOn (thresholds in config).' })
  freshness(@Parent() r: PartnershipModel): Freshness {
    return this.calendar.freshness(r.lastConfirmedOn);
  }

  @ResolveField(() => Boolean, { description: 'ACTIVE although its end year is over: complete it, or move its end.' })
  pastEnd(@Parent() p: PartnershipModel): boolean {
    return isPastEnd(p, this.calendar.today());
  }

  @ResolveField(() => [PartnershipMemberModel], { description: 'In their recorded order.' })
  async members(@Parent() p: PartnershipModel, @Loaders() loaders: DirectoryLoaders): Promise<PartnershipMemberModel[]> {
    return (await loaders.membersOfPartnership.load(p.id)).map(toPartnershipMemberModel);
  }

  @ResolveField(() => [TopicModel])
  async topics(@Parent() p: PartnershipModel, @Loaders() loaders: DirectoryLoaders): Promise<TopicModel[]> {
    return (await loadAll(loaders.topic, await loaders.topicKeysOfPartnership.load(p.id))).map(toTopicModel);
  }

  @ResolveField(() => [PartnershipOutcomeModel])
  async outcomes(@Parent() p: PartnershipModel, @Loaders() loaders: DirectoryLoaders): Promise<PartnershipOutcomeModel[]> {
    return (await loaders.outcomesOfPartnership.load(p.id)).map(toPartnershipOutcomeModel);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => PartnershipModel)
  async createPartnership(@Ctx() ctx: RequestContext, @Args('input') input: CreatePartnershipInput): Promise<PartnershipModel> {
    return toPartnershipModel(await this.commands.create(ctx, input));
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => PartnershipModel, { description: 'Changes everything but the status (see changePartnershipStatus).' })
  async updatePartnership(@Ctx() ctx: RequestContext, @Args('input') input: UpdatePartnershipInput): Promise<PartnershipModel> {
    return toPartnershipModel(await this.commands.update(ctx, input));
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: of a member municipality (row check in the service)
  @Mutation(() => PartnershipModel, {
    description:
      'PROPOSED → AGREED → ACTIVE → COMPLETED; DORMANT can wake; CANCELLED until completion. Others: BAD_USER_INPUT (INVALID_TRANSITION). A partnership of several members is cancelled by a coordinator only (FORBIDDEN, SHARED_PARTNERSHIP).',
  })
  async changePartnershipStatus(
    @Ctx() ctx: RequestContext,
    @Args('key') key: string,
    @Args('status', { type: () => PartnershipStatus }) status: PartnershipStatus,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<PartnershipModel> {
    return toPartnershipModel(await this.commands.changeStatus(ctx, key, status, version));
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => PartnershipModel, {
    description:
      'Undoes the last status change (even into or out of a final state): the status returns to what it was before it. Undoing an undo redoes it. Audited as undo-status-change. Nothing to undo: BAD_USER_INPUT (NOTHING_TO_UNDO).',
  })
  async undoPartnershipStatusChange(@Ctx() ctx: RequestContext, @Args('input') input: UndoStatusChangeInput): Promise<PartnershipModel> {
    return toPartnershipModel(await this.commands.undoStatusChange(ctx, input.key, input.version));
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: of a member municipality (row check in the service)
  @Mutation(() => PartnershipModel, { description: 'The partnership is still as recorded: lastConfirmedOn becomes today, nothing else changes. Audited as confirm.' })
  async confirmPartnership(@Ctx() ctx: RequestContext, @Args('input') input: ConfirmInput): Promise<PartnershipModel> {
    return toPartnershipModel(await this.commands.confirm(ctx, input.key, input.version));
  }
}
