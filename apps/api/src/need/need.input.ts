import { Field, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { NEED_RULES } from '@kakehashi/kernel';
import { SourcedInput } from '../graphql/sourced';
import { ExpectedVersionField, RecordKeyField, TopicKeysField } from '../graphql/input-fields';
import { IsOptional, ValidateIf } from 'class-validator';
import { CooperationScheme, NeedPriority, NeedStatus } from '../graphql/directory.enums';
import { RecordInput, VERSION_FIELD } from '../graphql/record-input';
import { IsCalendarDate } from '../graphql/validators';

/** Checked against NEED_RULES (@kakehashi/kernel), the importer's rules too. */
@InputType('CreateNeedInput')
@RecordInput(NEED_RULES)
export class CreateNeedInput extends SourcedInput {
  @Field({ description: 'Lower-case slug, unique among needs.' })
  key: string;

  @Field({ description: 'Key of the municipality that has the need.' })
  municipality: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @TopicKeysField()
  topics?: string[] | null;

  @Field(() => NeedPriority, { nullable: true })
  priority?: NeedPriority | null;

  @Field(() => NeedStatus, { nullable: true, description: 'Default OPEN. EXPIRED is refused: a need expires by its expiresOn.' })
  status?: NeedStatus | null;

  @Field(() => [CooperationScheme], { nullable: true })
  schemes?: CooperationScheme[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the last day the need is current; after it, it reads as EXPIRED.' })
  expiresOn?: string | null;
}

/** Fields left out stay; `null` clears an optional field; `topics`, when sent, replaces the list. */
@InputType('UpdateNeedInput')
@RecordInput(NEED_RULES, { partial: true, extra: { version: VERSION_FIELD } })
export class UpdateNeedInput extends PartialType(OmitType(CreateNeedInput, ['key'] as const), { skipNullProperties: false }) {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;
}

@InputType('ExtendNeedInput', { description: 'A new last day for an open need (expired or not).' })
export class ExtendNeedInput {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, today or later; null: the need no longer expires.' })
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  expiresOn: string | null;
}

@InputType('ReopenNeedInput', { description: 'Open an expired, matched or closed need again.' })
export class ReopenNeedInput {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;

  @Field(() => String, { nullable: true, description: 'A new last day (YYYY-MM-DD, today or later), or null for none. Left out: the current one stays, if it has not passed.' })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string | null;
}
