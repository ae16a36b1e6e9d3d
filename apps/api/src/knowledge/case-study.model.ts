import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgendaItemKind } from '../graphql/directory.enums';
import { SourcedModel } from '../graphql/sourced';

@ObjectType('AgendaItem', { description: 'A part of an event: a presentation, a discussion group, or anything else.' })
export class AgendaItemModel {
  @Field(() => AgendaItemKind)
  kind: AgendaItemKind;

  @Field()
  title: string;

  @Field(() => [String], { description: 'Keys of the municipalities that present or sit at the table.' })
  municipalityKeys: string[];

  @Field(() => [String], { description: 'Topic keys it is about.' })
  topicKeys: string[];
}

@ObjectType('CaseStudy', { description: 'Lessons learned, usually presented by a municipality at an event.' })
export class CaseStudyModel extends SourcedModel {
  @Field(() => ID)
  id: string;

  @Field()
  key: string;

  @Field()
  title: string;

  /** Resolved by `municipality` through a loader. */
  municipalityId: string | null;

  /** Resolved by `event` through a loader. */
  eventId: string | null;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field(() => [String])
  lessons: string[];
}

@ObjectType('Event', { description: 'A study session or other gathering where lessons were shared.' })
export class EventModel extends SourcedModel {
  @Field(() => ID)
  id: string;

  @Field()
  key: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  date: string | null;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => Int, { nullable: true })
  participants: number | null;

  @Field(() => [AgendaItemModel], { description: 'What happens there, in order (empty when nobody wrote it down).' })
  agenda: AgendaItemModel[];
}
