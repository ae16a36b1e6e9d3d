import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@kakehashi/directory';
import { ConsortiumService } from './consortium/consortium.service';
import { EvaluationService } from './evaluation/evaluation.service';
import { FactsQueryService } from './facts/facts-query.service';
import { ProfileQueryService } from './facts/profile-query.service';
import { MATCHING_ENTITIES } from './feedback/feedback.entity';
import { FeedbackService } from './feedback/feedback.service';
import { MentorSuggestionService } from './mentor/mentor-suggestion.service';
import { PairingPlanService } from './pairing/pairing-plan.service';
import { PartnerSuggestionService } from './partner/partner-suggestion.service';
import { PeerSuggestionService } from './peer/peer-suggestion.service';
import { StudySessionService } from './study-session/study-session.service';

const SERVICES = [
  FactsQueryService,
  ProfileQueryService,
  PartnerSuggestionService,
  PeerSuggestionService,
  MentorSuggestionService,
  ConsortiumService,
  PairingPlanService,
  FeedbackService,
  EvaluationService,
  StudySessionService,
];

/** The matchmaker: suggestions, consortia, pairing plans, feedback and evaluation. No GraphQL here. */
@Module({
  imports: [DirectoryModule, TypeOrmModule.forFeature(MATCHING_ENTITIES)],
  providers: SERVICES,
  exports: SERVICES,
})
export class MatchingModule {}
