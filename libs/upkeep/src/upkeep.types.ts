const values = <T extends string>(...v: T[]): { readonly [K in T]: K } => Object.freeze(Object.fromEntries(v.map((x) => [x, x]))) as { readonly [K in T]: K };

/** What a coordinator should chase. */
export const UpkeepKind = values('STALE_PROFILE', 'STALE_NEED', 'STALE_PARTNERSHIP', 'EXPIRED_NEED', 'EXPIRING_NEED', 'PARTNERSHIP_PAST_END', 'OVERDUE_INTRODUCTION');
export type UpkeepKind = keyof typeof UpkeepKind;

export const UpkeepRecordType = values('MUNICIPALITY', 'NEED', 'PARTNERSHIP', 'INTRODUCTION');
export type UpkeepRecordType = keyof typeof UpkeepRecordType;

/** Someone who can fix an item: an editor of the municipality it belongs to (for an introduction, of the side asked). */
export interface UpkeepFixer {
  accountId: string;
  email: string;
  /** Key of the municipality the editor may change. */
  municipalityKey: string;
}

export interface UpkeepItem {
  kind: UpkeepKind;
  recordType: UpkeepRecordType;
  /** The record's key (an introduction: its id). */
  key: string;
  title: string;
  /** The municipalities whose editors can fix it (a partnership: its members; an introduction: the side asked). */
  municipalityIds: string[];
  municipalityKeys: string[];
  /** The day the item turns on: last confirmed, expires, ended (31 Dec of the end year), requested. */
  date: string;
  /** Days from `date` to today (negative: still ahead, for a need about to expire). */
  days: number;
  detail: string;
  detailJa: string;
  /** Editors who can fix it; empty: nobody edits it, so a coordinator must. */
  fixers: UpkeepFixer[];
}

export interface UpkeepSection {
  /** Every item of this kind, of which `items` holds the first (most overdue first). */
  totalCount: number;
  items: UpkeepItem[];
}

export interface UpkeepThresholds {
  staleMonths: number;
  expiringDays: number;
  introductionDays: number;
}

export interface UpkeepReport {
  /** The day the list was made, in `timeZone`. */
  asOf: string;
  timeZone: string;
  thresholds: UpkeepThresholds;
  staleProfiles: UpkeepSection;
  staleNeeds: UpkeepSection;
  stalePartnerships: UpkeepSection;
  expiredNeeds: UpkeepSection;
  expiringNeeds: UpkeepSection;
  partnershipsPastEnd: UpkeepSection;
  overdueIntroductions: UpkeepSection;
}

/** The sections of a report, in the order they are shown. */
export const UPKEEP_SECTIONS = ['staleProfiles', 'expiredNeeds', 'expiringNeeds', 'partnershipsPastEnd', 'overdueIntroductions', 'staleNeeds', 'stalePartnerships'] as const;
export type UpkeepSectionName = (typeof UPKEEP_SECTIONS)[number];
