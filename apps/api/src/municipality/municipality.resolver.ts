import { Args, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CalendarService, MunicipalityCommandService, MunicipalityQueryService } from '@kakehashi/directory';
import { ConfirmInput } from '../graphql/confirm.input';
import { Freshness } from '../graphql/directory.enums';
import { pageRequest, Role, type RequestContext } from '@kakehashi/kernel';
import { toConnection, type ConnectionShape } from '../graphql/connection';
import type { DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { Allow, Public } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { selectedFieldNames } from '../graphql/selection';
import { ExpertiseModel } from '../expertise/expertise.model';
import { toExpertiseModel } from '../expertise/expertise.mapper';
import { CaseStudyModel } from '../knowledge/case-study.model';
import { toCaseStudyModel } from '../knowledge/knowledge.mapper';
import { NeedModel } from '../need/need.model';
import { toNeedModel } from '../need/need.mapper';
import { PartnershipModel } from '../partnership/partnership.model';
import { toPartnershipModel } from '../partnership/partnership.mapper';
import { MunicipalitiesArgs } from './municipality.args';
import { CreateMunicipalityInput, UpdateMunicipalityInput } from './municipality.input';
import { toMunicipalityModel } from './municipality.mapper';
import { MunicipalityConnection, MunicipalityFacetsModel, MunicipalityModel } from './municipality.model';

@Resolver(() => MunicipalityModel)
export class MunicipalityResolver {
  constructor(
    private readonly queries: MunicipalityQueryService,
    private readonly commands: MunicipalityCommandService,
    private readonly calendar: CalendarService,
  ) {}

  @Public()
  @Query(() => MunicipalityModel, { nullable: true, description: 'The municipality with this key, or null.' })
  async municipality(@Ctx() ctx: RequestContext, @Args('key') key: string): Promise<MunicipalityModel | null> {
    const found = await this.queries.findByKey(ctx, key);
    return found && toMunicipalityModel(found);
  }

  @Public()
  @Query(() => MunicipalityConnection, { description: 'Municipalities matching the filter, by key.' })
  async municipalities(
    @Ctx() ctx: RequestContext,
    @Args() args: MunicipalitiesArgs,
    @Info() info: GraphQLResolveInfo,
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<ConnectionShape<MunicipalityModel>> {
    // Look-ahead: expertise and needs the selection asks for come with the page, in its statement,
    // and wait in this request's loaders for the field resolvers below.
    const node = selectedFieldNames(info, ['edges', 'node']);
    const page = await this.queries.list(ctx, args.filter, pageRequest(args.first, args.after), { expertise: node.has('expertise'), needs: node.has('needs') });
    for (const [id, rows] of page.expertise ?? []) loaders.expertiseOfMunicipality.prime(id, rows);
    for (const [id, rows] of page.needs ?? []) loaders.needsOfMunicipality.prime(id, rows);
    return toConnection(page, toMunicipalityModel);
  }

  @Public()
  @Query(() => MunicipalityFacetsModel, { description: 'Countries and regions of the directory with their counts, for filters.' })
  async municipalityFacets(@Ctx() ctx: RequestContext): Promise<MunicipalityFacetsModel> {
    return this.queries.facets(ctx);
  }

  @ResolveField(() => Freshness, { description: 'CURRENT, AGING or STALE by lastConfirmedOn (thresholds in config).' })
  freshness(@Parent() r: MunicipalityModel): Freshness {
    return this.calendar.freshness(r.lastConfirmedOn);
  }

  @ResolveField(() => [ExpertiseModel], { description: 'Strongest first.' })
  async expertise(@Parent() m: MunicipalityModel, @Loaders() loaders: DirectoryLoaders): Promise<ExpertiseModel[]> {
    return (await loaders.expertiseOfMunicipality.load(m.id)).map(toExpertiseModel);
  }

  @ResolveField(() => [NeedModel])
  async needs(@Parent() m: MunicipalityModel, @Loaders() loaders: DirectoryLoaders): Promise<NeedModel[]> {
    return (await loaders.needsOfMunicipality.load(m.id)).map(toNeedModel);
  }

  @ResolveField(() => [PartnershipModel], { description: 'Partnerships it is a member of.' })
  async partnerships(@Parent() m: MunicipalityModel, @Loaders() loaders: DirectoryLoaders): Promise<PartnershipModel[]> {
    return (await loaders.partnershipsOfMunicipality.load(m.id)).map(toPartnershipModel);
  }

  @ResolveField(() => [CaseStudyModel], { description: 'Case studies it presented.' })
  async caseStudies(@Parent() m: MunicipalityModel, @Loaders() loaders: DirectoryLoaders): Promise<CaseStudyModel[]> {
    return (await loaders.caseStudiesOfMunicipality.load(m.id)).map(toCaseStudyModel);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => MunicipalityModel)
  async createMunicipality(@Ctx() ctx: RequestContext, @Args('input') input: CreateMunicipalityInput): Promise<MunicipalityModel> {
    return toMunicipalityModel(await this.commands.create(ctx, input));
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: their own municipalities (row check in the service)
  @Mutation(() => MunicipalityModel)
  async updateMunicipality(@Ctx() ctx: RequestContext, @Args('input') input: UpdateMunicipalityInput): Promise<MunicipalityModel> {
    return toMunicipalityModel(await this.commands.update(ctx, input));
  }

  @Allow(Role.EDITOR, Role.COORDINATOR) // editors: their own municipalities (row check in the service)
  @Mutation(() => MunicipalityModel, { description: 'The profile is still true: lastConfirmedOn becomes today, nothing else changes. Audited as confirm.' })
  async confirmMunicipality(@Ctx() ctx: RequestContext, @Args('input') input: ConfirmInput): Promise<MunicipalityModel> {
    return toMunicipalityModel(await this.commands.confirm(ctx, input.key, input.version));
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Boolean, { description: 'Deletes it with its expertise, needs and memberships; case studies stay, unattributed.' })
  async deleteMunicipality(@Ctx() ctx: RequestContext, @Args('key') key: string, @Args('version', { type: () => Int }) version: number): Promise<boolean> {
    await this.commands.delete(ctx, key, version);
    return true;
  }
}
