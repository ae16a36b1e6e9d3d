import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { StudySessionService } from '@kakehashi/matching';
import { Role, type RequestContext } from '@kakehashi/kernel';
import { loadAll, type DirectoryLoaders } from '../graphql/loaders/directory.loaders';
import { Loaders } from '../graphql/loaders/loaders.decorator';
import { Allow } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { toTopicModel } from '../topic/topic.mapper';
import { TopicModel } from '../topic/topic.model';
import { EventModel } from '../knowledge/case-study.model';
import { toEventModel } from '../knowledge/knowledge.mapper';
import { SaveStudySessionPlanInput, StudySessionPlanInput } from './study-session.input';
import { toStudySessionPlanModel } from './study-session.mapper';
import { StudySessionGroupModel, StudySessionInviteeModel, StudySessionPlanModel, StudySessionPresentationModel, StudySessionThemeModel } from './study-session.model';

@Resolver(() => StudySessionPlanModel)
export class StudySessionResolver {
  constructor(private readonly sessions: StudySessionService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Query(() => StudySessionPlanModel, { description: 'Coordinators: a study session for a region — themes, case presentations, invitees and discussion groups, each with reasons (docs/study-sessions.md).' })
  async studySessionPlan(@Ctx() ctx: RequestContext, @Args('input') input: StudySessionPlanInput): Promise<StudySessionPlanModel> {
    return toStudySessionPlanModel(await this.sessions.plan(ctx, input));
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => EventModel, { description: 'Coordinators: plans the session and saves it as a planned event (date, place, agenda), audited. Mentor pathways then offer it as the next study session.' })
  async saveStudySessionPlan(@Ctx() ctx: RequestContext, @Args('input') input: SaveStudySessionPlanInput): Promise<EventModel> {
    return toEventModel((await this.sessions.saveAsEvent(ctx, input)).event);
  }
}

async function topics(loaders: DirectoryLoaders, keys: string[]): Promise<TopicModel[]> {
  return (await loadAll(loaders.topic, keys)).map(toTopicModel);
}

@Resolver(() => StudySessionThemeModel)
export class StudySessionThemeResolver {
  @ResolveField(() => TopicModel)
  async topic(@Parent() t: StudySessionThemeModel, @Loaders() loaders: DirectoryLoaders): Promise<TopicModel> {
    return (await topics(loaders, [t.topicKey]))[0]!;
  }
}

@Resolver(() => StudySessionPresentationModel)
export class StudySessionPresentationResolver {
  @ResolveField(() => TopicModel, { description: 'The theme presented.' })
  async topic(@Parent() p: StudySessionPresentationModel, @Loaders() loaders: DirectoryLoaders): Promise<TopicModel> {
    return (await topics(loaders, [p.topicKey]))[0]!;
  }
}

@Resolver(() => StudySessionInviteeModel)
export class StudySessionInviteeResolver {
  @ResolveField(() => [TopicModel], { description: 'The themes its needs or profile match.' })
  async topics(@Parent() i: StudySessionInviteeModel, @Loaders() loaders: DirectoryLoaders): Promise<TopicModel[]> {
    return topics(loaders, i.topicKeys);
  }
}

@Resolver(() => StudySessionGroupModel)
export class StudySessionGroupResolver {
  @ResolveField(() => [TopicModel], { description: 'Topics the members share or one can mentor another on.' })
  async topics(@Parent() g: StudySessionGroupModel, @Loaders() loaders: DirectoryLoaders): Promise<TopicModel[]> {
    return topics(loaders, g.topicKeys);
  }
}
