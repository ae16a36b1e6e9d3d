import { Field, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { CASE_STUDY_RULES, EVENT_RULES, MAX_AGENDA_ITEMS } from '@kakehashi/kernel';
import { AgendaItemKind } from '../graphql/directory.enums';
import { SourcedInput } from '../graphql/sourced';
import { ExpectedVersionField, RecordKeyField, TopicKeysField } from '../graphql/input-fields';
import { RecordInput, VERSION_FIELD } from '../graphql/record-input';

/** Checked against CASE_STUDY_RULES (@kakehashi/kernel), the importer's rules too. */
@InputType('CreateCaseStudyInput')
@RecordInput(CASE_STUDY_RULES)
export class CreateCaseStudyInput extends SourcedInput {
  @Field({ description: 'Lower-case slug, unique among case studies.' })
  key: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: 'Key of the municipality that presented it.' })
  municipality?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [String], { nullable: true })
  lessons?: string[] | null;

  @TopicKeysField()
  topics?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Key of the event where it was presented.' })
  event?: string | null;
}

@InputType('UpdateCaseStudyInput')
@RecordInput(CASE_STUDY_RULES, { partial: true, extra: { version: VERSION_FIELD } })
export class UpdateCaseStudyInput extends PartialType(OmitType(CreateCaseStudyInput, ['key'] as const), { skipNullProperties: false }) {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;
}

/** Checked as part of its event (AGENDA_ITEM_RULES). */
@InputType('AgendaItemInput')
export class AgendaItemInput {
  @Field(() => AgendaItemKind)
  kind: AgendaItemKind;

  @Field()
  title: string;

  @Field(() => [String], { description: 'Keys of the municipalities that present or sit at the table (at most 50).' })
  municipalities: string[];

  @Field(() => [String], { description: 'Topic keys (at most 20).' })
  topics: string[];
}

/** Checked against EVENT_RULES (@kakehashi/kernel), the importer's rules too. */
@InputType('CreateEventInput')
@RecordInput(EVENT_RULES)
export class CreateEventInput extends SourcedInput {
  @Field({ description: 'Lower-case slug, unique among events.' })
  key: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  date?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => Int, { nullable: true })
  participants?: number | null;

  @Field(() => [AgendaItemInput], { nullable: true, description: `What happens there, in order (at most ${MAX_AGENDA_ITEMS} items; null clears).` })
  agenda?: AgendaItemInput[] | null;
}

@InputType('UpdateEventInput')
@RecordInput(EVENT_RULES, { partial: true, extra: { version: VERSION_FIELD } })
export class UpdateEventInput extends PartialType(OmitType(CreateEventInput, ['key'] as const), { skipNullProperties: false }) {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;
}
