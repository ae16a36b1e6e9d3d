import { Injectable } from '@nestjs/common';
import { SEARCHABLE, TransactionalConnection } from '@kakehashi/database';
import { badInput, pageRequest, type RequestContext } from '@kakehashi/kernel';
import { CalendarService } from '../calendar/calendar.service';
import { NeedStatusSql, type EffectiveNeedStatus } from '../need/need-status';
import { containsPattern } from '../shared/paging';
import { snippetAround } from './snippet';

export const SearchHitKind = Object.freeze({
  MUNICIPALITY: 'MUNICIPALITY',
  NEED: 'NEED',
  PARTNERSHIP: 'PARTNERSHIP',
  CASE_STUDY: 'CASE_STUDY',
} as const);
export type SearchHitKind = keyof typeof SearchHitKind;

export interface SearchHit {
  kind: SearchHitKind;
  /** Id of the record, for loading it. */
  id: string;
  key: string;
  title: string;
  snippet: string;
  /** 0..1, best first. */
  score: number;
  /** A need's status as it reads today (EXPIRED past its expiresOn); null for other kinds. */
  needStatus: EffectiveNeedStatus | null;
}

export const MAX_SEARCH_TEXT = 200;

/**
 * Records a topic alone brings in, per kind and topic: the strongest first (expertise by level, the
 * others by id). A topic named by the text can cover tens of thousands of records of a world-sized
 * directory; scoring all of them would scan as much as the text signals avoid. Their score is at
 * most 0.1 + what their text adds, so they fill the list only when the text finds few records.
 */
export const TOPIC_ROWS_PER_KIND = 200;

/**
 * Rows a text signal contributes per kind. A word in every record ("water") would otherwise have
 * the statement score the whole directory; past this many, which rows are scored is the order the
 * index returns them in, not their relevance.
 */
export const TEXT_ROWS_PER_KIND = 1000;

/** The kinds of search_entry, in the order ties are broken, and their partitions. */
const KINDS = SEARCHABLE.map((s) => s.kind);
const PARTITION = Object.fromEntries(SEARCHABLE.map((s) => [s.kind, s.partition])) as Record<SearchHitKind, string>;

/**
 * A record's signals, from its search_entry row `e` and the query `q` (ADR 28; the signals of ADR 5).
 * Four signals, because each alone fails someone: full-text rank (English words and their stems),
 * trigram word similarity to the record's short text — key and title (typos such as "leakge") —, plain substring of its
 * whole text (Japanese names like 川崎, found on the grams index), and the taxonomy — a text naming
 * a topic by a label or synonym in either language (漏水, 無収水, "water loss") finds the records filed
 * under that topic or its children even when their own text is in another language. A match in the
 * title, or the exact key, counts extra. Weights add up to 1:
 *   0.25 substring · 0.15 title substring · 0.2 full-text rank (×10, at most 1) · 0.15 similarity to
 *   the short text · 0.1 similarity to the title · 0.05 exact key · 0.1 topic.
 * `base` is the score without the similarities, which cost the most to compute: they are computed only for
 * the rows that can still reach the page (SIMILARITY_WEIGHT). Every row an arm finds is a hit by
 * construction (its substring, full text, `<%` similarity or topic matched), so no filter repeats them.
 */
const BASE = `
  e.kind, e.id, e.key, e.title, e.title_text, e.short_text,
  0.25 * (e.search_text LIKE q.pattern)::int + 0.15 * (e.title_text LIKE q.pattern)::int + 0.2 * least(1, ts_rank(e.document, q.tsq) * 10)
    + 0.05 * (e.key = q.t)::int + 0.1 * (e.topics && (SELECT keys FROM topic_keys))::int AS base`;

/** A found row's score: `base` and the two similarities (0.15 short text, 0.1 title). */
const SCORE = `base + 0.15 * word_similarity(q.t, short_text) + 0.1 * word_similarity(q.t, title_text)`;

/** The most the two similarities add to `base`. */
const SIMILARITY_WEIGHT = 0.25;

/**
 * The bar a row must be able to reach: the lowest score of the `$4` rows with the best `base` (the
 * `seed`, scored in full), less this margin (above the score's rounding to 4 places). At least `$4`
 * rows score that much, so a row whose `base` plus the most the similarities can add stays below it
 * cannot reach the page: its similarities are not computed. The page is the same as scoring all.
 */
const PRUNE_MARGIN = 0.001;

/** One capped lookup per kind, each on its own partition's indexes. */
const perKind = (where: string): string => KINDS.map((kind) => `(SELECT ${BASE} FROM ${PARTITION[kind]} e, q WHERE ${where} LIMIT ${TEXT_ROWS_PER_KIND})`).join('\n    UNION ALL ');

/**
 * The substring test on an index: trigrams for ASCII text; for text with other characters (Japanese,
 * whose short words have no trigrams — none at all under a C-locale cluster) the grams array,
 * rechecked by LIKE. `kk_search_grams` decides which grams those are (non-ASCII runs), in SQL only.
 */
const SUBSTRING = {
  trigrams: `e.search_text LIKE q.pattern`,
  grams: `(e.grams @> q.grams AND strpos(e.search_text, q.t) > 0)`,
};

/** Records a topic named by the text brings in, per kind: the topic indexes of the child tables, as ADR 24. */
const TOPIC_IDS: Record<SearchHitKind, string> = {
  MUNICIPALITY: `SELECT x.id FROM topics CROSS JOIN LATERAL (SELECT e.municipality_id AS id FROM expertise e WHERE e.topic_key = topics.key ORDER BY e.level DESC, e.municipality_id LIMIT ${TOPIC_ROWS_PER_KIND}) x`,
  NEED: `SELECT x.id FROM topics CROSS JOIN LATERAL (SELECT nt.need_id AS id FROM need_topic nt WHERE nt.topic_key = topics.key ORDER BY nt.need_id LIMIT ${TOPIC_ROWS_PER_KIND}) x`,
  PARTNERSHIP: `SELECT x.id FROM topics CROSS JOIN LATERAL (SELECT pt.partnership_id AS id FROM partnership_topic pt WHERE pt.topic_key = topics.key ORDER BY pt.partnership_id LIMIT ${TOPIC_ROWS_PER_KIND}) x`,
  CASE_STUDY: `SELECT x.id FROM topics CROSS JOIN LATERAL (SELECT ct.case_study_id AS id FROM case_study_topic ct WHERE ct.topic_key = topics.key ORDER BY ct.case_study_id LIMIT ${TOPIC_ROWS_PER_KIND}) x`,
};

/** What the page shows of a hit: a body to cut the snippet from, and a need's status today. */
const SHOWN = `
  SELECT top.kind, top.id, top.key, top.title, top.score,
         left(CASE top.kind WHEN 'MUNICIPALITY' THEN concat_ws(' · ', m.name_ja, m.organization, m.region, m.subdivision)
                            WHEN 'NEED' THEN coalesce(n.description, '') WHEN 'PARTNERSHIP' THEN coalesce(p.summary, '') ELSE coalesce(c.summary, '') END, 4000) AS body,
         CASE WHEN top.kind = 'NEED' THEN ${NeedStatusSql.effective('n', '$5')} END AS "needStatus"
    FROM top
    LEFT JOIN municipality m ON top.kind = 'MUNICIPALITY' AND m.id = top.id
    LEFT JOIN need n ON top.kind = 'NEED' AND n.id = top.id
    LEFT JOIN partnership p ON top.kind = 'PARTNERSHIP' AND p.id = top.id
    LEFT JOIN case_study c ON top.kind = 'CASE_STUDY' AND c.id = top.id
   ORDER BY top.score DESC, top.kind, top.key`;

/**
 * The search statement on search_entry (ADR 28, after ADR 24): the records worth scoring, each found
 * on an index of its kind's partition — full text and substring first; trigram similarity to the
 * short text (`<%`, threshold set for this statement only: the typo signal) only when those found fewer
 * than the page asks for and the text has trigrams at all; the topics named by the text through the
 * topic indexes of the child tables — `base` scored as they are read, then the similarity for those
 * that can still reach the page, the best `$4` kept. Nothing scans a whole table; only the page's
 * rows go back to their own tables, for the snippet and a need's status.
 * `q` sets pg_trgm's word-similarity threshold to $3 for this statement (transaction-local, so it
 * ends with the statement outside a transaction): `<%` then means `word_similarity >= $3`, and the
 * trigram index can answer it.
 */
function searchSql(substring: string): string {
  return `
  WITH q AS MATERIALIZED (
    SELECT websearch_to_tsquery('english', $1) AS tsq, lower($1) AS t, $2::text AS pattern, kk_search_grams(lower($1)) AS grams,
           set_config('pg_trgm.word_similarity_threshold', $3::float8::text, true) AS threshold_set),
  named AS (
    SELECT t.key FROM topic t, q
     WHERE EXISTS (SELECT 1 FROM unnest(t.synonyms_en || t.synonyms_ja || ARRAY[t.label_en, t.label_ja]) AS s(word)
                    WHERE char_length(s.word) >= 2 AND strpos(q.t, lower(s.word)) > 0)),
  topics AS (SELECT t.key FROM topic t WHERE t.key IN (SELECT key FROM named) OR t.parent_key IN (SELECT key FROM named)),
  topic_keys AS (SELECT coalesce(array_agg(key::text), '{}') AS keys FROM topics),
  strict_hits AS MATERIALIZED (
    ${perKind(`(e.document @@ q.tsq OR ${substring})`)}),
  fuzzy_wanted AS (SELECT count(*) < $4 AND cardinality(show_trgm((SELECT t FROM q))) > 0 AS yes FROM (SELECT 1 FROM strict_hits LIMIT $4) s),
  fuzzy_hits AS (
    ${perKind(`(SELECT yes FROM fuzzy_wanted) AND q.t <% e.short_text`)}),
  topic_hits AS (
    ${KINDS.map((kind) => `(SELECT ${BASE} FROM ${PARTITION[kind]} e, q WHERE e.kind = '${kind}' AND e.id = ANY (ARRAY(${TOPIC_IDS[kind]})))`).join('\n    UNION ALL ')}),
  found AS MATERIALIZED (
    SELECT DISTINCT * FROM (SELECT * FROM strict_hits UNION ALL SELECT * FROM fuzzy_hits UNION ALL SELECT * FROM topic_hits) h),
  seed AS (SELECT ${SCORE} AS score FROM (SELECT * FROM found ORDER BY base DESC LIMIT $4) f, q),
  bar AS (SELECT min(score) AS score FROM seed HAVING count(*) = $4),
  top AS (
    SELECT kind, id, key, title, round((${SCORE})::numeric, 4)::float8 AS score
      FROM found, q
     WHERE base + ${SIMILARITY_WEIGHT} >= coalesce((SELECT score FROM bar), 0) - ${PRUNE_MARGIN}
     ORDER BY score DESC, kind, key
     LIMIT $4)
  ${SHOWN}`;
}

const SEARCH_SQL = {
  trigrams: searchSql(SUBSTRING.trigrams),
  grams: searchSql(SUBSTRING.grams),
};

/** Text with a character outside ASCII: its substring is narrowed on the grams index (see SUBSTRING). */
const NON_ASCII = /[\u0080-\u{10ffff}]/u;

/** Below this trigram word similarity a record that matches no other way is not a hit. */
const MIN_SIMILARITY = 0.45;

/** The one search statement and its parameters, for trimmed `text` (EXPLAIN in tests and the bench read it too). */
export function searchStatement(text: string, limit: number, today: string): { sql: string; params: unknown[] } {
  return {
    sql: NON_ASCII.test(text) ? SEARCH_SQL.grams : SEARCH_SQL.trigrams,
    params: [text, containsPattern(text), MIN_SIMILARITY, limit, today],
  };
}

/** Free-text search across municipalities, needs, partnerships and case studies: one statement. */
@Injectable()
export class SearchService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly calendar: CalendarService = new CalendarService(),
  ) {}

  /** The best `first` (1–100, default 20) hits for `text`, best first. */
  async search(ctx: RequestContext, text: string, first?: number | null): Promise<SearchHit[]> {
    const trimmed = text.trim();
    if (!trimmed) throw badInput('text must not be empty', [{ path: 'text', message: 'type at least one character' }]);
    if (text.length > MAX_SEARCH_TEXT) throw badInput(`text is longer than ${MAX_SEARCH_TEXT} characters`, [{ path: 'text', message: `at most ${MAX_SEARCH_TEXT} characters` }]);
    const { first: limit } = pageRequest(first, null);
    const { sql, params } = searchStatement(trimmed, limit, this.calendar.today());
    const rows: (Omit<SearchHit, 'snippet'> & { body: string })[] = await this.db.read(ctx, sql, params);
    return rows.map(({ body, ...hit }) => ({
      ...hit,
      snippet: snippetAround(body, trimmed),
    }));
  }
}
