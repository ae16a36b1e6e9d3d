import { Field, Float, ObjectType } from '@nestjs/graphql';
import { CooperationScheme, MunicipalityKind, PartnershipStatus, Provenance } from '../graphql/directory.enums';

@ObjectType('NetworkPlace', { description: 'A municipality or utility as the map and the network draw it (public fields only).' })
export class NetworkPlaceModel {
  @Field({ description: 'The municipality key (its profile: municipality(key:)).' })
  key: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  nameJa: string | null;

  @Field(() => MunicipalityKind)
  kind: MunicipalityKind;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country: string;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field(() => Provenance, { nullable: true })
  provenance: Provenance | null;

  @Field(() => [String], { description: 'Its expertise topic keys, strongest first.' })
  topics: string[];
}

@ObjectType('NetworkPartnership', { description: 'A partnership as an edge between its members.' })
export class NetworkPartnershipModel {
  @Field()
  key: string;

  @Field()
  title: string;

  @Field(() => CooperationScheme, { nullable: true })
  scheme: CooperationScheme | null;

  @Field(() => PartnershipStatus)
  status: PartnershipStatus;

  @Field(() => Provenance, { nullable: true })
  provenance: Provenance | null;

  @Field(() => [String], { description: 'Topic keys, in order.' })
  topics: string[];

  @Field(() => [String], { description: 'Member municipality keys in their recorded order (the first usually leads).' })
  members: string[];
}

@ObjectType('PartnershipNetwork', { description: 'Every place and partnership, for the map and the network views.' })
export class PartnershipNetworkModel {
  @Field(() => [NetworkPlaceModel])
  places: NetworkPlaceModel[];

  @Field(() => [NetworkPartnershipModel])
  partnerships: NetworkPartnershipModel[];

  @Field({ description: 'True when the directory holds more than one answer carries (10,000 places, 20,000 partnerships): the rest is left out.' })
  truncated: boolean;
}
