import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CooperationScheme, Freshness, PartnershipStatus } from '../graphql/directory.enums';
import { IsKey } from '../graphql/validators';

@InputType('PartnershipFilter')
export class PartnershipFilterInput {
  @Field(() => CooperationScheme, { nullable: true })
  @IsOptional()
  scheme?: CooperationScheme | null;

  @Field(() => PartnershipStatus, { nullable: true })
  @IsOptional()
  status?: PartnershipStatus | null;

  @Field(() => String, { nullable: true, description: 'Key of a member municipality.' })
  @IsOptional()
  @IsKey()
  municipality?: string | null;

  @Field(() => String, { nullable: true, description: 'On this topic (a domain key includes its topics).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  topic?: string | null;

  @Field(() => Freshness, { nullable: true, description: 'How recently the partnership was confirmed.' })
  @IsOptional()
  freshness?: Freshness | null;
}

@ArgsType()
export class PartnershipsArgs {
  @Field(() => PartnershipFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartnershipFilterInput)
  filter?: PartnershipFilterInput | null;

  @Field(() => Int, { nullable: true, description: '1–100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
