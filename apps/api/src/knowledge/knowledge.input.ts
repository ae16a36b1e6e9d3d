import { Field, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { SourcedInput } from '../graphql/sourced';
import { ExpectedVersionField, RecordKeyField, TopicKeysField } from '../graphql/input-fields';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_AGENDA_ITEMS } from '@kakehashi/directory';
import { AgendaItemKind } from '../graphql/directory.enums';
import { IsCalendarDate, IsKey, IsNotBlank } from '../graphql/validators';

@InputType('CreateCaseStudyInput')
export class CreateCaseStudyInput extends SourcedInput {
  @Field({ description: 'Lower-case slug, unique among case studies.' })
  @IsKey()
  key: string;

  @Field()
  @IsNotBlank()
  @MaxLength(300)
  title: string;

  @Field(() => String, { nullable: true, description: 'Key of the municipality that presented it.' })
  @IsOptional()
  @IsKey()
  municipality?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  summary?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  lessons?: string[] | null;

  @TopicKeysField()
  topics?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Key of the event where it was presented.' })
  @IsOptional()
  @IsKey()
  event?: string | null;
}

@InputType('UpdateCaseStudyInput')
export class UpdateCaseStudyInput extends PartialType(OmitType(CreateCaseStudyInput, ['key'] as const), { skipNullProperties: false }) {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;
}

@InputType('AgendaItemInput')
export class AgendaItemInput {
  @Field(() => AgendaItemKind)
  @IsEnum(AgendaItemKind)
  kind: AgendaItemKind;

  @Field()
  @IsNotBlank()
  @MaxLength(300)
  title: string;

  @Field(() => [String], { description: 'Keys of the municipalities that present or sit at the table (at most 50).' })
  @ArrayMaxSize(50)
  @IsKey({ each: true })
  municipalities: string[];

  @Field(() => [String], { description: 'Topic keys (at most 20).' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  topics: string[];
}

@InputType('CreateEventInput')
export class CreateEventInput extends SourcedInput {
  @Field({ description: 'Lower-case slug, unique among events.' })
  @IsKey()
  key: string;

  @Field()
  @IsNotBlank()
  @MaxLength(300)
  title: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  date?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  location?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  participants?: number | null;

  @Field(() => [AgendaItemInput], { nullable: true, description: `What happens there, in order (at most ${MAX_AGENDA_ITEMS} items; null clears).` })
  @IsOptional()
  @ArrayMaxSize(MAX_AGENDA_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInput)
  agenda?: AgendaItemInput[] | null;
}

@InputType('UpdateEventInput')
export class UpdateEventInput extends PartialType(OmitType(CreateEventInput, ['key'] as const), { skipNullProperties: false }) {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;
}
