import { Module } from '@nestjs/common';
import { DirectoryModule } from '@kakehashi/directory';
import { UpkeepModule } from '@kakehashi/upkeep';
import { IntroductionOverdueResolver, UpkeepItemResolver, UpkeepResolver, UpkeepSectionResolver } from './upkeep.resolver';

/** The upkeep list over GraphQL (coordinators), and the overdue flag on introductions. */
@Module({
  imports: [DirectoryModule, UpkeepModule],
  providers: [UpkeepResolver, UpkeepSectionResolver, UpkeepItemResolver, IntroductionOverdueResolver],
})
export class UpkeepApiModule {}
