import { Field, ID, ObjectType } from '@nestjs/graphql';
import { SourcedModel } from '../graphql/sourced';
import { CooperationScheme, NeedPriority } from '../graphql/directory.enums';
import type { NeedStatus as RecordedNeedStatus } from '@kakehashi/directory';
import { Connection } from '../graphql/connection';

@ObjectType('Need', { description: 'What a municipality or utility asks help with.' })
export class NeedModel extends SourcedModel {
  @Field(() => ID)
  id: string;

  @Field()
  key: string;

  /** Resolved by `municipality` through a loader. */
  municipalityId: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => NeedPriority, { nullable: true })
  priority: NeedPriority | null;

  /** OPEN, MATCHED or CLOSED as stored; `status` (a resolved field) adds EXPIRED. */
  recordedStatus: RecordedNeedStatus;

  @Field(() => [CooperationScheme], { description: 'Schemes the need could be met through.' })
  schemes: CooperationScheme[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD after which the need is no longer current.' })
  expiresOn: string | null;

  @Field()
  updatedAt: Date;

  @Field({ description: 'YYYY-MM-DD a person last confirmed it: set by every change and by confirming it.' })
  lastConfirmedOn: string;
}

@ObjectType('NeedConnection')
export class NeedConnection extends Connection(NeedModel, 'Need') {}
