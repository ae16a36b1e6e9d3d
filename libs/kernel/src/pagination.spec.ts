import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { decodeCursor, encodeCursor, pageRequest } from './pagination';

describe('pageRequest', () => {
  it('defaults to 20 from the start', () => {
    expect(pageRequest(undefined, undefined)).toEqual({ first: 20, offset: 0 });
  });

  it('starts after the cursor of the last item seen', () => {
    expect(pageRequest(10, encodeCursor(9))).toEqual({ first: 10, offset: 10 });
  });

  it.each([0, -1, 101, 1.5])('refuses first=%s with BAD_USER_INPUT naming first', (first) => {
    try {
      pageRequest(first, null);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('BAD_USER_INPUT');
      expect((e as DomainError).details[0]!.path).toBe('first');
    }
  });

  it('accepts the bounds 1 and 100', () => {
    expect(pageRequest(1, null).first).toBe(1);
    expect(pageRequest(100, null).first).toBe(100);
  });
});

describe('cursors', () => {
  it('round-trip offsets', () => {
    for (const n of [0, 1, 99, 123456]) expect(decodeCursor(encodeCursor(n))).toBe(n);
  });

  it.each(['', 'garbage', Buffer.from('o:-3').toString('base64url'), Buffer.from('x:3').toString('base64url')])('reject %j', (c) => {
    expect(() => decodeCursor(c)).toThrow(/not a valid cursor/);
  });
});
