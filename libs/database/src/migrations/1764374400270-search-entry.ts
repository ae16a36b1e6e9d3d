import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEARCH_SYNC_SETTING, SEARCHABLE } from '../search-entry';

/** Per kind: its table, and the child tables whose rows name its topics (expertise for a municipality). */
const TOPIC_TABLES = [
  { kind: 'MUNICIPALITY', table: 'expertise', column: 'municipality_id' },
  { kind: 'NEED', table: 'need_topic', column: 'need_id' },
  { kind: 'PARTNERSHIP', table: 'partnership_topic', column: 'partnership_id' },
  { kind: 'CASE_STUDY', table: 'case_study_topic', column: 'case_study_id' },
] as const;

/**
 * One search table (ADR 28): a row per municipality, need, partnership and case study with what
 * search reads — its key and title, the title text (a municipality's names in both languages), the
 * short text similarity is judged on (key and title text), the whole text
 * (substring), the tsvector (full text), the 1- and 2-character grams of its non-ASCII text
 * (Japanese substrings, which pg_trgm cannot narrow), and its topic keys. Partitioned by kind, so
 * each kind's capped lookup reads only that kind's indexes.
 *
 * `search_source` is what the rows must be, computed from the directory; `kk_search_sync(kind, ids)`
 * makes search_entry say the same for those records (set-based; a row is rewritten only when it
 * differs). Statement-level triggers with transition tables call it for every write to the four
 * tables and their topic tables, in the writing transaction; an import defers them and calls it
 * once per kind at its end (`kakehashi.search_sync`). The migration fills it from the directory.
 *
 * The four tables' own GIN search indexes go: search reads search_entry. The municipality's trigram
 * index stays (the directory's text filter uses it), as do the generated columns (the matcher and
 * the directory read them).
 */
export class SearchEntry1764374400270 implements MigrationInterface {
  name = 'SearchEntry1764374400270';

  async up(q: QueryRunner): Promise<void> {
    // Filling and indexing the table for a world-sized directory takes longer than a request may
    // (DB_STATEMENT_TIMEOUT_MS). Local to the migrations' transaction.
    await q.query(`SET LOCAL statement_timeout = 0`);
    // Distinct 1- and 2-character grams of each run of non-ASCII characters, sorted. A substring
    // made of such characters has all its grams among the text's: `grams @> kk_search_grams(pattern)`
    // narrows on a GIN index what `LIKE` then confirms, whatever the cluster's locale.
    await q.query(`CREATE FUNCTION kk_search_grams(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      BEGIN
        IF t !~ '[^\\x01-\\x7f]' THEN RETURN '{}'; END IF; -- most text is ASCII: skip the split
        RETURN (SELECT coalesce(array_agg(DISTINCT substr(run, i, n) ORDER BY substr(run, i, n)), '{}')
                  FROM regexp_split_to_table(t, '[\\x01-\\x7f]+') AS run,
                       generate_series(1, char_length(run)) AS i, (VALUES (1), (2)) AS len(n)
                 WHERE i + n - 1 <= char_length(run));
      END $$`);

    await q.query(`CREATE TABLE search_entry (
      kind text NOT NULL,
      id uuid NOT NULL,
      key text NOT NULL,
      title text NOT NULL,
      title_text text NOT NULL,
      short_text text NOT NULL,
      search_text text NOT NULL,
      document tsvector NOT NULL,
      grams text[] NOT NULL,
      topics text[] NOT NULL,
      PRIMARY KEY (kind, id)) PARTITION BY LIST (kind)`);
    for (const { kind, partition } of SEARCHABLE) await q.query(`CREATE TABLE ${partition} PARTITION OF search_entry FOR VALUES IN ('${kind}')`);

    const topics = (kind: string, alias: string): string => {
      const t = TOPIC_TABLES.find((x) => x.kind === kind)!;
      return `ARRAY(SELECT x.topic_key::text FROM ${t.table} x WHERE x.${t.column} = ${alias}.id ORDER BY 1)`;
    };
    await q.query(`CREATE VIEW search_source AS
      SELECT 'MUNICIPALITY'::text AS kind, m.id, m.key::text AS key, m.name::text AS title, lower(m.name || ' ' || coalesce(m.name_ja, '')) AS title_text,
             lower(m.key || ' ' || m.name || ' ' || coalesce(m.name_ja, '')) AS short_text, m.search_text, m.search_document AS document, kk_search_grams(m.search_text) AS grams, ${topics('MUNICIPALITY', 'm')} AS topics
        FROM municipality m
      UNION ALL
      SELECT 'NEED', n.id, n.key, n.title, lower(n.title), lower(n.key || ' ' || n.title), n.search_text, n.search_document, kk_search_grams(n.search_text), ${topics('NEED', 'n')}
        FROM need n
      UNION ALL
      SELECT 'PARTNERSHIP', p.id, p.key, p.title, lower(p.title), lower(p.key || ' ' || p.title), p.search_text, p.search_document, kk_search_grams(p.search_text), ${topics('PARTNERSHIP', 'p')}
        FROM partnership p
      UNION ALL
      SELECT 'CASE_STUDY', c.id, c.key, c.title, lower(c.title), lower(c.key || ' ' || c.title), c.search_text, c.search_document, kk_search_grams(c.search_text), ${topics('CASE_STUDY', 'c')}
        FROM case_study c`);

    const columns = ['key', 'title', 'title_text', 'short_text', 'search_text', 'document', 'grams', 'topics'];
    // EXECUTE plans each call with its kind and ids as constants: only that kind's branch of the view,
    // and a plan that suits one id (a trigger) or a whole import's (hashed, or a join).
    await q.query(`CREATE FUNCTION kk_search_sync(p_kind text, p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        -- Gone is gone from the record's own table: an anti-join on its primary key. (Against the view,
        -- a bulk write's stale row estimates planned a nested loop over the view: 20,000 ids, 33 s.)
        EXECUTE format('DELETE FROM search_entry s WHERE s.kind = $1 AND s.id = ANY($2)
                          AND NOT EXISTS (SELECT 1 FROM %I t WHERE t.id = s.id)',
                       CASE p_kind ${SEARCHABLE.map(({ kind, table }) => `WHEN '${kind}' THEN '${table}'`).join(' ')} END) USING p_kind, p_ids;
        EXECUTE 'INSERT INTO search_entry AS s SELECT * FROM search_source v WHERE v.kind = $1 AND v.id = ANY($2)
                 ON CONFLICT (kind, id) DO UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
                 WHERE (${columns.map((c) => `s.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `EXCLUDED.${c}`).join(', ')})' USING p_kind, p_ids;
      END $$`);

    // TG_ARGV: the kind, and the column holding the record's id (id, or the parent's id in a topic table).
    await q.query(`CREATE FUNCTION kk_search_written() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids uuid[];
      BEGIN
        IF current_setting('${SEARCH_SYNC_SETTING}', true) = 'deferred' THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[1]) INTO ids;
        ELSIF TG_OP = 'DELETE' THEN
          EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[1]) INTO ids;
        ELSE
          EXECUTE format('SELECT array_agg(DISTINCT x) FROM (SELECT %1$I AS x FROM new_rows UNION SELECT %1$I FROM old_rows) u', TG_ARGV[1]) INTO ids;
        END IF;
        IF ids IS NOT NULL THEN PERFORM kk_search_sync(TG_ARGV[0], ids); END IF;
        RETURN NULL;
      END $$`);
    // TRUNCATE has no transition table: a truncated record table empties its kind; a truncated topic table clears its kind's topics.
    await q.query(`CREATE FUNCTION kk_search_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('${SEARCH_SYNC_SETTING}', true) = 'deferred' THEN RETURN NULL; END IF;
        IF TG_ARGV[1] = 'id' THEN DELETE FROM search_entry WHERE kind = TG_ARGV[0];
        ELSE UPDATE search_entry SET topics = '{}' WHERE kind = TG_ARGV[0] AND topics <> '{}';
        END IF;
        RETURN NULL;
      END $$`);

    const sources = [...SEARCHABLE.map(({ kind, table }) => ({ kind, table, column: 'id' })), ...TOPIC_TABLES];
    for (const { kind, table, column } of sources) {
      const args = `'${kind}', '${column}'`;
      await q.query(
        `CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kk_search_written(${args})`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kk_search_written(${args})`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kk_search_written(${args})`,
      );
      await q.query(`CREATE TRIGGER ${table}_search_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION kk_search_truncated(${args})`);
    }

    await q.query(`INSERT INTO search_entry SELECT * FROM search_source`);
    await q.query(`CREATE INDEX search_entry_document_idx ON search_entry USING gin (document)`);
    await q.query(`CREATE INDEX search_entry_text_trgm_idx ON search_entry USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX search_entry_short_trgm_idx ON search_entry USING gin (short_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX search_entry_grams_idx ON search_entry USING gin (grams)`);
    await q.query(`ANALYZE search_entry`);

    await q.query(`DROP INDEX municipality_search_doc_idx`);
    for (const table of ['need', 'partnership', 'case_study']) {
      await q.query(`DROP INDEX ${table}_search_trgm_idx`);
      await q.query(`DROP INDEX ${table}_search_doc_idx`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX municipality_search_doc_idx ON municipality USING gin (search_document)`);
    for (const table of ['need', 'partnership', 'case_study']) {
      await q.query(`CREATE INDEX ${table}_search_trgm_idx ON ${table} USING gin (search_text gin_trgm_ops)`);
      await q.query(`CREATE INDEX ${table}_search_doc_idx ON ${table} USING gin (search_document)`);
    }
    for (const { table } of [...SEARCHABLE, ...TOPIC_TABLES]) {
      for (const event of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER ${table}_search_${event} ON ${table}`);
    }
    await q.query(`DROP FUNCTION kk_search_truncated()`);
    await q.query(`DROP FUNCTION kk_search_written()`);
    await q.query(`DROP FUNCTION kk_search_sync(text, uuid[])`);
    await q.query(`DROP VIEW search_source`);
    await q.query(`DROP TABLE search_entry`);
    await q.query(`DROP FUNCTION kk_search_grams(text)`);
  }
}
