import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import { badInput, pageRequest, type RequestContext } from '@kakehashi/kernel';
import { CalendarService } from '../calendar/calendar.service';
import { NeedStatusSql, type EffectiveNeedStatus } from '../need/need-status';
import { containsPattern } from '../shared/paging';
import { snippetAround } from './snippet';

export const SearchHitKind = Object.freeze({ MUNICIPALITY: 'MUNICIPALITY', NEED: 'NEED', PARTNERSHIP: 'PARTNERSHIP', CASE_STUDY: 'CASE_STUDY' } as const);
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

/**
 * The records worth scoring, each found on an index (ADR 24): full text on the GIN `search_document`
 * index and substring on the GIN trigram index of `search_text` first; trigram word similarity
 * (`<%`, threshold set for this statement only) — the typo signal, whose index candidates for a
 * text of common words run into the tens of thousands, each rechecked — only when those found fewer
 * than the page asks for; and the topics named by the text through the topic indexes of the child
 * tables. Only these rows are scored; nothing scans a whole table.
 */
const HIT_IDS = `
  strict_hits AS (
    (SELECT 'MUNICIPALITY' AS kind, m.id FROM municipality m, q WHERE m.search_document @@ q.tsq OR m.search_text LIKE q.pattern LIMIT ${TEXT_ROWS_PER_KIND})
    UNION ALL
    (SELECT 'NEED', n.id FROM need n, q WHERE n.search_document @@ q.tsq OR n.search_text LIKE q.pattern LIMIT ${TEXT_ROWS_PER_KIND})
    UNION ALL
    (SELECT 'PARTNERSHIP', p.id FROM partnership p, q WHERE p.search_document @@ q.tsq OR p.search_text LIKE q.pattern LIMIT ${TEXT_ROWS_PER_KIND})
    UNION ALL
    (SELECT 'CASE_STUDY', c.id FROM case_study c, q WHERE c.search_document @@ q.tsq OR c.search_text LIKE q.pattern LIMIT ${TEXT_ROWS_PER_KIND})),
  fuzzy_wanted AS (SELECT count(*) < $4 AS yes FROM (SELECT 1 FROM strict_hits LIMIT $4) s),
  fuzzy_hits AS (
    (SELECT 'MUNICIPALITY' AS kind, m.id FROM municipality m, q WHERE (SELECT yes FROM fuzzy_wanted) AND q.t <% m.search_text LIMIT ${TEXT_ROWS_PER_KIND})
    UNION ALL
    (SELECT 'NEED', n.id FROM need n, q WHERE (SELECT yes FROM fuzzy_wanted) AND q.t <% n.search_text LIMIT ${TEXT_ROWS_PER_KIND})
    UNION ALL
    (SELECT 'PARTNERSHIP', p.id FROM partnership p, q WHERE (SELECT yes FROM fuzzy_wanted) AND q.t <% p.search_text LIMIT ${TEXT_ROWS_PER_KIND})
    UNION ALL
    (SELECT 'CASE_STUDY', c.id FROM case_study c, q WHERE (SELECT yes FROM fuzzy_wanted) AND q.t <% c.search_text LIMIT ${TEXT_ROWS_PER_KIND})),
  topic_hits AS (
    SELECT 'MUNICIPALITY' AS kind, x.id FROM topics
     CROSS JOIN LATERAL (SELECT e.municipality_id AS id FROM expertise e WHERE e.topic_key = topics.key ORDER BY e.level DESC, e.municipality_id LIMIT ${TOPIC_ROWS_PER_KIND}) x
    UNION ALL
    SELECT 'NEED', x.id FROM topics
     CROSS JOIN LATERAL (SELECT nt.need_id AS id FROM need_topic nt WHERE nt.topic_key = topics.key ORDER BY nt.need_id LIMIT ${TOPIC_ROWS_PER_KIND}) x
    UNION ALL
    SELECT 'PARTNERSHIP', x.id FROM topics
     CROSS JOIN LATERAL (SELECT pt.partnership_id AS id FROM partnership_topic pt WHERE pt.topic_key = topics.key ORDER BY pt.partnership_id LIMIT ${TOPIC_ROWS_PER_KIND}) x
    UNION ALL
    SELECT 'CASE_STUDY', x.id FROM topics
     CROSS JOIN LATERAL (SELECT ct.case_study_id AS id FROM case_study_topic ct WHERE ct.topic_key = topics.key ORDER BY ct.case_study_id LIMIT ${TOPIC_ROWS_PER_KIND}) x),
  hit_ids AS (SELECT DISTINCT kind, id FROM (SELECT * FROM strict_hits UNION ALL SELECT * FROM fuzzy_hits UNION ALL SELECT * FROM topic_hits) h)`;

/**
 * Every record found, as (kind, id, key, title, title_text, body, search_text, search_document).
 * `title_text` is what a title match is judged on (a municipality's names in both languages); keys
 * are left out of it because they often repeat another record's name (`kawasaki-makassar-2022`).
 */
const CANDIDATES = `
  SELECT 'MUNICIPALITY' AS kind, m.id, m.key, m.name AS title, lower(m.name || ' ' || coalesce(m.name_ja, '')) AS title_text,
         concat_ws(' · ', m.name_ja, m.organization, m.region, m.subdivision) AS body, m.search_text, m.search_document,
         EXISTS (SELECT 1 FROM expertise e JOIN topics ON topics.key = e.topic_key WHERE e.municipality_id = m.id) AS on_topic,
         NULL::text AS need_status
    FROM municipality m WHERE m.id IN (SELECT id FROM hit_ids WHERE kind = 'MUNICIPALITY')
  UNION ALL
  SELECT 'NEED', n.id, n.key, n.title, lower(n.title), coalesce(n.description, ''), n.search_text, n.search_document,
         EXISTS (SELECT 1 FROM need_topic x JOIN topics ON topics.key = x.topic_key WHERE x.need_id = n.id), ${NeedStatusSql.effective('n', '$5')}
    FROM need n WHERE n.id IN (SELECT id FROM hit_ids WHERE kind = 'NEED')
  UNION ALL
  SELECT 'PARTNERSHIP', p.id, p.key, p.title, lower(p.title), coalesce(p.summary, ''), p.search_text, p.search_document,
         EXISTS (SELECT 1 FROM partnership_topic x JOIN topics ON topics.key = x.topic_key WHERE x.partnership_id = p.id), NULL
    FROM partnership p WHERE p.id IN (SELECT id FROM hit_ids WHERE kind = 'PARTNERSHIP')
  UNION ALL
  SELECT 'CASE_STUDY', c.id, c.key, c.title, lower(c.title), coalesce(c.summary, ''), c.search_text, c.search_document,
         EXISTS (SELECT 1 FROM case_study_topic x JOIN topics ON topics.key = x.topic_key WHERE x.case_study_id = c.id), NULL
    FROM case_study c WHERE c.id IN (SELECT id FROM hit_ids WHERE kind = 'CASE_STUDY')`;

/**
 * Four signals, because each alone fails someone: full-text rank (English words and their stems),
 * trigram word similarity (typos such as "leakge"), plain substring (Japanese names like 川崎,
 * which have no stems and too few characters for trigrams), and the taxonomy — a text naming a
 * topic by a label or synonym in either language (漏水, 無収水, "water loss") finds the records
 * filed under that topic or its children even when their own text is in another language. A match
 * in the title, or the exact key, counts extra. Weights add up to 1.
 * `q` sets pg_trgm's word-similarity threshold to $3 for this statement (transaction-local, so it
 * ends with the statement outside a transaction): `<%` then means `word_similarity >= $3`, the
 * same test the score applies, and the trigram index can answer it.
 */
const SEARCH_SQL = `
  WITH q AS MATERIALIZED (
    SELECT websearch_to_tsquery('english', $1) AS tsq, lower($1) AS t, $2::text AS pattern,
           set_config('pg_trgm.word_similarity_threshold', $3::float8::text, true) AS threshold),
  named AS (
    SELECT t.key FROM topic t, q
     WHERE EXISTS (SELECT 1 FROM unnest(t.synonyms_en || t.synonyms_ja || ARRAY[t.label_en, t.label_ja]) AS s(word)
                    WHERE char_length(s.word) >= 2 AND strpos(q.t, lower(s.word)) > 0)),
  topics AS (SELECT t.key FROM topic t WHERE t.key IN (SELECT key FROM named) OR t.parent_key IN (SELECT key FROM named)),
  ${HIT_IDS},
  scored AS (
    SELECT h.kind, h.id, h.key, h.title, left(h.body, 4000) AS body,
           h.search_text LIKE q.pattern AS sub,
           h.title_text LIKE q.pattern AS title_sub,
           h.search_document @@ q.tsq AS ts_match,
           ts_rank(h.search_document, q.tsq) AS rank,
           word_similarity(q.t, h.search_text) AS sim,
           word_similarity(q.t, h.title_text) AS title_sim,
           h.key = q.t AS exact_key,
           h.on_topic, h.need_status
      FROM (${CANDIDATES}) h CROSS JOIN q)
  SELECT kind, id, key, title, body, need_status AS "needStatus",
         round((0.25 * sub::int + 0.15 * title_sub::int + 0.2 * least(1, rank * 10) + 0.15 * sim + 0.1 * title_sim + 0.05 * exact_key::int
                + 0.1 * on_topic::int)::numeric, 4)::float8 AS score
    FROM scored
   WHERE sub OR ts_match OR sim >= $3::float8 OR on_topic
   ORDER BY score DESC, kind, key
   LIMIT $4`;

/** Below this trigram word similarity a record that matches no other way is not a hit. */
const MIN_SIMILARITY = 0.45;

/** The one search statement and its parameters, for trimmed `text` (EXPLAIN in tests and the bench read it too). */
export function searchStatement(text: string, limit: number, today: string): { sql: string; params: unknown[] } {
  return { sql: SEARCH_SQL, params: [text, containsPattern(text), MIN_SIMILARITY, limit, today] };
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
    return rows.map(({ body, ...hit }) => ({ ...hit, snippet: snippetAround(body, trimmed) }));
  }
}
