import { Module } from '@nestjs/common';
import { DirectoryModule } from '@kakehashi/directory';
import { ExpertiseResolver } from './expertise/expertise.resolver';
import { CaseStudyResolver } from './knowledge/case-study.resolver';
import { EventResolver } from './knowledge/event.resolver';
import { MunicipalityResolver } from './municipality/municipality.resolver';
import { NeedResolver } from './need/need.resolver';
import { PartnershipNetworkResolver } from './partnership/partnership-network.resolver';
import { PartnershipMemberResolver } from './partnership/partnership-member.resolver';
import { PartnershipResolver } from './partnership/partnership.resolver';
import { SearchResolver } from './search/search.resolver';

/** The directory over GraphQL: queries, coordinator mutations and the relation fields. */
@Module({
  imports: [DirectoryModule],
  providers: [
    MunicipalityResolver,
    ExpertiseResolver,
    NeedResolver,
    PartnershipResolver,
    PartnershipMemberResolver,
    PartnershipNetworkResolver,
    CaseStudyResolver,
    EventResolver,
    SearchResolver,
  ],
})
export class DirectoryApiModule {}
