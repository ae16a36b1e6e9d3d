import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SearchService } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';
import type { DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { Public } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { CaseStudyModel } from '../knowledge/case-study.model';
import { toCaseStudyModel } from '../knowledge/knowledge.mapper';
import { MunicipalityModel } from '../municipality/municipality.model';
import { toMunicipalityModel } from '../municipality/municipality.mapper';
import { NeedModel } from '../need/need.model';
import { toNeedModel } from '../need/need.mapper';
import { PartnershipModel } from '../partnership/partnership.model';
import { toPartnershipModel } from '../partnership/partnership.mapper';
import { SearchArgs } from './search.args';
import { SearchHitModel } from './search-hit.model';

@Resolver(() => SearchHitModel)
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Public()
  @Query(() => [SearchHitModel], { description: 'Municipalities, needs, partnerships and case studies matching the text, best first.' })
  async search(@Ctx() ctx: RequestContext, @Args() args: SearchArgs): Promise<SearchHitModel[]> {
    return (await this.searchService.search(ctx, args.text, args.first)).map((hit) => Object.assign(new SearchHitModel(), hit));
  }

  @ResolveField(() => MunicipalityModel, { nullable: true, description: 'Set when kind is MUNICIPALITY.' })
  async municipality(@Parent() hit: SearchHitModel, @Loaders() loaders: DirectoryLoaders): Promise<MunicipalityModel | null> {
    const found = hit.kind === 'MUNICIPALITY' ? await loaders.municipality.load(hit.id) : null;
    return found && toMunicipalityModel(found);
  }

  @ResolveField(() => NeedModel, { nullable: true, description: 'Set when kind is NEED.' })
  async need(@Parent() hit: SearchHitModel, @Loaders() loaders: DirectoryLoaders): Promise<NeedModel | null> {
    const found = hit.kind === 'NEED' ? await loaders.need.load(hit.id) : null;
    return found && toNeedModel(found);
  }

  @ResolveField(() => PartnershipModel, { nullable: true, description: 'Set when kind is PARTNERSHIP.' })
  async partnership(@Parent() hit: SearchHitModel, @Loaders() loaders: DirectoryLoaders): Promise<PartnershipModel | null> {
    const found = hit.kind === 'PARTNERSHIP' ? await loaders.partnership.load(hit.id) : null;
    return found && toPartnershipModel(found);
  }

  @ResolveField(() => CaseStudyModel, { nullable: true, description: 'Set when kind is CASE_STUDY.' })
  async caseStudy(@Parent() hit: SearchHitModel, @Loaders() loaders: DirectoryLoaders): Promise<CaseStudyModel | null> {
    const found = hit.kind === 'CASE_STUDY' ? await loaders.caseStudy.load(hit.id) : null;
    return found && toCaseStudyModel(found);
  }
}
