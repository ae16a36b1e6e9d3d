import { describe, expect, it } from 'vitest';
import { countryName } from './geo';
import { displayName, formatNumber } from './format';

describe('formatNumber', () => {
  it.each([0, 7, 1234, 1234567, 2.25, 3.14159, -1500.55])('writes %d as toLocaleString does, in English and Japanese, whole or to one decimal', (n) => {
    for (const lang of ['en', 'ja'] as const) {
      expect(formatNumber(n, lang)).toBe(n.toLocaleString(lang));
      expect(formatNumber(n, lang, 1)).toBe(n.toLocaleString(lang, { maximumFractionDigits: 1 }));
    }
  });

  it('keeps each language and precision apart when called in turn', () => {
    expect([formatNumber(1234.56, 'en'), formatNumber(1234.56, 'en', 1), formatNumber(1234.56, 'ja', 1), formatNumber(1234.56)]).toEqual(['1,234.56', '1,234.6', '1,234.6', '1,234.56']);
  });
});

describe('countryName', () => {
  it('names a country in either language, again the same when asked again, and an unknown code as itself', () => {
    expect([countryName('id'), countryName('ID', 'ja'), countryName('ID'), countryName('ID', 'ja')]).toEqual(['Indonesia', 'インドネシア', 'Indonesia', 'インドネシア']);
    expect(countryName('not-a-code')).toBe('not-a-code');
  });
});

describe('displayName', () => {
  it('names languages and regions apart, in either language', () => {
    expect([displayName('language', 'id'), displayName('region', 'id'), displayName('language', 'id', 'ja'), displayName('region', 'ID', 'ja')]).toEqual(['Indonesian', 'Indonesia', 'インドネシア語', 'インドネシア']);
    expect(displayName('language', '??')).toBe('??');
  });
});
