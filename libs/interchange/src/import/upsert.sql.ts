/*
 * SQL for set-based, idempotent writes from the import's staging tables. A section's records are
 * first COPied into a temporary table shaped after its target (stagingTableStatement), then merged
 * into the directory with a few statements per section, whatever its size; keys are resolved to
 * ids by joins in the same statements.
 */

/** A column copied from the staging table: its name there and in the table, and its SQL type. */
export interface Column {
  name: string;
  type: string;
}

/** A uuid column filled by looking a key up in another table (`municipality_id` from `municipality`). */
export interface Reference {
  column: string;
  /** The staged field holding the key. */
  field: string;
  table: string;
  /** LEFT JOIN: a null key gives a null id. Required references were validated to exist. */
  optional?: boolean;
}

export interface UpsertTable {
  table: string;
  /** The unique constraint's columns (`key`, or `municipality_id, topic_key`). */
  conflict: string[];
  columns: Column[];
  references?: Reference[];
  /**
   * A date column a document may leave out (`last_confirmed_on`, ADR 8): when it does, a created or
   * changed row gets the import's day (statement parameter $1) and an unchanged row keeps its own;
   * leaving it out is never a change by itself. When given, it is written like any column.
   */
  stamp?: string;
}

/** Rows of a child table (topics, members, outcomes) owned by a keyed parent, kept in `position` order. */
export interface ChildTable {
  table: string;
  parentTable: string;
  parentColumn: string;
  columns: Column[];
  references?: Reference[];
  /** SQL giving the stored children of parent `p` as a jsonb array, comparable to what the document says. */
  signature: string;
}

/**
 * Temporary tables of one import (dropped at commit): ids written per section, parents whose
 * children changed, and the search entries (kind, record id) to bring in step at the end (ADR 28).
 */
export const WORK_TABLES = [
  `CREATE TEMP TABLE kk_import_written (id uuid PRIMARY KEY, created boolean NOT NULL) ON COMMIT DROP`,
  `CREATE TEMP TABLE kk_import_changed (id uuid PRIMARY KEY) ON COMMIT DROP`,
  `CREATE TEMP TABLE kk_import_touched (id uuid PRIMARY KEY) ON COMMIT DROP`,
  `CREATE TEMP TABLE kk_import_search (kind text NOT NULL, id uuid NOT NULL) ON COMMIT DROP`,
];
export const CLEAR_WORK_TABLES = `TRUNCATE kk_import_written, kk_import_changed, kk_import_touched`;

export const stagingName = (table: string): string => `kk_stage_${table}`;

/** Staged columns of a table: its columns, its stamp, then the key of each reference. */
export const stagedColumns = (spec: UpsertTable): Column[] => [
  ...spec.columns,
  ...(spec.stamp ? [{ name: spec.stamp, type: 'date' }] : []),
  ...(spec.references ?? []).map((r) => ({ name: r.field, type: 'text' })),
];

/** The parameters of a section's upsert and touch statements: the import's day when the table has a stamp. */
export const stampParameters = (spec: UpsertTable, today: string): string[] => (spec.stamp ? [today] : []);

/** The staging table of `spec`: its columns with their types, reference keys, and per child its rows and signature (jsonb). */
export function stagingTableStatement(spec: UpsertTable, children: number): string {
  const childColumns = Array.from({ length: children }, (_, i) => [`c${i} jsonb`, `s${i} jsonb`]).flat();
  return `CREATE TEMP TABLE ${stagingName(spec.table)} (${[...stagedColumns(spec).map((c) => `${c.name} ${c.type}`), ...childColumns].join(', ')}) ON COMMIT DROP`;
}

/** The COPY of a staging table: columns in the order copyLine writes them. */
export function copyStatement(spec: UpsertTable, children: number): string {
  const childColumns = Array.from({ length: children }, (_, i) => [`c${i}`, `s${i}`]).flat();
  return `COPY ${stagingName(spec.table)} (${[...stagedColumns(spec).map((c) => c.name), ...childColumns].join(', ')}) FROM STDIN`;
}

const joins = (references: Reference[], from: string): string =>
  references.map((r, i) => `${r.optional ? 'LEFT JOIN' : 'JOIN'} ${r.table} ref${i} ON ref${i}.key = ${from}.${r.field}`).join(' ');

/**
 * INSERT … ON CONFLICT DO UPDATE from the staging table that touches a row only when a value
 * differs, so re-importing the same data bumps no version and no updated_at. Unchanged rows are
 * filtered out before the INSERT (a LEFT JOIN on the conflict target): otherwise PostgreSQL would
 * still compute their generated search columns and lock them. The ON CONFLICT … WHERE repeats the
 * test for rows a concurrent writer inserts meanwhile. The written ids go to kk_import_written with
 * `created` (xmax = 0 only for a freshly inserted tuple; PostgreSQL 15 has no RETURNING old/new).
 */
export function upsertStatement(spec: UpsertTable): string {
  const references = spec.references ?? [];
  const stamp = spec.stamp ? [spec.stamp] : [];
  const columns = [...spec.columns.map((c) => c.name), ...references.map((r) => r.column), ...stamp];
  const values = [...spec.columns.map((c) => `r.${c.name}`), ...references.map((_, i) => `ref${i}.id`), ...stamp.map((c) => `coalesce(r.${c}, $1::date)`)];
  const updatable = columns.filter((c) => !spec.conflict.includes(c));
  const valueOf = new Map(columns.map((c, i) => [c, values[i]!]));
  const current = spec.conflict.map((c) => `cur.${c} = ${valueOf.get(c)}`).join(' AND ');
  const compared = updatable.filter((c) => c !== spec.stamp);
  // A stamp the document gives is a change when it differs; one it leaves out never is.
  const stampChanged = spec.stamp ? ` OR (r.${spec.stamp} IS NOT NULL AND r.${spec.stamp} IS DISTINCT FROM cur.${spec.stamp})` : '';
  return `WITH w AS (
    INSERT INTO ${spec.table} AS t (${columns.join(', ')})
    SELECT ${values.join(', ')} FROM ${stagingName(spec.table)} r ${joins(references, 'r')}
    LEFT JOIN ${spec.table} cur ON ${current}
    WHERE cur.id IS NULL OR (${compared.map((c) => `cur.${c}`).join(', ')}) IS DISTINCT FROM (${compared.map((c) => valueOf.get(c)).join(', ')})${stampChanged}
    ON CONFLICT (${spec.conflict.join(', ')}) DO UPDATE SET ${updatable.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
      version = t.version + 1, updated_at = now()
    WHERE (${updatable.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${updatable.map((c) => `EXCLUDED.${c}`).join(', ')})
    RETURNING t.id, (t.xmax = 0) AS created)
  INSERT INTO kk_import_written (id, created) SELECT id, created FROM w`;
}

/**
 * Parents that existed before this import and whose stored children (child `index` of the
 * staging table) differ from the document's: into kk_import_changed. New parents have none.
 */
export function childDiffStatement(spec: ChildTable, index: number): string {
  return `INSERT INTO kk_import_changed (id)
    SELECT p.id FROM ${stagingName(spec.parentTable)} r JOIN ${spec.parentTable} p ON p.key = r.key
     WHERE NOT EXISTS (SELECT 1 FROM kk_import_written w WHERE w.id = p.id AND w.created)
       AND ${spec.signature} IS DISTINCT FROM r.s${index}`;
}

export const childDeleteStatement = (spec: ChildTable): string => `DELETE FROM ${spec.table} WHERE ${spec.parentColumn} IN (SELECT id FROM kk_import_changed)`;

/** The children of new parents and of parents whose children changed, from the staged jsonb rows `{ pos, …columns, …reference fields }`. */
export function childInsertStatement(spec: ChildTable, index: number): string {
  const references = spec.references ?? [];
  const columns = [spec.parentColumn, 'position', ...spec.columns.map((c) => c.name), ...references.map((r) => r.column)];
  const values = ['p.id', 'c.pos', ...spec.columns.map((c) => `c.${c.name}`), ...references.map((_, i) => `ref${i}.id`)];
  const fields = [{ name: 'pos', type: 'int' }, ...spec.columns, ...references.map((r) => ({ name: r.field, type: 'text' }))];
  return `INSERT INTO ${spec.table} (${columns.join(', ')})
    SELECT ${values.join(', ')} FROM ${stagingName(spec.parentTable)} r JOIN ${spec.parentTable} p ON p.key = r.key
    CROSS JOIN LATERAL jsonb_to_recordset(r.c${index}) AS c(${fields.map((f) => `${f.name} ${f.type}`).join(', ')}) ${joins(references, 'c')}
    WHERE p.id IN (SELECT id FROM kk_import_changed) OR p.id IN (SELECT id FROM kk_import_written WHERE created)`;
}

/** Parents whose children changed are remembered until the section ends. */
export const rememberChangedStatement = `INSERT INTO kk_import_touched (id) SELECT id FROM kk_import_changed ON CONFLICT DO NOTHING`;

/**
 * A parent whose only change is in its children is still a changed record: new version, new
 * updated_at — and, for a table with a stamp, the stamp the document gives or the import's day
 * ($1). Returns how many there were.
 */
export function touchStatement(spec: UpsertTable): string {
  const stamp = spec.stamp ? `, ${spec.stamp} = coalesce(r.${spec.stamp}, $1::date)` : '';
  return `WITH t AS (UPDATE ${spec.table} t SET version = t.version + 1, updated_at = now()${stamp}
     FROM ${stagingName(spec.table)} r
     WHERE t.key = r.key AND t.id IN (SELECT id FROM kk_import_touched) AND t.id NOT IN (SELECT id FROM kk_import_written) RETURNING 1)
   SELECT count(*)::int AS n FROM t`;
}

/** Created and updated rows of the section just merged. */
export const writtenCountsStatement = `SELECT count(*) FILTER (WHERE created)::int AS created, count(*) FILTER (WHERE NOT created)::int AS updated FROM kk_import_written`;

/**
 * The search entries a section's merge changed, remembered for the one set-based sync at the end of
 * the import: the records written or touched, or (expertise) their municipalities.
 */
export function rememberSearchStatement(spec: UpsertTable, search: SearchOf): string {
  return `INSERT INTO kk_import_search (kind, id)
    SELECT '${search.kind}', t.${search.idColumn} FROM ${spec.table} t WHERE t.id IN (SELECT id FROM kk_import_written UNION ALL SELECT id FROM kk_import_touched)`;
}

/** The search entry a section's rows belong to: its kind, and the column of the record's id. */
export interface SearchOf {
  kind: string;
  idColumn: string;
}
