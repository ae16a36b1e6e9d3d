import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Provenance } from './directory.enums';

/** Where a record's content comes from (ADR 3): every directory input may say so (checked by the record rules). */
@InputType({ isAbstract: true })
export abstract class SourcedInput {
  @Field(() => Provenance, { nullable: true, description: 'DOCUMENTED (give a source) or ILLUSTRATIVE.' })
  provenance?: Provenance | null;

  @Field(() => String, { nullable: true, description: 'Citation of a documented fact.' })
  source?: string | null;
}

/** Provenance and the optimistic-locking version every directory record exposes. */
@ObjectType({ isAbstract: true })
export abstract class SourcedModel {
  @Field(() => Provenance, { nullable: true })
  provenance: Provenance | null;

  @Field(() => String, { nullable: true })
  source: string | null;

  @Field(() => Int, { description: 'Send it back with an update; a stale one is refused with CONFLICT.' })
  version: number;
}
