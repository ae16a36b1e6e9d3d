/*
 * SQL for batched, idempotent writes. A chunk of records travels as ONE json parameter, unpacked
 * by json_to_recordset (so there is no per-row statement and no bind-parameter limit), and keys
 * are resolved to ids by joins in the same statement.
 */

/** A column copied from the record set: its name there and in the table, and its SQL type. */
export interface Column {
  name: string;
  type: string;
}

/** A uuid column filled by looking a key up in another table (`municipality_id` from `municipality`). */
export interface Reference {
  column: string;
  /** The record-set field holding the key. */
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
   * changed row gets the import's day (statement parameter $2) and an unchanged row keeps its own;
   * leaving it out is never a change by itself. When given, it is written like any column.
   */
  stamp?: string;
}

const recordSet = (columns: Column[], references: Reference[]): string =>
  [...columns.map((c) => `${c.name} ${c.type}`), ...references.map((r) => `${r.field} text`)].join(', ');

const joins = (references: Reference[]): string =>
  references.map((r, i) => `${r.optional ? 'LEFT JOIN' : 'JOIN'} ${r.table} ref${i} ON ref${i}.key = r.${r.field}`).join(' ');

/**
 * INSERT … ON CONFLICT DO UPDATE that touches a row only when a value differs, so re-importing
 * the same data bumps no version and no updated_at. Unchanged rows are filtered out before the
 * INSERT (a LEFT JOIN on the conflict target): otherwise PostgreSQL would still compute their
 * generated search columns and lock them. The ON CONFLICT … WHERE repeats the test for rows a
 * concurrent writer inserts meanwhile. Returns the written rows with `created` (xmax = 0 only for
 * a freshly inserted tuple; PostgreSQL 15 has no RETURNING old/new yet).
 */
export function upsertStatement(spec: UpsertTable): string {
  const references = spec.references ?? [];
  const stamp = spec.stamp ? [{ name: spec.stamp, type: 'date' }] : [];
  const columns = [...spec.columns.map((c) => c.name), ...references.map((r) => r.column), ...stamp.map((c) => c.name)];
  const values = [...spec.columns.map((c) => `r.${c.name}`), ...references.map((_, i) => `ref${i}.id`), ...stamp.map((c) => `coalesce(r.${c.name}, $2::date)`)];
  const updatable = columns.filter((c) => !spec.conflict.includes(c));
  const valueOf = new Map(columns.map((c, i) => [c, values[i]!]));
  const current = spec.conflict.map((c) => `cur.${c} = ${valueOf.get(c)}`).join(' AND ');
  const compared = updatable.filter((c) => c !== spec.stamp);
  // A stamp the document gives is a change when it differs; one it leaves out never is.
  const stampChanged = spec.stamp ? ` OR (r.${spec.stamp} IS NOT NULL AND r.${spec.stamp} IS DISTINCT FROM cur.${spec.stamp})` : '';
  return `INSERT INTO ${spec.table} AS t (${columns.join(', ')})
    SELECT ${values.join(', ')} FROM json_to_recordset($1::json) AS r(${recordSet([...spec.columns, ...stamp], references)}) ${joins(references)}
    LEFT JOIN ${spec.table} cur ON ${current}
    WHERE cur.id IS NULL OR (${compared.map((c) => `cur.${c}`).join(', ')}) IS DISTINCT FROM (${compared.map((c) => valueOf.get(c)).join(', ')})${stampChanged}
    ON CONFLICT (${spec.conflict.join(', ')}) DO UPDATE SET ${updatable.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
      version = t.version + 1, updated_at = now()
    WHERE (${updatable.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${updatable.map((c) => `EXCLUDED.${c}`).join(', ')})
    RETURNING t.id, (t.xmax = 0) AS created`;
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
 * The ids of parents whose stored children differ from the document's. Input rows:
 * `{ parent_key, signature }`.
 */
export function childDiffStatement(spec: ChildTable): string {
  return `SELECT p.id, p.key FROM json_to_recordset($1::json) AS i(parent_key text, signature jsonb)
    JOIN ${spec.parentTable} p ON p.key = i.parent_key
    WHERE ${spec.signature} IS DISTINCT FROM i.signature`;
}

export const childDeleteStatement = (spec: ChildTable): string => `DELETE FROM ${spec.table} WHERE ${spec.parentColumn} = ANY($1::uuid[])`;

/** Input rows: `{ parent_key, pos, …columns, …reference fields }`. */
export function childInsertStatement(spec: ChildTable): string {
  const references = spec.references ?? [];
  const columns = [spec.parentColumn, 'position', ...spec.columns.map((c) => c.name), ...references.map((r) => r.column)];
  const values = ['p.id', 'r.pos', ...spec.columns.map((c) => `r.${c.name}`), ...references.map((_, i) => `ref${i}.id`)];
  const fields = [{ name: 'parent_key', type: 'text' }, { name: 'pos', type: 'int' }, ...spec.columns];
  return `INSERT INTO ${spec.table} (${columns.join(', ')})
    SELECT ${values.join(', ')} FROM json_to_recordset($1::json) AS r(${recordSet(fields, references)})
    JOIN ${spec.parentTable} p ON p.key = r.parent_key ${joins(references)}`;
}

/**
 * A parent whose only change is in its children is still a changed record: new version, new
 * updated_at — and, for a table with a stamp, the stamp the document gives or the import's day.
 * Input rows: `{ id, stamp }` (stamp null when the document leaves it out); $2 is the import's day.
 */
export function touchStatement(spec: UpsertTable): string {
  const stamp = spec.stamp ? `, ${spec.stamp} = coalesce(x.stamp, $2::date)` : '';
  return `UPDATE ${spec.table} t SET version = t.version + 1, updated_at = now()${stamp}
    FROM json_to_recordset($1::json) AS x(id uuid, stamp date) WHERE t.id = x.id`;
}
