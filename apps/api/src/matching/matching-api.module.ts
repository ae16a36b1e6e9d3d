import { Module } from '@nestjs/common';
import { MatchingModule } from '@kakehashi/matching';
import { IntroductionResolver } from './introduction.resolver';
import { MatchingResolver, PlannedPairResolver, UnassignedNeedResolver } from './matching.resolver';

/** The matchmaker over GraphQL: suggestions, consortia, pairing plans, dismissals and introductions. */
@Module({
  imports: [MatchingModule],
  providers: [MatchingResolver, PlannedPairResolver, UnassignedNeedResolver, IntroductionResolver],
})
export class MatchingApiModule {}
