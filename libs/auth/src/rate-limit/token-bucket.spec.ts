import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('TokenBuckets', () => {
  it('allows a burst of `capacity`, then refuses until a token is regained', () => {
    const c = clock();
    const b = new TokenBuckets({ capacity: 3, refillMs: 1000, now: c.now });
    expect([b.take('a'), b.take('a'), b.take('a'), b.take('a')]).toEqual([true, true, true, false]);
    expect(b.waitMs('a')).toBe(1000);
    c.advance(999);
    expect(b.take('a')).toBe(false);
    c.advance(1);
    expect(b.waitMs('a')).toBe(0);
    expect([b.take('a'), b.take('a')]).toEqual([true, false]);
  });

  it('keeps keys apart and never exceeds capacity after a long pause', () => {
    const c = clock();
    const b = new TokenBuckets({ capacity: 2, refillMs: 10, now: c.now });
    b.take('a');
    b.take('a');
    expect(b.take('b')).toBe(true);
    c.advance(1_000_000);
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([true, true, false]);
  });

  it('keeps partial refill progress (no drift when polled often)', () => {
    const c = clock();
    const b = new TokenBuckets({ capacity: 1, refillMs: 100, now: c.now });
    b.take('a');
    for (let i = 0; i < 9; i++) {
      c.advance(10);
      expect(b.take('a')).toBe(false);
    }
    c.advance(10);
    expect(b.take('a')).toBe(true);
  });

  it('bounds memory by forgetting the least recently touched keys', () => {
    const b = new TokenBuckets({ capacity: 1, refillMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) b.take(`k${i}`);
    expect(b.size).toBe(100);
    expect(b.take('k999')).toBe(false); // recent: still remembered
    expect(b.take('k0')).toBe(true); // forgotten: a full bucket again
  });
});
