import { describe, expect, it } from 'vitest';
import { snippetAround } from './snippet';

const long = `${'Water supply in the region has many problems. '.repeat(4)}Kawasaki engineers surveyed underground leakage with acoustic sticks. ${'Later the utility trained its own staff. '.repeat(4)}`;

describe('snippetAround', () => {
  it('returns short text whole, with whitespace collapsed', () => {
    expect(snippetAround('  Reduce   underground\nleakage ', 'leakage')).toBe('Reduce underground leakage');
  });

  it('centres a long text on the match and marks both cuts', () => {
    const s = snippetAround(long, 'LEAKAGE', 80);
    expect(s).toContain('leakage');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(82);
  });

  it('starts at the beginning when the text does not occur (a typo matched by similarity)', () => {
    const s = snippetAround(long, 'leakge', 60);
    expect(s.startsWith('Water supply')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
  });

  it('finds Japanese text without spaces', () => {
    const body = `${'水道'.repeat(100)}川崎市上下水道局${'水道'.repeat(100)}`;
    const s = snippetAround(body, '川崎', 40);
    expect(s).toContain('川崎');
    expect(s.length).toBeLessThanOrEqual(42);
  });
});
