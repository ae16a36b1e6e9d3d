import { Field, InputType, Int } from '@nestjs/graphql';
import { SourcedInput } from '../graphql/sourced';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsKey } from '../graphql/validators';

@InputType('SetExpertiseInput', { description: 'Creates or replaces what a municipality offers on one topic.' })
export class SetExpertiseInput extends SourcedInput {
  @Field({ description: 'Municipality key.' })
  @IsKey()
  municipality: string;

  @Field({ description: 'Topic key.' })
  @IsString()
  @MaxLength(100)
  topic: string;

  @Field(() => Int, { description: '1–5.' })
  @IsInt()
  @Min(1)
  @Max(5)
  level: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  evidence?: string | null;

  @Field(() => Int, { nullable: true, description: 'Version of the entry you read, when replacing one; a newer one is a CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;
}
