import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

@InputType('AuditLogFilter')
export class AuditLogFilterInput {
  @Field(() => String, { nullable: true, description: 'Kind of record, e.g. `need`.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entity?: string | null;

  @Field(() => String, { nullable: true, description: 'Key of the record (expertise: `municipality/topic`).' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  entityKey?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Account id, `admin-token` or `system`.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actorId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  @IsOptional()
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant.' })
  @IsOptional()
  until?: Date | null;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => AuditLogFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilterInput)
  filter?: AuditLogFilterInput | null;

  @Field(() => Int, { nullable: true, description: '1–100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
