import { Module } from '@nestjs/common';
import { MatchingModule } from '@kakehashi/matching';
import { StudySessionGroupResolver, StudySessionInviteeResolver, StudySessionPresentationResolver, StudySessionResolver, StudySessionThemeResolver } from './study-session.resolver';

/** The study session planner over GraphQL (coordinators). */
@Module({
  imports: [MatchingModule],
  providers: [StudySessionResolver, StudySessionThemeResolver, StudySessionPresentationResolver, StudySessionInviteeResolver, StudySessionGroupResolver],
})
export class StudySessionApiModule {}
