import { Field, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { SourcedInput } from '../graphql/sourced';
import { ArrayMaxSize, ArrayUnique, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
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

  @Field(() => [String], { nullable: true, description: 'Topic keys, most relevant first.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
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
  @Field()
  @IsKey()
  key: string;

  @Field(() => Int, { description: 'The version you read; a newer one is a CONFLICT.' })
  @IsInt()
  @Min(1)
  version: number;
}
