import { describe, expect, it } from 'vitest';
import { isSlug } from './slug';

describe('isSlug', () => {
  it.each(['kawasaki', 'makassar-leakage', 'jica-study-session-9', 'a1'])('accepts %s', (s) => expect(isSlug(s)).toBe(true));
  it.each(['Kawasaki', 'a--b', '-a', 'a-', 'a b', '川崎', '', 'a_b', 'x'.repeat(101), 42])('rejects %j', (s) => expect(isSlug(s)).toBe(false));
});
