import { Field, InputType, Int } from '@nestjs/graphql';
import { EXPERTISE_RULES } from '@kakehashi/kernel';
import { SourcedInput } from '../graphql/sourced';
import { RecordInput, VERSION_FIELD } from '../graphql/record-input';

/** Checked against EXPERTISE_RULES (@kakehashi/kernel), the importer's rules too. */
@InputType('SetExpertiseInput', { description: 'Creates or replaces what a municipality offers on one topic.' })
@RecordInput(EXPERTISE_RULES, { extra: { version: { rule: VERSION_FIELD.rule } } })
export class SetExpertiseInput extends SourcedInput {
  @Field({ description: 'Municipality key.' })
  municipality: string;

  @Field({ description: 'Topic key.' })
  topic: string;

  @Field(() => Int, { description: '1–5.' })
  level: number;

  @Field(() => String, { nullable: true })
  evidence?: string | null;

  @Field(() => Int, { nullable: true, description: 'Version of the entry you read, when replacing one; a newer one is a CONFLICT.' })
  version?: number | null;
}
