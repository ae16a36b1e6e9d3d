import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryLog } from '@kakehashi/database';
import { insertExpertise, insertMunicipality, insertNeed } from '@kakehashi/testing';
import { createMatchingHarness, type MatchingHarness } from '../../test/matching-harness';
import { PartnerSuggestionService, SPREAD_CLAIM_MS, SPREAD_TTL_MS } from './partner-suggestion.service';

let h: MatchingHarness;
beforeAll(async () => {
  h = await createMatchingHarness();
  const ds = h.db.dataSource;
  const big = await insertMunicipality(ds, { key: 'board-big', country: 'JP', languages: ['ja', 'en'] });
  await insertExpertise(ds, big, 'nrw.leak-detection', { level: 5 });
  for (const k of ['p', 'q', 'r', 's']) await insertExpertise(ds, await insertMunicipality(ds, { key: `board-${k}`, country: 'JP', languages: ['ja', 'en'] }), 'nrw.leak-detection', { level: 4 });
  for (let i = 0; i < 6; i++) {
    const utility = await insertMunicipality(ds, { kind: 'UTILITY', country: 'ID', region: 'Asia', languages: ['en'], key: `board-utility-${i}` });
    await insertNeed(ds, utility, { key: `board-need-${i}`, title: `Leakage ${i}`, topics: ['nrw.leak-detection'], schemes: [] });
  }
});
afterAll(() => h?.db.drop());

const ageStored = (minutes: number) => h.db.dataSource.query(`UPDATE board_spread SET computed_at = clock_timestamp() - $1 * interval '1 minute', refreshing_since = NULL`, [minutes]);
const computedAgoMs = async () => Number((await h.db.dataSource.query(`SELECT extract(epoch FROM clock_timestamp() - computed_at) * 1000 AS ms FROM board_spread`))[0].ms);

describe('the board’s spread, stored and recomputed off the request path (ADR 27)', () => {
  it('is computed once for a database that never had it, then read by every process with one statement', async () => {
    const tax = await h.facts.taxonomy(h.ctx);
    const first = await h.partners.spread(h.ctx, tax);
    expect(first.get('board-big')?.price).toBeGreaterThan(0);
    const other = new PartnerSuggestionService(h.facts); // another process
    const before = QueryLog.statements;
    expect(await other.spread(h.ctx, tax)).toEqual(first);
    expect(QueryLog.statements - before).toBe(1);
    const again = QueryLog.statements;
    await other.spread(h.ctx, tax); // its copy is fresh: no statement
    expect(QueryLog.statements - again).toBe(0);
    // …and equals the board ranked now, as a request inside a transaction ranks it.
    expect(await other.boardSpread(h.ctx, tax)).toEqual(first);
  });

  it('a stale one is answered at once and recomputed in the background, by one process only', async () => {
    const tax = await h.facts.taxonomy(h.ctx);
    const stored = await h.partners.spread(h.ctx, tax);
    await ageStored(SPREAD_TTL_MS / 60_000 + 1);
    const other = new PartnerSuggestionService(h.facts);
    const before = QueryLog.statements;
    expect(await other.spread(h.ctx, tax)).toEqual(stored); // the stored prices, without waiting
    expect(QueryLog.statements - before).toBe(1);
    await other.refreshSpread(h.ctx, false); // the recomputation the request started
    expect(await computedAgoMs()).toBeLessThan(SPREAD_TTL_MS);
    // Only one process claims a stale row; a claim is given up when it outlives SPREAD_CLAIM_MS.
    await ageStored(SPREAD_TTL_MS / 60_000 + 1);
    expect(await h.facts.claimSpreadRefresh(h.ctx, SPREAD_TTL_MS, SPREAD_CLAIM_MS)).toBe(true);
    expect(await h.facts.claimSpreadRefresh(h.ctx, SPREAD_TTL_MS, SPREAD_CLAIM_MS)).toBe(false);
    await h.db.dataSource.query(`UPDATE board_spread SET refreshing_since = clock_timestamp() - $1 * interval '1 millisecond'`, [SPREAD_CLAIM_MS + 60_000]);
    expect(await h.facts.claimSpreadRefresh(h.ctx, SPREAD_TTL_MS, SPREAD_CLAIM_MS)).toBe(true);
    // A fresh row is claimed by nobody.
    await ageStored(0);
    expect(await h.facts.claimSpreadRefresh(h.ctx, SPREAD_TTL_MS, SPREAD_CLAIM_MS)).toBe(false);
  });
});
