import { clamp01, round4, type Cost } from './combine';
import type { RecordRef } from './reason';
import { formatNumber } from './format';

/**
 * Spread without declared capacity: "how often a body is already suggested". Over a board of open
 * needs, no body should hold more than a third of the top-3 places — otherwise the same
 * experienced city is put in front of every partner and nobody else is ever asked. Each body over
 * that share gets a price — a share of its own score (an OFTEN_SUGGESTED cost of price × what it
 * would otherwise score) — just high enough to bring it back to a third: it then yields its place
 * where its lead is smallest *relative to its score*, and keeps it where it fits clearly best.
 * A share, not a constant: a constant would swamp a body's small scores (a need where nobody has
 * much to show) while barely moving its large ones. Nobody is hidden; a body at or under a third
 * pays nothing.
 */

/** No body in more than this share of the board's top-3 lists. */
export const SPREAD_SHARE = 1 / 3;
/** Below this many open needs "a third of the lists" means one or two: nothing is spread. */
export const SPREAD_MIN_NEEDS = 6;
/** Prices (shares of a body's score) rise in these steps until every body is within its share of the places… */
export const SPREAD_STEP = 0.005;
/** …and never beyond this share of its score: spreading reorders, it does not bury. */
export const SPREAD_MAX_PRICE = 0.5;
/** Places counted per list. */
export const SPREAD_TOP = 3;

/** One candidate of one need, as `combine` sees it before the spread (see `scoreParts`). */
export interface BoardCandidate {
  key: string;
  gained: number;
  cost: number;
  total: number;
  product: number;
}

/** A need on the board with its scored candidates. */
export interface BoardNeed {
  /** The need record's key (null for an evaluation's posted need, which has none). */
  needKey: string | null;
  title?: string;
  candidates: readonly BoardCandidate[];
}

export interface SpreadPrice {
  /** What the body pays, as a share of its score (0: within its share of the places; at most SPREAD_MAX_PRICE). */
  price: number;
  /** Top-3 places it would hold without the spread (ties shared), and on how many needs. */
  places: number;
  needs: number;
  /** Up to three needs whose lists it tops without the spread (the records the mismatch names). */
  examples: RecordRef[];
}

/** A ranked list's entry: what top-3 places are counted on. */
export interface RankedKey {
  key: string;
  score: number;
}

/**
 * Expected membership of each key in the top k of a ranked list, ties shared: a tie group that
 * straddles position k gives each member its share of the places left.
 */
export function topMembership(list: readonly RankedKey[], k = SPREAD_TOP): Map<string, number> {
  const out = new Map<string, number>();
  for (let start = 0; start < list.length && start < k; ) {
    let end = start;
    while (end + 1 < list.length && list[end + 1]!.score === list[start]!.score) end++;
    const size = end - start + 1;
    const places = Math.min(size, k - start);
    for (let i = start; i <= end; i++) out.set(list[i]!.key, places / size);
    start = end + 1;
  }
  return out;
}

/** The score `combine` gives a board candidate after paying `price` (a share of what it scores after its other costs). */
export const pricedScore = (c: BoardCandidate, price: number): number => (c.total > 0 ? round4(clamp01((Math.max(0, c.gained - Math.min(c.gained, c.cost)) * (1 - price)) / c.total) * c.product) : 0);

function places(board: readonly BoardNeed[], prices: ReadonlyMap<string, number>): { held: Map<string, number>; lists: RankedKey[][] } {
  const held = new Map<string, number>();
  const lists = board.map((n) =>
    n.candidates
      .map((c) => ({ key: c.key, score: pricedScore(c, prices.get(c.key) ?? 0) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  );
  for (const list of lists) for (const [key, m] of topMembership(list)) held.set(key, (held.get(key) ?? 0) + m);
  return { held, lists };
}

/**
 * The price of every body on the board, a share of its score: 0 for those within SPREAD_SHARE of
 * the top-3 places, otherwise the least multiple of SPREAD_STEP that brings it within (ties
 * shared), plus one step so it is behind, not level with, those it yields to (≤ SPREAD_MAX_PRICE;
 * that step is kept only when it pushes nobody else over the share); all bodies priced together
 * (a price moves places to others, who may then need one). Deterministic.
 */
export function spreadPrices(board: readonly BoardNeed[], share = SPREAD_SHARE): Map<string, SpreadPrice> {
  const out = new Map<string, SpreadPrice>();
  if (board.length < SPREAD_MIN_NEEDS) return out;
  const cap = share * board.length + 1e-9;
  const prices = new Map<string, number>();
  const { held: unspread, lists } = places(board, prices);
  const over = (p: ReadonlyMap<string, number>) => [...places(board, p).held].filter(([key, v]) => v > cap && (p.get(key) ?? 0) < SPREAD_MAX_PRICE).map(([key]) => key);
  // Every round raises at least one price by a step, and no price passes SPREAD_MAX_PRICE: bounded.
  for (let round = 0; round < 20 * (SPREAD_MAX_PRICE / SPREAD_STEP); round++) {
    const raise = over(prices);
    if (!raise.length) {
      // One step more, so a priced body falls behind those it would otherwise tie with (ties break
      // by key in a list, and the alphabet must not undo the spread) — kept only if that step
      // pushes nobody else over the share; otherwise the search goes on from there.
      const final = new Map([...prices].map(([key, price]) => [key, Math.min(SPREAD_MAX_PRICE, round4(price + SPREAD_STEP))]));
      const after = over(final);
      if (!after.length) {
        for (const [key, price] of final) prices.set(key, price);
        break;
      }
      for (const key of after) prices.set(key, round4((prices.get(key) ?? 0) + SPREAD_STEP));
      continue;
    }
    for (const key of raise) prices.set(key, round4((prices.get(key) ?? 0) + SPREAD_STEP));
  }
  for (const [key, price] of prices) {
    const examples = board
      .map((n, i) => ({ n, m: topMembership(lists[i]!).get(key) ?? 0 }))
      .filter((x) => x.m > 0 && x.n.needKey)
      .slice(0, 3)
      .map((x): RecordRef => ({ type: 'NEED', key: x.n.needKey!, ...(x.n.title ? { label: x.n.title } : {}) }));
    out.set(key, { price, places: round4(unspread.get(key) ?? 0), needs: board.length, examples });
  }
  return out;
}

/**
 * The OFTEN_SUGGESTED cost of a body with a price, or null when it is within its share: the price
 * (a share) of `base`, what the body gains after its other costs, in weight units (see
 * `combine`), so that it costs the same share of every score and reasons still add up.
 */
export function oftenSuggestedCost(key: string, name: string, spread: ReadonlyMap<string, SpreadPrice> | undefined, base = 0): Cost | null {
  const s = spread?.get(key);
  if (!s || s.price <= 0) return null;
  const placesEn = formatNumber(s.places, 'en', 1);
  const pct = Math.round(s.price * 1000) / 10;
  return {
    kind: 'OFTEN_SUGGESTED',
    cost: s.price * Math.max(0, base),
    detail: `Would be among the first three for ${placesEn} of ${s.needs} open needs (a third at most): ${formatNumber(pct, 'en')} % off its score, so bureaus that fit nearly as well are shown first here`,
    detailJa: `調整しなければ公開中の依頼${s.needs}件中${formatNumber(s.places, 'ja', 1)}件で上位3位以内（上限は3分の1）：スコアを${formatNumber(pct, 'ja')}%差し引き、同程度に適合する他団体を先に表示`,
    records: [{ type: 'MUNICIPALITY', key, label: name }, ...s.examples],
  };
}
