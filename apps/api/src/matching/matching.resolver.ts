import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConsortiumService, MentorSuggestionService, PairingPlanService, PartnerSuggestionService, PeerSuggestionService } from '@kakehashi/matching';
import { Role, type RequestContext } from '@kakehashi/kernel';
import type { DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { Allow, Public } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { toNeedModel } from '../need/need.mapper';
import { NeedModel } from '../need/need.model';
import { ConsortiumSuggestionsArgs, MunicipalitySuggestionsArgs, PartnerSuggestionsArgs } from './matching.args';
import { PairingPlanInput } from './matching.input';
import { toConsortiumAdviceModel, toConsortiumModel, toMentoringModel, toPairingPlanModel, toSuggestionModel } from './matching.mapper';
import { ConsortiumAdviceModel, ConsortiumSuggestionModel, MentoringModel, PairingPlanModel, PlannedPairModel, SuggestionModel, UnassignedNeedModel } from './matching.model';

@Resolver(() => SuggestionModel)
export class MatchingResolver {
  constructor(
    private readonly partners: PartnerSuggestionService,
    private readonly peers: PeerSuggestionService,
    private readonly mentors: MentorSuggestionService,
    private readonly consortia: ConsortiumService,
    private readonly pairing: PairingPlanService,
  ) {}

  @Public()
  @Query(() => [SuggestionModel], { description: 'Who could help with this need, best first, each with reasons and mismatches.' })
  async partnerSuggestions(@Ctx() ctx: RequestContext, @Args() args: PartnerSuggestionsArgs): Promise<SuggestionModel[]> {
    return (await this.partners.partnerSuggestions(ctx, args.needKey, args.first)).map(toSuggestionModel);
  }

  @Public()
  @Query(() => [SuggestionModel], { description: 'Horizontal connections: same challenges, complementary expertise, neighbours, shared partner countries and partners.' })
  async peerSuggestions(@Ctx() ctx: RequestContext, @Args() args: MunicipalitySuggestionsArgs): Promise<SuggestionModel[]> {
    return (await this.peers.peerSuggestions(ctx, args.municipalityKey, args.first)).map(toSuggestionModel);
  }

  @Public()
  @Query(() => [SuggestionModel], { description: 'For newcomers: experienced municipalities nearby, each with a staged first-steps pathway.' })
  async mentorSuggestions(@Ctx() ctx: RequestContext, @Args() args: MunicipalitySuggestionsArgs): Promise<SuggestionModel[]> {
    return (await this.mentors.mentorSuggestions(ctx, args.municipalityKey, args.first)).map(toSuggestionModel);
  }

  @Public()
  @Query(() => MentoringModel, { description: 'Who mentoring is for; for a newcomer its mentors nearby (with pathways), for anyone else why there are none; the agencies that facilitate.' })
  async mentoring(@Ctx() ctx: RequestContext, @Args() args: MunicipalitySuggestionsArgs): Promise<MentoringModel> {
    return toMentoringModel(await this.mentors.mentoring(ctx, args.municipalityKey, args.first));
  }

  @Public()
  @Query(() => ConsortiumAdviceModel, { description: 'Whether the need calls for a consortium (not for a single topic), why, and consortia of two or three members.' })
  async consortium(@Ctx() ctx: RequestContext, @Args() args: ConsortiumSuggestionsArgs): Promise<ConsortiumAdviceModel> {
    return toConsortiumAdviceModel(await this.consortia.consortium(ctx, args.needKey, args.size));
  }

  @Public()
  @Query(() => [ConsortiumSuggestionModel], { description: 'Up to `size` (≤ 3) municipalities, preferably neighbours, that together cover the need’s topics.' })
  async consortiumSuggestions(@Ctx() ctx: RequestContext, @Args() args: ConsortiumSuggestionsArgs): Promise<ConsortiumSuggestionModel[]> {
    return (await this.consortia.consortiumSuggestions(ctx, args.needKey, args.size)).map(toConsortiumModel);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Query(() => PairingPlanModel, { description: 'Coordinators: providers for open needs maximising the total score under capacity, compared with greedy.' })
  async pairingPlan(@Ctx() ctx: RequestContext, @Args('input', { nullable: true }) input?: PairingPlanInput): Promise<PairingPlanModel> {
    return toPairingPlanModel(await this.pairing.pairingPlan(ctx, input ?? {}));
  }
}

@Resolver(() => PlannedPairModel)
export class PlannedPairResolver {
  @ResolveField(() => NeedModel)
  async need(@Parent() p: PlannedPairModel, @Loaders() loaders: DirectoryLoaders): Promise<NeedModel> {
    return toNeedModel((await loaders.need.load(p.needId))!);
  }
}

@Resolver(() => UnassignedNeedModel)
export class UnassignedNeedResolver {
  @ResolveField(() => NeedModel)
  async need(@Parent() u: UnassignedNeedModel, @Loaders() loaders: DirectoryLoaders): Promise<NeedModel> {
    return toNeedModel((await loaders.need.load(u.needId))!);
  }
}
