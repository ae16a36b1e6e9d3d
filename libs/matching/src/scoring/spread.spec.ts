import { describe, expect, it } from 'vitest';
import { combine } from './combine';
import { oftenSuggestedCost, pricedScore, spreadPrices, SPREAD_MAX_PRICE, SPREAD_MIN_NEEDS, topMembership, type BoardNeed } from './spread';

/** A need whose candidates gain `scores` (weight units out of 1, no costs). */
const need = (key: string, scores: Record<string, number>): BoardNeed => ({ needKey: key, title: key, candidates: Object.entries(scores).map(([k, gained]) => ({ key: k, gained, cost: 0, total: 1, product: 1 })) });

describe('spread: how often a body is already suggested', () => {
  it('prices a body that would top every list down to a third of the top-3 places, where its lead is smallest', () => {
    // "big" leads everywhere, by a lot on needs 0–1 and by a hair on the rest.
    const board = Array.from({ length: 6 }, (_, i) => need(`n${i}`, { big: i < 2 ? 0.9 : 0.52, [`a${i}`]: 0.5, [`b${i}`]: 0.49, [`c${i}`]: 0.48 }));
    const prices = spreadPrices(board);
    const big = prices.get('big')!;
    expect(big.price).toBeGreaterThan(0);
    expect(big.places).toBe(6);
    expect(big.needs).toBe(6);
    const held = board.map((n) => topMembership(n.candidates.map((c) => ({ key: c.key, score: pricedScore(c, prices.get(c.key)?.price ?? 0) })).sort((x, y) => y.score - x.score)).get('big') ?? 0);
    expect(held.reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(6 / 3 + 1e-9);
    expect(held[0]).toBe(1); // it keeps the lists it clearly leads
    expect(held[1]).toBe(1);
    for (const other of ['a0', 'b3', 'c5']) expect(prices.get(other)?.price ?? 0).toBe(0);
  });

  it('spreads nothing on a small board, and never buries: the price is at most half a score', () => {
    expect(spreadPrices(Array.from({ length: SPREAD_MIN_NEEDS - 1 }, (_, i) => need(`n${i}`, { big: 0.9, a: 0.1, b: 0.1, c: 0.1 }))).size).toBe(0);
    const alone = spreadPrices(Array.from({ length: 9 }, (_, i) => need(`n${i}`, { big: 0.9, a: 0.1 })));
    expect(alone.get('big')!.price).toBe(SPREAD_MAX_PRICE);
    expect(SPREAD_MAX_PRICE).toBeLessThan(1);
  });

  it('prices a share of the score, so a weak fit is reordered as gently as a strong one', () => {
    // "big" leads by 4 % on every list: on three needs everybody scores ten times less than on the
    // other three. A share treats both alike; a constant price would take every weak list from it
    // (and none of the strong ones) — the weak lists are where a small constant swamps a score.
    const board = Array.from({ length: 6 }, (_, i) => {
      const scale = i < 3 ? 0.05 : 0.5;
      return need(`n${i}`, { big: 1.04 * scale, [`a${i}`]: scale, [`b${i}`]: 0.99 * scale, [`c${i}`]: 0.98 * scale });
    });
    const prices = spreadPrices(board);
    const price = prices.get('big')!.price;
    expect(price).toBeGreaterThan(0);
    expect(price).toBeLessThan(0.1); // a few per cent of its score, whatever the scale
    const rankOf = (n: BoardNeed) => [...n.candidates].map((c) => ({ key: c.key, score: pricedScore(c, prices.get(c.key)?.price ?? 0) })).sort((x, y) => y.score - x.score).findIndex((x) => x.key === 'big');
    const ranks = board.map(rankOf);
    // The same relative lead gives the same place on a weak and a strong list.
    expect(ranks.slice(0, 3)).toEqual(ranks.slice(3));
    expect(pricedScore(board[0]!.candidates[0]!, price) / board[0]!.candidates[0]!.gained).toBeCloseTo(pricedScore(board[3]!.candidates[0]!, price) / board[3]!.candidates[0]!.gained, 3);
  });

  it('keeps every body within a third after the last step that puts a priced body behind those it tied with', () => {
    // Four strong bodies on twelve lists: pricing one moves its places to the next, who must then
    // be priced too; the final step must not push anyone back over the third.
    const board = Array.from({ length: 12 }, (_, i) => need(`n${i}`, { w: 0.6, x: 0.59, y: 0.58, z: 0.57, [`a${i}`]: 0.45 + i / 1000, [`b${i}`]: 0.44, [`c${i}`]: 0.43 }));
    const prices = spreadPrices(board);
    const held = new Map<string, number>();
    for (const n of board) for (const [k, m] of topMembership(n.candidates.map((c) => ({ key: c.key, score: pricedScore(c, prices.get(c.key)?.price ?? 0) })).sort((x, y) => y.score - x.score || x.key.localeCompare(y.key)))) held.set(k, (held.get(k) ?? 0) + m);
    for (const [, v] of held) expect(v).toBeLessThanOrEqual(12 / 3 + 1e-9);
  });

  it('is a mismatch with its cost that names the body and the needs it would top; reasons still add up to the score', () => {
    const board = Array.from({ length: 6 }, (_, i) => need(`n${i}`, { big: 0.6, [`a${i}`]: 0.5, [`b${i}`]: 0.49, [`c${i}`]: 0.48 }));
    const prices = spreadPrices(board);
    // The price is a share of what the body gains (here 0.6 weight units): its cost is that share.
    const cost = oftenSuggestedCost('big', 'Big City', prices, 0.6)!;
    const price = prices.get('big')!.price;
    expect(cost.kind).toBe('OFTEN_SUGGESTED');
    expect(cost.cost).toBeCloseTo(0.6 * price, 6);
    expect(cost.detail).toMatch(/first three for 6 of 6 open needs/);
    expect(cost.detail).toContain(`${Math.round(price * 1000) / 10} % off its score`);
    expect(cost.detailJa).toMatch(/6件中6件/);
    expect(cost.records).toEqual([{ type: 'MUNICIPALITY', key: 'big', label: 'Big City' }, ...['n0', 'n1', 'n2'].map((k) => ({ type: 'NEED', key: k, label: k }))]);
    const card = combine([{ kind: 'TOPIC_FIT', strength: 0.6, detail: '', detailJa: '', records: [] }], [], { weights: { TOPIC_FIT: 1 } }, [cost]);
    expect(card.score).toBeCloseTo(0.6 * (1 - price), 4);
    expect(card.score).toBeCloseTo(pricedScore(board[0]!.candidates[0]!, price), 4);
    expect(card.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(card.score, 4);
    expect(card.mismatches.find((m) => m.kind === 'OFTEN_SUGGESTED')!.weight).toBeCloseTo(cost.cost, 4);
    expect(oftenSuggestedCost('a0', 'A', prices)).toBeNull();
  });
});
