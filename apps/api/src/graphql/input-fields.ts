import { applyDecorators } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { IsInt, Min } from 'class-validator';
import { IsKey } from './validators';

/** Fields every directory input shares, declared once: GraphQL type and validation together. */

/** The key of the record an update or lookup names. */
export const RecordKeyField = (): PropertyDecorator => applyDecorators(Field(), IsKey());

/** The version the caller read (optimistic locking); a newer one is a CONFLICT. */
export const ExpectedVersionField = (): PropertyDecorator =>
  applyDecorators(Field(() => Int, { description: 'The version you read; a newer one is a CONFLICT.' }), IsInt(), Min(1));

/** Topic keys, most relevant first (record inputs: checked by the record rules; unknown keys are refused by the service). */
export const TopicKeysField = (): PropertyDecorator => Field(() => [String], { nullable: true, description: 'Topic keys, most relevant first.' });
