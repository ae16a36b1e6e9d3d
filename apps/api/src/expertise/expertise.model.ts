import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SourcedModel } from '../graphql/sourced';

@ObjectType('Expertise', { description: 'What a municipality can offer on one topic.' })
export class ExpertiseModel extends SourcedModel {
  @Field(() => ID)
  id: string;

  /** Resolved by `municipality` through a loader. */
  municipalityId: string;

  @Field({ description: 'Key of the topic (also available as `topic`).' })
  topicKey: string;

  @Field(() => Int, { description: '1 (some) to 5 (leading).' })
  level: number;

  @Field(() => String, { nullable: true, description: 'What was done, where, with what result.' })
  evidence: string | null;
}
