import { Field, Float, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { MUNICIPALITY_RULES } from '@kakehashi/kernel';
import { SourcedInput } from '../graphql/sourced';
import { ExpectedVersionField } from '../graphql/input-fields';
import { MunicipalityKind, OverseasExperience } from '../graphql/directory.enums';
import { RecordInput, VERSION_FIELD } from '../graphql/record-input';

/** Checked against MUNICIPALITY_RULES (@kakehashi/kernel), the importer's rules too. */
@InputType('CreateMunicipalityInput')
@RecordInput(MUNICIPALITY_RULES)
export class CreateMunicipalityInput extends SourcedInput {
  @Field({ description: 'Lower-case slug, unique among municipalities.' })
  key: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  nameJa?: string | null;

  @Field(() => MunicipalityKind)
  kind: MunicipalityKind;

  @Field({ description: 'ISO 3166-1 alpha-2, upper case.' })
  country: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true })
  subdivision?: string | null;

  @Field(() => Int, { nullable: true })
  population?: number | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => String, { nullable: true })
  organization?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, e.g. ["ja", "en"].' })
  languages?: string[] | null;

  @Field(() => Int, { nullable: true })
  capacity?: number | null;

  @Field(() => OverseasExperience, { nullable: true })
  overseasExperience?: OverseasExperience | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;
}

/** Fields left out stay as they are; `null` clears an optional field. */
@InputType('UpdateMunicipalityInput')
@RecordInput(MUNICIPALITY_RULES, { partial: true, extra: { version: VERSION_FIELD } })
export class UpdateMunicipalityInput extends PartialType(OmitType(CreateMunicipalityInput, ['key'] as const), { skipNullProperties: false }) {
  @Field({ description: 'Which municipality (keys do not change).' })
  key: string;

  @ExpectedVersionField()
  version: number;
}
