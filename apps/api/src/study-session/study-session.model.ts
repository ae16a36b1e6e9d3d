import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RegionScope, SeatRole } from '@kakehashi/matching';
import { MatchReasonModel, RecordRefModel } from '../matching/matching.model';
import { MunicipalityModel } from '../municipality/municipality.model';

registerEnumType(RegionScope, { name: 'RegionScope', description: 'What a study session region names: a country, a Japanese region, or a prefecture.' });
registerEnumType(SeatRole, { name: 'SeatRole', description: 'How a participant stands towards overseas work: EXPERIENCED, NEWCOMER, or PARTNER (from abroad).' });

@ObjectType('StudySessionRegion', { description: 'The region a plan is for, as resolved against the directory.' })
export class StudySessionRegionModel {
  @Field(() => RegionScope)
  scope: RegionScope;

  @Field({ description: 'As the directory spells it (Kyushu, Fukuoka) or the country code.' })
  name: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country: string;
}

@ObjectType('StudySessionTheme', { description: 'A theme of the session: a topic the invitees need, with how many of their open needs name it.' })
export class StudySessionThemeModel {
  topicKey: string;

  @Field(() => Int, { description: 'Open needs of the invitees on the topic (or, for a domain, on its topics).' })
  needCount: number;

  @Field(() => [RecordRefModel], { description: 'Those needs.' })
  needs: RecordRefModel[];
}

@ObjectType('StudySessionPresentation', { description: 'A case presentation: a body with documented results on a theme.' })
export class StudySessionPresentationModel {
  @Field(() => MunicipalityModel)
  municipality: MunicipalityModel;

  topicKey: string;

  @Field(() => [MatchReasonModel], { description: 'Its record on the theme (EVIDENCE, KNOWLEDGE_SHARING), closeness, and SPREAD when the assignment moved a theme to spread the presenting.' })
  reasons: MatchReasonModel[];
}

@ObjectType('StudySessionInvitee', { description: 'A body to invite: a newcomer of the region whose needs or profile match the themes, or an overseas partner with open needs on them.' })
export class StudySessionInviteeModel {
  @Field(() => MunicipalityModel)
  municipality: MunicipalityModel;

  @Field(() => SeatRole)
  role: SeatRole;

  topicKeys: string[];

  @Field(() => [MatchReasonModel])
  reasons: MatchReasonModel[];
}

@ObjectType('StudySessionSeat', { description: 'A participant and how it stands towards overseas work.' })
export class StudySessionSeatModel {
  @Field(() => MunicipalityModel)
  municipality: MunicipalityModel;

  @Field(() => SeatRole)
  role: SeatRole;
}

@ObjectType('StudySessionGroup', { description: 'A discussion group: experienced and newcomer bodies that share challenges, neighbours where possible.' })
export class StudySessionGroupModel {
  @Field(() => Int, { description: '1, 2, …' })
  number: number;

  @Field(() => [MunicipalityModel])
  members: MunicipalityModel[];

  @Field(() => [StudySessionSeatModel], { description: 'The members with their roles.' })
  seats: StudySessionSeatModel[];

  topicKeys: string[];

  @Field(() => [MatchReasonModel], { description: 'Shared challenges (SHARED_CHALLENGE), who can mentor whom (MENTORING), how far apart (NEIGHBOUR or DISTANCE).' })
  reasons: MatchReasonModel[];
}

@ObjectType('StudySessionNote', { description: 'Something the coordinator should know: a theme nobody can present, fewer groups than asked, participants without a seat…' })
export class StudySessionNoteModel {
  @Field({ description: 'NO_PRESENTER, FEWER_GROUPS, UNSEATED, NO_THEMES, NO_EXPERIENCED or NO_NEWCOMER.' })
  code: string;

  @Field()
  detail: string;

  @Field()
  detailJa: string;

  @Field(() => [RecordRefModel])
  records: RecordRefModel[];
}

@ObjectType('StudySessionPlan', { description: 'A study session composed from the directory: themes, case presentations, invitees and discussion groups, each with reasons.' })
export class StudySessionPlanModel {
  @Field(() => StudySessionRegionModel)
  region: StudySessionRegionModel;

  @Field({ description: 'YYYY-MM-DD.' })
  date: string;

  @Field(() => [StudySessionThemeModel], { description: 'Most needed first.' })
  themes: StudySessionThemeModel[];

  @Field(() => [StudySessionPresentationModel], { description: 'One per theme that someone can present, in theme order.' })
  presentations: StudySessionPresentationModel[];

  @Field(() => [StudySessionInviteeModel])
  invitees: StudySessionInviteeModel[];

  @Field(() => [StudySessionGroupModel])
  groups: StudySessionGroupModel[];

  @Field(() => [StudySessionSeatModel], { description: 'Participants the groups had no seat for.' })
  unseated: StudySessionSeatModel[];

  @Field(() => [StudySessionNoteModel])
  notes: StudySessionNoteModel[];
}
