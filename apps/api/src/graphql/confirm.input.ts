import { InputType } from '@nestjs/graphql';
import { ExpectedVersionField, RecordKeyField } from './input-fields';

/** "Still true": which record, and the version the person looked at. */
@InputType('ConfirmInput', { description: 'Confirms a record as still true without changing it: lastConfirmedOn becomes today.' })
export class ConfirmInput {
  @RecordKeyField()
  key: string;

  @ExpectedVersionField()
  version: number;
}
