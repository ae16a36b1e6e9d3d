import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsKey } from '../graphql/validators';
import { DeclineReason, DismissReason, MatchList } from './matching.enums';

@InputType('PairingPlanInput')
export class PairingPlanInput {
  @Field(() => [String], { nullable: true, description: 'Needs to plan for (at most 200); absent: every open, unexpired need.' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsKey({ each: true })
  needKeys?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Providers considered per need, 1–20 (default 10).' })
  @IsOptional()
  candidatesPerNeed?: number | null;
}

@InputType('SuggestionRefInput', { description: 'One suggestion: in a need’s partner list (needKey) or a municipality’s peer or mentor list (municipalityKey).' })
export class SuggestionRefInput {
  @Field(() => MatchList)
  list: MatchList;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsKey()
  needKey?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsKey()
  municipalityKey?: string | null;

  @Field({ description: 'Key of the suggested municipality.' })
  @IsKey()
  candidateKey: string;
}

@InputType('DismissSuggestionInput')
export class DismissSuggestionInput extends SuggestionRefInput {
  @Field(() => DismissReason)
  reason: DismissReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType('RequestIntroductionInput')
export class RequestIntroductionInput extends SuggestionRefInput {
  @Field(() => String, { nullable: true, description: 'A note for the other side.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string | null;
}

@InputType('AcceptIntroductionInput')
export class AcceptIntroductionInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType('DeclineIntroductionInput')
export class DeclineIntroductionInput extends AcceptIntroductionInput {
  @Field(() => DeclineReason)
  reason: DeclineReason;
}
