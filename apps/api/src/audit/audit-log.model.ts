import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../graphql/connection';
import { JsonScalar } from '../graphql/json.scalar';

@ObjectType('AuditEntry', { description: 'One change: who, when, what, with the record before and after. Coordinators only.' })
export class AuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => String, { nullable: true, description: 'Account id, `admin-token` or `system`.' })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'Email of the account that acted, when it was one.' })
  actorEmail: string | null;

  @Field(() => String, { nullable: true, description: 'The X-Request-Id of the request, to find its logs.' })
  requestId: string | null;

  @Field({ description: '`create`, `update`, `delete`, `set`, `remove`, `change-status`, `login`, `invite`, …' })
  action: string;

  @Field({ description: '`municipality`, `need`, `partnership`, `expertise`, `case-study`, `event`, `account`, `invitation`, …' })
  entity: string;

  @Field()
  entityKey: string;

  @Field(() => JsonScalar, { nullable: true })
  before: unknown;

  @Field(() => JsonScalar, { nullable: true })
  after: unknown;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection extends Connection(AuditEntryModel, 'AuditEntry') {}
