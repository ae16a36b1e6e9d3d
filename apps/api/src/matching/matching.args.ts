import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsKey } from '../graphql/validators';

@ArgsType()
export class PartnerSuggestionsArgs {
  @Field({ description: 'Key of the need.' })
  @IsKey()
  needKey: string;

  @Field(() => Int, { nullable: true, description: '1–100, default 10.' })
  @IsOptional()
  first?: number | null;
}

@ArgsType()
export class MunicipalitySuggestionsArgs {
  @Field({ description: 'Key of the municipality.' })
  @IsKey()
  municipalityKey: string;

  @Field(() => Int, { nullable: true, description: '1–100, default 10.' })
  @IsOptional()
  first?: number | null;
}

@ArgsType()
export class ConsortiumSuggestionsArgs {
  @Field({ description: 'Key of the need.' })
  @IsKey()
  needKey: string;

  @Field(() => Int, { nullable: true, description: 'Most members per consortium, 2–3 (default 3).' })
  @IsOptional()
  size?: number | null;
}
