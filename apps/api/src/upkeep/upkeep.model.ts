import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UpkeepKind, UpkeepRecordType } from '@kakehashi/upkeep';

registerEnumType(UpkeepKind, { name: 'UpkeepKind', description: 'What to chase: a stale record, a need expired or about to, a partnership past its end, an unanswered introduction.' });
registerEnumType(UpkeepRecordType, { name: 'UpkeepRecordType' });

@ObjectType('UpkeepFixer', { description: 'An editor who can fix an item (coordinators only see this).' })
export class UpkeepFixerModel {
  @Field()
  email: string;

  @Field({ description: 'Key of the municipality the editor may change.' })
  municipalityKey: string;
}

@ObjectType('UpkeepItem')
export class UpkeepItemModel {
  @Field(() => UpkeepKind)
  kind: UpkeepKind;

  @Field(() => UpkeepRecordType)
  recordType: UpkeepRecordType;

  @Field({ description: 'The record’s key (an introduction: its id).' })
  key: string;

  @Field()
  title: string;

  /** Resolved by `municipalities` through a loader. */
  municipalityIds: string[];

  @Field({ description: 'YYYY-MM-DD the item turns on: last confirmed, expires, ended (31 Dec of the end year), requested.' })
  date: string;

  @Field(() => Int, { description: 'Days from `date` to today (negative: still ahead).' })
  days: number;

  @Field()
  detail: string;

  @Field()
  detailJa: string;

  @Field(() => [UpkeepFixerModel], { description: 'Editors who can fix it; empty: nobody edits it, so a coordinator must.' })
  fixers: UpkeepFixerModel[];
}

@ObjectType('UpkeepSection')
export class UpkeepSectionModel {
  @Field(() => Int, { description: 'All items of this kind; `items` gives the first, most overdue first.' })
  totalCount: number;

  /** The first MAX_PAGE_SIZE items; `items(first)` resolves a slice. */
  loaded: UpkeepItemModel[];
}

@ObjectType('UpkeepThresholds')
export class UpkeepThresholdsModel {
  @Field(() => Int)
  staleMonths: number;

  @Field(() => Int)
  expiringDays: number;

  @Field(() => Int)
  introductionDays: number;
}

@ObjectType('Upkeep', { description: 'What coordinators should chase to keep the directory true, each item with who can fix it.' })
export class UpkeepModel {
  @Field({ description: 'The day (YYYY-MM-DD) the list was made, in timeZone.' })
  asOf: string;

  @Field()
  timeZone: string;

  @Field(() => UpkeepThresholdsModel)
  thresholds: UpkeepThresholdsModel;

  @Field(() => UpkeepSectionModel, { description: 'Municipalities nobody has confirmed for thresholds.staleMonths, with their editors.' })
  staleProfiles: UpkeepSectionModel;

  @Field(() => UpkeepSectionModel, { description: 'Open needs past their expiresOn (they read as EXPIRED).' })
  expiredNeeds: UpkeepSectionModel;

  @Field(() => UpkeepSectionModel, { description: 'Open needs whose expiresOn is within thresholds.expiringDays.' })
  expiringNeeds: UpkeepSectionModel;

  @Field(() => UpkeepSectionModel, { description: 'ACTIVE partnerships past their end year.' })
  partnershipsPastEnd: UpkeepSectionModel;

  @Field(() => UpkeepSectionModel, { description: 'Introductions unanswered for thresholds.introductionDays.' })
  overdueIntroductions: UpkeepSectionModel;

  @Field(() => UpkeepSectionModel, { description: 'Open needs nobody has confirmed for thresholds.staleMonths.' })
  staleNeeds: UpkeepSectionModel;

  @Field(() => UpkeepSectionModel, { description: 'Live partnerships (proposed to dormant) nobody has confirmed for thresholds.staleMonths.' })
  stalePartnerships: UpkeepSectionModel;
}
