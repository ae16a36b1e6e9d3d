import { Field, Float, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { SourcedInput } from '../graphql/sourced';
import { ExpectedVersionField, RecordKeyField, TopicKeysField } from '../graphql/input-fields';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CooperationScheme, MemberRole, PartnershipStatus } from '../graphql/directory.enums';
import { IsKey, IsNotBlank } from '../graphql/validators';

@InputType('PartnershipMemberInput')
export class PartnershipMemberInput {
  @Field({ description: 'Municipality key.' })
  @IsKey()
  municipality: string;

  @Field(() => MemberRole)
  role: MemberRole;
}

@InputType('PartnershipOutcomeInput')
export class PartnershipOutcomeInput {
  @Field({ description: 'What was measured, e.g. NRW_PERCENT.' })
  @IsNotBlank()
  @MaxLength(100)
  indicator: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  before?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  after?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType('CreatePartnershipInput')
export class CreatePartnershipInput extends SourcedInput {
  @Field({ description: 'Lower-case slug, unique among partnerships.' })
  @IsKey()
  key: string;

  @Field()
  @IsNotBlank()
  @MaxLength(300)
  title: string;

  @Field(() => CooperationScheme, { nullable: true })
  @IsOptional()
  scheme?: CooperationScheme | null;

  @Field(() => PartnershipStatus, { nullable: true, description: 'Default PROPOSED; a past partnership may be recorded as it ended.' })
  @IsOptional()
  status?: PartnershipStatus | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  startYear?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  endYear?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  summary?: string | null;

  @TopicKeysField()
  topics?: string[] | null;

  @Field(() => [PartnershipMemberInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique((m: PartnershipMemberInput) => m?.municipality, { message: 'a municipality may be a member only once' })
  @ValidateNested({ each: true })
  @Type(() => PartnershipMemberInput)
  members?: PartnershipMemberInput[] | null;

  @Field(() => [PartnershipOutcomeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartnershipOutcomeInput)
  outcomes?: PartnershipOutcomeInput[] | null;
}

/** Fields left out stay; lists, when sent, replace the whole list. The status changes through changePartnershipStatus. */
@InputType('UpdatePartnershipInput')
export class UpdatePartnershipInput extends PartialType(OmitType(CreatePartnershipInput, ['key', 'status'] as const), { skipNullProperties: false }) {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;
}
