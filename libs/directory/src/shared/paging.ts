import type { Page, PageRequest } from '@kakehashi/kernel';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

const TOTAL = 'kk_total_count';

/**
 * One page of `qb` and the total count in ONE statement (`count(*) OVER ()`). Only a page past the
 * end (no rows, so no window value) costs a second, counting statement.
 * `qb` must select a single entity without joins, so raw rows (returned as `raw`, with any extra
 * selected columns) and entities pair up by position.
 */
export async function fetchPage<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: PageRequest): Promise<Page<T> & { raw: Record<string, unknown>[] }> {
  const { entities, raw } = await qb
    .clone()
    .addSelect('count(*) OVER ()', TOTAL)
    .offset(page.offset)
    .limit(page.first)
    .getRawAndEntities<Record<string, unknown>>();
  const totalCount = raw.length ? Number(raw[0]![TOTAL]) : page.offset > 0 ? await qb.clone().getCount() : 0;
  return { items: entities, totalCount, offset: page.offset, hasNextPage: page.offset + entities.length < totalCount, raw };
}

/** `%text%` for LIKE with `%`, `_` and `\` taken literally (PostgreSQL's default escape is `\`). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Groups rows by a key, keeping their order; every requested id gets an entry (maybe empty). */
export function groupBy<T>(ids: readonly string[], rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return map;
}

/** Indexes rows by id. */
export function indexBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T> {
  return new Map(rows.map((r) => [keyOf(r), r]));
}
