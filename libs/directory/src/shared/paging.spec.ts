import { describe, expect, it } from 'vitest';
import { containsPattern, groupBy } from './paging';

describe('containsPattern', () => {
  it.each([
    ['Kawasaki', '%kawasaki%'],
    ['50%', '%50\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
    ['川崎', '%川崎%'],
  ])('%s → %s', (text, pattern) => {
    expect(containsPattern(text)).toBe(pattern);
  });
});

describe('groupBy', () => {
  it('gives every requested id a list in row order and ignores rows of other ids', () => {
    const rows = [
      { owner: 'a', n: 1 },
      { owner: 'x', n: 2 },
      { owner: 'a', n: 3 },
    ];
    const map = groupBy(['a', 'b'], rows, (r) => r.owner);
    expect([...map.entries()]).toEqual([
      ['a', [rows[0], rows[2]]],
      ['b', []],
    ]);
  });
});
