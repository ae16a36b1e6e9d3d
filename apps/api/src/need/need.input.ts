import { Field, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { SourcedInput } from '../graphql/sourced';
import { ExpectedVersionField, RecordKeyField, TopicKeysField } from '../graphql/input-fields';
import { ArrayUnique, IsOptional, IsString, MaxLength } from 'class-validator';
import { CooperationScheme, NeedPriority, NeedStatus } from '../graphql/directory.enums';
import { IsCalendarDate, IsKey, IsNotBlank } from '../graphql/validators';

@InputType('CreateNeedInput')
export class CreateNeedInput extends SourcedInput {
  @Field({ description: 'Lower-case slug, unique among needs.' })
  @IsKey()
  key: string;

  @Field({ description: 'Key of the municipality that has the need.' })
  @IsKey()
  municipality: string;

  @Field()
  @IsNotBlank()
  @MaxLength(300)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @TopicKeysField()
  topics?: string[] | null;

  @Field(() => NeedPriority, { nullable: true })
  @IsOptional()
  priority?: NeedPriority | null;

  @Field(() => NeedStatus, { nullable: true, description: 'Default OPEN.' })
  @IsOptional()
  status?: NeedStatus | null;

  @Field(() => [CooperationScheme], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  schemes?: CooperationScheme[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string | null;
}

/** Fields left out stay; `null` clears an optional field; `topics`, when sent, replaces the list. */
@InputType('UpdateNeedInput')
export class UpdateNeedInput extends PartialType(OmitType(CreateNeedInput, ['key'] as const), { skipNullProperties: false }) {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;
}
