import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ExpertiseService } from '@kakehashi/directory';
import { Role, type RequestContext } from '@kakehashi/kernel';
import type { DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { Allow } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { MunicipalityModel } from '../municipality/municipality.model';
import { toMunicipalityModel } from '../municipality/municipality.mapper';
import { toTopicModel } from '../topic/topic.mapper';
import { TopicModel } from '../topic/topic.model';
import { SetExpertiseInput } from './expertise.input';
import { toExpertiseModel } from './expertise.mapper';
import { ExpertiseModel } from './expertise.model';

@Resolver(() => ExpertiseModel)
export class ExpertiseResolver {
  constructor(private readonly expertise: ExpertiseService) {}

  @ResolveField(() => TopicModel)
  async topic(@Parent() e: ExpertiseModel, @Loaders() loaders: DirectoryLoaders): Promise<TopicModel> {
    return toTopicModel((await loaders.topic.load(e.topicKey))!);
  }

  @ResolveField(() => MunicipalityModel)
  async municipality(@Parent() e: ExpertiseModel, @Loaders() loaders: DirectoryLoaders): Promise<MunicipalityModel> {
    return toMunicipalityModel((await loaders.municipality.load(e.municipalityId))!);
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: their own municipalities (row check in the service)
  @Mutation(() => ExpertiseModel, { description: 'Creates or replaces what a municipality offers on one topic.' })
  async setExpertise(@Ctx() ctx: RequestContext, @Args('input') input: SetExpertiseInput): Promise<ExpertiseModel> {
    return toExpertiseModel(await this.expertise.set(ctx, input));
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: their own municipalities (row check in the service)
  @Mutation(() => Boolean)
  async removeExpertise(@Ctx() ctx: RequestContext, @Args('municipality') municipality: string, @Args('topic') topic: string): Promise<boolean> {
    await this.expertise.remove(ctx, municipality, topic);
    return true;
  }
}
