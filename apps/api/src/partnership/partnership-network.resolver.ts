import { Query, Resolver } from '@nestjs/graphql';
import { PartnershipNetworkService } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';
import { Public } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { PartnershipNetworkModel } from './partnership-network.model';

@Resolver(() => PartnershipNetworkModel)
export class PartnershipNetworkResolver {
  constructor(private readonly network: PartnershipNetworkService) {}

  @Public()
  @Query(() => PartnershipNetworkModel, { description: 'Every place (with coordinates and expertise topics) and every partnership (scheme, topics, members) in one bounded answer: the map and the network views.' })
  async partnershipNetwork(@Ctx() ctx: RequestContext): Promise<PartnershipNetworkModel> {
    return this.network.network(ctx);
  }
}
