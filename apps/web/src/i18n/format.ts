import { regionJa } from '../../../../libs/kernel/src/rules';
import type { Lang } from './language';

/** Number, date and name formatting for one language (Intl, no library). */
export interface Formatters {
  number(n: number): string;
  /** A 0..1 share as a percentage, e.g. 0.7783 → "78%". */
  percent(share: number): string;
  /** An ISO date or date-time as a calendar date, e.g. "7 Dec 2023" / "2023年12月7日". */
  date(iso: string): string;
  /** A list joined the way the language does ("A, B and C" / "A、B、C"). */
  list(items: string[]): string;
  /** An ISO 3166-1 alpha-2 code as a country name; the code itself when unknown. */
  country(code: string): string;
  /** A BCP 47 language code as a language name. */
  language(code: string): string;
  /** A region or prefecture as stored (English spelling); Japan's in Japanese on Japanese pages (Kanto → 関東). */
  place(name: string, country: string): string;
}

const cache = new Map<Lang, Formatters>();

function displayName(lang: Lang, type: 'region' | 'language'): (code: string) => string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([lang], { type, fallback: 'code' });
  } catch {
    names = null;
  }
  return (code) => {
    try {
      return names?.of(type === 'region' ? code.toUpperCase() : code) ?? code;
    } catch {
      return code;
    }
  };
}

export function formatters(lang: Lang): Formatters {
  const cached = cache.get(lang);
  if (cached) return cached;
  const locale = lang === 'ja' ? 'ja-JP' : 'en-GB';
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: lang === 'ja' ? 'long' : 'short', day: 'numeric', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const f: Formatters = {
    number: (n) => number.format(n),
    percent: (share) => percent.format(share),
    date: (iso) => {
      const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
      return Number.isNaN(d.getTime()) ? iso : date.format(d);
    },
    list: (items) => list.format(items),
    country: displayName(lang, 'region'),
    language: displayName(lang, 'language'),
    place: (name, country) => (lang === 'ja' && country.toUpperCase() === 'JP' ? regionJa(name) : name),
  };
  cache.set(lang, f);
  return f;
}
