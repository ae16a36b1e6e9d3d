import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FeedbackService } from '@kakehashi/matching';
import { Role, type RequestContext } from '@kakehashi/kernel';
import type { DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { Allow } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { toMunicipalityModel } from '../municipality/municipality.mapper';
import { MunicipalityModel } from '../municipality/municipality.model';
import { toNeedModel } from '../need/need.mapper';
import { NeedModel } from '../need/need.model';
import { toPartnershipModel } from '../partnership/partnership.mapper';
import { PartnershipModel } from '../partnership/partnership.model';
import { IntroductionStatus } from './matching.enums';
import { AcceptIntroductionInput, DeclineIntroductionInput, DismissSuggestionInput, RequestIntroductionInput, SuggestionRefInput } from './matching.input';
import { toDismissalModel, toIntroductionModel } from './matching.mapper';
import { DismissalModel, IntroductionModel } from './matching.model';

/** Feedback on suggestions: dismissals and introductions. Row-level checks live in the service. */
@Resolver(() => IntroductionModel)
export class IntroductionResolver {
  constructor(private readonly feedback: FeedbackService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.EDITOR)
  @Mutation(() => DismissalModel, { description: 'Hide a suggestion from your list, with a reason; it also counts against the candidate for others.' })
  async dismissSuggestion(@Ctx() ctx: RequestContext, @Args('input') input: DismissSuggestionInput): Promise<DismissalModel> {
    return toDismissalModel(await this.feedback.dismiss(ctx, input), input.candidateKey);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.EDITOR)
  @Mutation(() => Boolean, { description: 'Undo your dismissal of a suggestion; false when there was none.' })
  async restoreSuggestion(@Ctx() ctx: RequestContext, @Args('input') input: SuggestionRefInput): Promise<boolean> {
    return this.feedback.restore(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.EDITOR)
  @Mutation(() => IntroductionModel, { description: 'Ask that the need’s municipality (or municipalityKey) be introduced to the candidate.' })
  async requestIntroduction(@Ctx() ctx: RequestContext, @Args('input') input: RequestIntroductionInput): Promise<IntroductionModel> {
    return toIntroductionModel(await this.feedback.requestIntroduction(ctx, input));
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.EDITOR)
  @Mutation(() => IntroductionModel, { description: 'The candidate’s side accepts: a PROPOSED partnership between the two is created.' })
  async acceptIntroduction(@Ctx() ctx: RequestContext, @Args('input') input: AcceptIntroductionInput): Promise<IntroductionModel> {
    return toIntroductionModel(await this.feedback.accept(ctx, input.id, input.note));
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.EDITOR)
  @Mutation(() => IntroductionModel, { description: 'The candidate’s side declines, with a reason.' })
  async declineIntroduction(@Ctx() ctx: RequestContext, @Args('input') input: DeclineIntroductionInput): Promise<IntroductionModel> {
    return toIntroductionModel(await this.feedback.decline(ctx, input.id, input.reason, input.note));
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.EDITOR)
  @Query(() => [IntroductionModel], { description: 'Introductions, newest first (at most 200), of one municipality (asked or asking) and status.' })
  async introductions(
    @Ctx() ctx: RequestContext,
    @Args('municipalityKey', { type: () => String, nullable: true }) municipalityKey?: string | null,
    @Args('status', { type: () => IntroductionStatus, nullable: true }) status?: IntroductionStatus | null,
  ): Promise<IntroductionModel[]> {
    return (await this.feedback.introductions(ctx, { municipalityKey, status })).map(toIntroductionModel);
  }

  @ResolveField(() => MunicipalityModel, { description: 'The side that asked.' })
  async requester(@Parent() i: IntroductionModel, @Loaders() loaders: DirectoryLoaders): Promise<MunicipalityModel> {
    return toMunicipalityModel((await loaders.municipality.load(i.requesterId))!);
  }

  @ResolveField(() => MunicipalityModel, { description: 'The side asked.' })
  async candidate(@Parent() i: IntroductionModel, @Loaders() loaders: DirectoryLoaders): Promise<MunicipalityModel> {
    return toMunicipalityModel((await loaders.municipality.load(i.candidateId))!);
  }

  @ResolveField(() => NeedModel, { nullable: true })
  async need(@Parent() i: IntroductionModel, @Loaders() loaders: DirectoryLoaders): Promise<NeedModel | null> {
    const n = i.needId ? await loaders.need.load(i.needId) : null;
    return n ? toNeedModel(n) : null;
  }

  @ResolveField(() => PartnershipModel, { nullable: true, description: 'The PROPOSED partnership an acceptance created.' })
  async partnership(@Parent() i: IntroductionModel, @Loaders() loaders: DirectoryLoaders): Promise<PartnershipModel | null> {
    const p = i.partnershipId ? await loaders.partnership.load(i.partnershipId) : null;
    return p ? toPartnershipModel(p) : null;
  }
}
