/*
 * The search table (ADR 28): one row per searchable record, kept in step with the directory by
 * triggers in the writing transaction (migration 1764374400270). Named here because the
 * migration, the importer and the search statement all refer to them.
 */

/**
 * The kinds of search_entry, each a partition (named here: the search statement reads a kind's
 * partition by name, so that no plan can read it through its primary key by kind alone), with the
 * table its rows come from.
 */
export const SEARCHABLE = Object.freeze([
  { kind: 'MUNICIPALITY', table: 'municipality', partition: 'search_entry_municipality' },
  { kind: 'NEED', table: 'need', partition: 'search_entry_need' },
  { kind: 'PARTNERSHIP', table: 'partnership', partition: 'search_entry_partnership' },
  { kind: 'CASE_STUDY', table: 'case_study', partition: 'search_entry_case_study' },
] as const);

/**
 * A transaction-local setting: while it is `deferred`, the triggers leave search_entry alone and
 * the writer promises to call `kk_search_sync` for what it wrote before it commits. The importer
 * does, once per kind for all its rows (set-based), instead of once per merge statement.
 */
export const SEARCH_SYNC_SETTING = 'kakehashi.search_sync';

/** Defers the search table's triggers until the end of this transaction's import. */
export const deferSearchSyncStatement = `SELECT set_config('${SEARCH_SYNC_SETTING}', 'deferred', true)`;

/**
 * Brings search_entry in step for the records listed in `table` (columns `kind`, `id`), one
 * statement per kind, and ends the deferral.
 */
export const searchSyncStatements = (table: string): string[] => [
  `SELECT kk_search_sync(kind, array_agg(DISTINCT id)) FROM ${table} GROUP BY kind`,
  `SELECT set_config('${SEARCH_SYNC_SETTING}', '', true)`,
];
