import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { SourcedModel } from '../graphql/sourced';
import { MunicipalityKind, OverseasExperience } from '../graphql/directory.enums';
import { Connection } from '../graphql/connection';
import { signedInOnly } from '../graphql/field-access';

@ObjectType('Municipality', { description: 'A municipality, its waterworks bureau, or an overseas utility or city.' })
export class MunicipalityModel extends SourcedModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Stable lower-case slug, e.g. `kawasaki`.' })
  key: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  nameJa: string | null;

  @Field(() => MunicipalityKind)
  kind: MunicipalityKind;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country: string;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true })
  subdivision: string | null;

  @Field(() => Int, { nullable: true })
  population: number | null;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field(() => String, { nullable: true, description: 'The bureau or utility that does the water work.' })
  organization: string | null;

  @Field(() => [String], { description: 'Working languages (ISO 639-1).' })
  languages: string[];

  @Field(() => Int, { nullable: true, description: 'How many partnerships it can carry at once.' })
  capacity: number | null;

  @Field(() => OverseasExperience, { nullable: true })
  overseasExperience: OverseasExperience | null;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'Signed-in users only: null for the public.', middleware: [signedInOnly] })
  contactEmail: string | null;

  @Field()
  updatedAt: Date;

  @Field({ description: 'YYYY-MM-DD a person last confirmed it: set by every change and by confirming it.' })
  lastConfirmedOn: string;
}

@ObjectType('MunicipalityConnection')
export class MunicipalityConnection extends Connection(MunicipalityModel, 'Municipality') {}

@ObjectType('FacetValue', { description: 'One value of a directory filter and how many municipalities have it.' })
export class FacetValueModel {
  @Field()
  value: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('MunicipalityFacets', { description: 'What the directory can be narrowed by, most common first.' })
export class MunicipalityFacetsModel {
  @Field(() => [FacetValueModel], { description: 'ISO 3166-1 alpha-2 codes.' })
  countries: FacetValueModel[];

  @Field(() => [FacetValueModel])
  regions: FacetValueModel[];
}
