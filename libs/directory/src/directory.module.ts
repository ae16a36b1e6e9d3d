import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '@kakehashi/auth';
import { CalendarService } from './calendar/calendar.service';
import { DIRECTORY_ENTITIES } from './directory.entities';
import { ExpertiseService } from './expertise/expertise.service';
import { KnowledgeCommandService } from './knowledge/knowledge-command.service';
import { KnowledgeQueryService } from './knowledge/knowledge-query.service';
import { MunicipalityCommandService } from './municipality/municipality-command.service';
import { MunicipalityQueryService } from './municipality/municipality-query.service';
import { NeedCommandService } from './need/need-command.service';
import { NeedQueryService } from './need/need-query.service';
import { PartnershipCommandService } from './partnership/partnership-command.service';
import { PartnershipNetworkService } from './partnership/partnership-network.service';
import { PartnershipQueryService } from './partnership/partnership-query.service';
import { SearchService } from './search/search.service';
import { TaxonomyService } from './taxonomy/taxonomy.service';

const SERVICES = [
  CalendarService,
  TaxonomyService,
  MunicipalityQueryService,
  MunicipalityCommandService,
  ExpertiseService,
  NeedQueryService,
  NeedCommandService,
  PartnershipQueryService,
  PartnershipCommandService,
  PartnershipNetworkService,
  KnowledgeQueryService,
  KnowledgeCommandService,
  SearchService,
];

/** The directory domain: entities and the services that read and change them. No GraphQL here. */
@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES), AccessModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class DirectoryModule {}
