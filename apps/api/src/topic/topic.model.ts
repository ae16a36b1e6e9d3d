import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Topic', { description: 'A topic of the water-sector taxonomy; a parent key means the whole domain.' })
export class TopicModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Stable key, e.g. `nrw.leak-detection`.' })
  key: string;

  @Field(() => String, { nullable: true })
  parentKey: string | null;

  @Field()
  labelEn: string;

  @Field()
  labelJa: string;

  @Field(() => [String])
  synonymsEn: string[];

  @Field(() => [String])
  synonymsJa: string[];

  @Field(() => Int, { description: '0 for a domain, 1 for a topic inside it.' })
  depth: number;
}
