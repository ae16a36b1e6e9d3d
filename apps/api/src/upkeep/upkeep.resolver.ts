import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CalendarService } from '@kakehashi/directory';
import { MAX_PAGE_SIZE, pageRequest, Role, type RequestContext } from '@kakehashi/kernel';
import { isOverdueIntroduction, UPKEEP_SECTIONS, UpkeepService } from '@kakehashi/upkeep';
import { loadAll, type DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { Allow } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { IntroductionModel } from '../matching/matching.model';
import { MunicipalityModel } from '../municipality/municipality.model';
import { toMunicipalityModel } from '../municipality/municipality.mapper';
import { UpkeepItemModel, UpkeepModel, UpkeepSectionModel } from './upkeep.model';

@Resolver(() => UpkeepModel)
export class UpkeepResolver {
  constructor(private readonly service: UpkeepService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Query(() => UpkeepModel, { description: 'Coordinators: what to chase to keep the directory true, each item with the editors who can fix it.' })
  async upkeep(@Ctx() ctx: RequestContext): Promise<UpkeepModel> {
    const report = await this.service.report(ctx, MAX_PAGE_SIZE);
    const sections = Object.fromEntries(UPKEEP_SECTIONS.map((name) => [name, Object.assign(new UpkeepSectionModel(), { totalCount: report[name].totalCount, loaded: report[name].items })]));
    return Object.assign(new UpkeepModel(), { asOf: report.asOf, timeZone: report.timeZone, thresholds: report.thresholds, ...sections });
  }
}

@Resolver(() => UpkeepSectionModel)
export class UpkeepSectionResolver {
  @ResolveField(() => [UpkeepItemModel], { description: 'The first items, most overdue first.' })
  items(@Parent() section: UpkeepSectionModel, @Args('first', { type: () => Int, nullable: true, description: '1–100, default 20.' }) first?: number | null): UpkeepItemModel[] {
    return section.loaded.slice(0, pageRequest(first, null).first);
  }
}

@Resolver(() => UpkeepItemModel)
export class UpkeepItemResolver {
  @ResolveField(() => [MunicipalityModel], { description: 'Whose item it is: the municipality, a partnership’s members, or the side asked for an introduction.' })
  async municipalities(@Parent() item: UpkeepItemModel, @Loaders() loaders: DirectoryLoaders): Promise<MunicipalityModel[]> {
    return (await loadAll(loaders.municipality, item.municipalityIds)).map(toMunicipalityModel);
  }
}

@Resolver(() => IntroductionModel)
export class IntroductionOverdueResolver {
  constructor(private readonly calendar: CalendarService) {}

  @ResolveField(() => Boolean, { description: 'Requested and unanswered for INTRODUCTION_OVERDUE_DAYS (30) days or more.' })
  overdue(@Parent() i: IntroductionModel): boolean {
    return isOverdueIntroduction(i, this.calendar.today(), this.calendar.timeZone, this.calendar.upkeepPolicy.introductionDays);
  }
}
