import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { MunicipalityModel } from '../municipality/municipality.model';
import { toMunicipalityModel } from '../municipality/municipality.mapper';
import { PartnershipMemberModel } from './partnership.model';

@Resolver(() => PartnershipMemberModel)
export class PartnershipMemberResolver {
  @ResolveField(() => MunicipalityModel)
  async municipality(@Parent() m: PartnershipMemberModel, @Loaders() loaders: DirectoryLoaders): Promise<MunicipalityModel> {
    return toMunicipalityModel((await loaders.municipality.load(m.municipalityId))!);
  }
}
