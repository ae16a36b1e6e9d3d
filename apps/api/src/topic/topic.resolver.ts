import { Query, Resolver } from '@nestjs/graphql';
import { TaxonomyService } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';
import { Public } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { toTopicModel } from './topic.mapper';
import { TopicModel } from './topic.model';

@Resolver(() => TopicModel)
export class TopicResolver {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @Public()
  @Query(() => [TopicModel], { description: 'The whole taxonomy, domains before their topics.' })
  async topics(@Ctx() ctx: RequestContext): Promise<TopicModel[]> {
    return (await this.taxonomy.list(ctx)).map(toTopicModel);
  }
}
