import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Freshness, MunicipalityKind, OverseasExperience } from '../graphql/directory.enums';
import { IsCountryCode } from '../graphql/validators';

@InputType('MunicipalityFilter')
export class MunicipalityFilterInput {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, upper case.' })
  @IsOptional()
  @IsCountryCode()
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Region, case-insensitive (e.g. Kanto).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;

  @Field(() => MunicipalityKind, { nullable: true })
  @IsOptional()
  kind?: MunicipalityKind | null;

  @Field(() => String, { nullable: true, description: 'Has expertise on this topic (a domain key includes its topics).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  topic?: string | null;

  @Field(() => OverseasExperience, { nullable: true })
  @IsOptional()
  overseasExperience?: OverseasExperience | null;

  @Field(() => String, { nullable: true, description: 'Substring of key, names (either language), organization or region.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string | null;

  @Field(() => Freshness, { nullable: true, description: 'How recently the profile was confirmed.' })
  @IsOptional()
  freshness?: Freshness | null;
}

@ArgsType()
export class MunicipalitiesArgs {
  @Field(() => MunicipalityFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MunicipalityFilterInput)
  filter?: MunicipalityFilterInput | null;

  @Field(() => Int, { nullable: true, description: '1–100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}
