import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecordAccess } from './access/record-access';
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
  RecordAccess,
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

/**
 * The directory domain: entities and the services that read and change them. No GraphQL here.
 * Needs a provider of `ROW_ACCESS` (the row-level access port) from the application: the API and
 * the CLI bind libs/auth's adapter globally.
 */
@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES)],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class DirectoryModule {}
