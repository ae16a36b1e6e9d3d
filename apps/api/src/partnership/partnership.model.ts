import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { SourcedModel } from '../graphql/sourced';
import { CooperationScheme, MemberRole, PartnershipStatus } from '../graphql/directory.enums';
import { Connection } from '../graphql/connection';

@ObjectType('Partnership', { description: 'A cooperation between municipalities and utilities, through its life.' })
export class PartnershipModel extends SourcedModel {
  @Field(() => ID)
  id: string;

  @Field()
  key: string;

  @Field()
  title: string;

  @Field(() => CooperationScheme, { nullable: true })
  scheme: CooperationScheme | null;

  @Field(() => PartnershipStatus)
  status: PartnershipStatus;

  @Field(() => Int, { nullable: true })
  startYear: number | null;

  @Field(() => Int, { nullable: true })
  endYear: number | null;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field()
  updatedAt: Date;

  @Field({ description: 'YYYY-MM-DD a person last confirmed it: set by every change and by confirming it.' })
  lastConfirmedOn: string;
}

@ObjectType('PartnershipMember')
export class PartnershipMemberModel {
  /** Resolved by `municipality` through a loader. */
  municipalityId: string;

  @Field(() => MemberRole)
  role: MemberRole;
}

@ObjectType('PartnershipOutcome', { description: 'A measured result, e.g. NRW_PERCENT 39 → 12.' })
export class PartnershipOutcomeModel {
  @Field()
  indicator: string;

  @Field(() => Float, { nullable: true })
  before: number | null;

  @Field(() => Float, { nullable: true })
  after: number | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('PartnershipConnection')
export class PartnershipConnection extends Connection(PartnershipModel, 'Partnership') {}
