import { describe, expect, it } from 'vitest';
import { formatters } from './format';
import { initialLanguage } from './language';
import { en } from './messages.en';
import { ja } from './messages.ja';

/** Every leaf path of a catalogue, with the kind of value found there. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}:fn`];
  if (typeof value === 'string') return [`${path}:str`];
  return Object.entries(value as object).flatMap(([k, v]) => shape(v, `${path}.${k}`));
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [String((value as (...a: unknown[]) => unknown)(3, 4))];
  return Object.values(value as object).flatMap(strings);
}

describe('catalogues', () => {
  it('have the same keys and kinds in English and Japanese', () => {
    expect(shape(ja)).toEqual(shape(en));
  });

  it('have no empty string and a Japanese catalogue that is actually Japanese', () => {
    expect(strings(en).filter((s) => s.trim() === '')).toEqual([]);
    expect(strings(ja).filter((s) => s.trim() === '')).toEqual([]);
    const japanese = strings(ja).filter((s) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s));
    expect(japanese.length / strings(ja).length).toBeGreaterThan(0.8);
  });
});

describe('initialLanguage', () => {
  it('prefers the remembered choice, then the browser, then English', () => {
    expect(initialLanguage('ja', ['en-US'])).toBe('ja');
    expect(initialLanguage(null, ['fr-FR', 'ja-JP', 'en'])).toBe('ja');
    expect(initialLanguage(null, ['EN-gb'])).toBe('en');
    expect(initialLanguage('de', ['de-DE'])).toBe('en');
  });
});

describe('formatters', () => {
  it('format numbers, shares and dates for each language', () => {
    expect(formatters('en').number(1540000)).toBe('1,540,000');
    expect(formatters('ja').number(1540000)).toBe('1,540,000');
    expect(formatters('en').percent(0.7783)).toBe('78%');
    expect(formatters('en').date('2023-12-07')).toBe('7 Dec 2023');
    expect(formatters('ja').date('2023-12-07')).toBe('2023年12月7日');
    expect(formatters('ja').date('2023-12-07T23:30:00Z')).toBe('2023年12月7日');
    expect(formatters('en').date('not a date')).toBe('not a date');
  });

  it('name countries and lists in the language', () => {
    expect(formatters('en').country('ID')).toBe('Indonesia');
    expect(formatters('ja').country('ID')).toBe('インドネシア');
    expect(formatters('en').list(['A', 'B', 'C'])).toBe('A, B and C');
    expect(formatters('ja').list(['A', 'B', 'C'])).toBe('A、B、C');
  });

  it("name Japan's regions and prefectures in Japanese on Japanese pages, and leave other places as spelled", () => {
    expect(formatters('ja').place('Kanto', 'JP')).toBe('関東');
    expect(formatters('ja').place('Kanagawa', 'jp')).toBe('神奈川');
    expect(formatters('en').place('Kanto', 'JP')).toBe('Kanto');
    expect(formatters('ja').place('Kanto', 'ID')).toBe('Kanto');
    expect(formatters('ja').place('Sulawesi Selatan', 'ID')).toBe('Sulawesi Selatan');
  });
});
