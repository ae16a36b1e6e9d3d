import { Field, Float, ObjectType } from '@nestjs/graphql';
import { NeedStatus, SearchHitKind } from '../graphql/directory.enums';

@ObjectType('SearchHit', { description: 'One record matching a search; the typed field of its kind is set.' })
export class SearchHitModel {
  /** Id of the record, for the typed fields' loaders. */
  id: string;

  @Field(() => SearchHitKind)
  kind: SearchHitKind;

  @Field()
  key: string;

  @Field()
  title: string;

  @Field({ description: 'A short excerpt around the match.' })
  snippet: string;

  @Field(() => Float, { description: '0..1; hits are sorted by it, best first.' })
  score: number;

  @Field(() => NeedStatus, { nullable: true, description: 'Kind NEED: the need’s status as it reads today (EXPIRED past its expiresOn). Null for other kinds.' })
  needStatus: NeedStatus | null;
}
