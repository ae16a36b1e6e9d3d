import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@kakehashi/directory';
import { FactsQueryService } from './facts/facts-query.service';
import { MATCHING_ENTITIES } from './feedback/feedback.entity';
import { PartnerSuggestionService } from './partner/partner-suggestion.service';

const SERVICES = [FactsQueryService, PartnerSuggestionService];

/** The matchmaker: suggestions, consortia, pairing plans, feedback and evaluation. No GraphQL here. */
@Module({
  imports: [DirectoryModule, TypeOrmModule.forFeature(MATCHING_ENTITIES)],
  providers: SERVICES,
  exports: SERVICES,
})
export class MatchingModule {}
