import { Field, Float, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { SourcedInput } from '../graphql/sourced';
import { ExpectedVersionField } from '../graphql/input-fields';
import { ArrayMaxSize, IsEmail, IsInt, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { MunicipalityKind, OverseasExperience } from '../graphql/directory.enums';
import { IsCountryCode, IsKey, IsNotBlank } from '../graphql/validators';

@InputType('CreateMunicipalityInput')
export class CreateMunicipalityInput extends SourcedInput {
  @Field({ description: 'Lower-case slug, unique among municipalities.' })
  @IsKey()
  key: string;

  @Field()
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameJa?: string | null;

  @Field(() => MunicipalityKind)
  kind: MunicipalityKind;

  @Field({ description: 'ISO 3166-1 alpha-2, upper case.' })
  @IsCountryCode()
  country: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subdivision?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  population?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  organization?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, e.g. ["ja", "en"].' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'each language must be an ISO 639 code in lower case, e.g. ja' })
  languages?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  capacity?: number | null;

  @Field(() => OverseasExperience, { nullable: true })
  @IsOptional()
  overseasExperience?: OverseasExperience | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  contactEmail?: string | null;
}

/** Fields left out stay as they are; `null` clears an optional field. */
@InputType('UpdateMunicipalityInput')
export class UpdateMunicipalityInput extends PartialType(OmitType(CreateMunicipalityInput, ['key'] as const), { skipNullProperties: false }) {
  @Field({ description: 'Which municipality (keys do not change).' })
  @IsKey()
  key: string;

  @ExpectedVersionField()
  version: number;
}
