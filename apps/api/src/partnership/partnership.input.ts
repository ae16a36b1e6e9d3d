import { Field, Float, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { PARTNERSHIP_RULES } from '@kakehashi/kernel';
import { SourcedInput } from '../graphql/sourced';
import { ExpectedVersionField, RecordKeyField, TopicKeysField } from '../graphql/input-fields';
import { CooperationScheme, MemberRole, PartnershipStatus } from '../graphql/directory.enums';
import { RecordInput, VERSION_FIELD } from '../graphql/record-input';

/** Checked as part of its partnership (PARTNERSHIP_MEMBER_RULES). */
@InputType('PartnershipMemberInput')
export class PartnershipMemberInput {
  @Field({ description: 'Municipality key.' })
  municipality: string;

  @Field(() => MemberRole)
  role: MemberRole;
}

/** Checked as part of its partnership (PARTNERSHIP_OUTCOME_RULES). */
@InputType('PartnershipOutcomeInput')
export class PartnershipOutcomeInput {
  @Field({ description: 'What was measured, e.g. NRW_PERCENT.' })
  indicator: string;

  @Field(() => Float, { nullable: true })
  before?: number | null;

  @Field(() => Float, { nullable: true })
  after?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/** Checked against PARTNERSHIP_RULES (@kakehashi/kernel), the importer's rules too. */
@InputType('CreatePartnershipInput')
@RecordInput(PARTNERSHIP_RULES)
export class CreatePartnershipInput extends SourcedInput {
  @Field({ description: 'Lower-case slug, unique among partnerships.' })
  key: string;

  @Field()
  title: string;

  @Field(() => CooperationScheme, { nullable: true })
  scheme?: CooperationScheme | null;

  @Field(() => PartnershipStatus, { nullable: true, description: 'Default PROPOSED; a past partnership may be recorded as it ended.' })
  status?: PartnershipStatus | null;

  @Field(() => Int, { nullable: true })
  startYear?: number | null;

  @Field(() => Int, { nullable: true })
  endYear?: number | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @TopicKeysField()
  topics?: string[] | null;

  @Field(() => [PartnershipMemberInput], { nullable: true })
  members?: PartnershipMemberInput[] | null;

  @Field(() => [PartnershipOutcomeInput], { nullable: true })
  outcomes?: PartnershipOutcomeInput[] | null;
}

/** Fields left out stay; lists, when sent, replace the whole list. The status changes through changePartnershipStatus. */
@InputType('UpdatePartnershipInput')
@RecordInput(PARTNERSHIP_RULES, { partial: true, omit: ['status'], extra: { version: VERSION_FIELD } })
export class UpdatePartnershipInput extends PartialType(OmitType(CreatePartnershipInput, ['key', 'status'] as const), { skipNullProperties: false }) {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;
}

@InputType('UndoStatusChangeInput', { description: 'Which partnership, and the version you read.' })
export class UndoStatusChangeInput {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;
}
