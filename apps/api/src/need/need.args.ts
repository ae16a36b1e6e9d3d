import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Freshness, NeedPriority, NeedStatus } from '../graphql/directory.enums';
import { IsCountryCode, IsKey } from '../graphql/validators';

@InputType('NeedFilter')
export class NeedFilterInput {
  @Field(() => NeedStatus, { nullable: true })
  @IsOptional()
  status?: NeedStatus | null;

  @Field(() => NeedPriority, { nullable: true })
  @IsOptional()
  priority?: NeedPriority | null;

  @Field(() => String, { nullable: true, description: 'On this topic (a domain key includes its topics).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'Country of the municipality with the need (ISO alpha-2).' })
  @IsOptional()
  @IsCountryCode()
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Key of the municipality with the need.' })
  @IsOptional()
  @IsKey()
  municipality?: string | null;

  @Field(() => Freshness, { nullable: true, description: 'How recently the need was confirmed.' })
  @IsOptional()
  freshness?: Freshness | null;
}

@ArgsType()
export class NeedsArgs {
  @Field(() => NeedFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NeedFilterInput)
  filter?: NeedFilterInput | null;

  @Field(() => Int, { nullable: true, description: '1–100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
