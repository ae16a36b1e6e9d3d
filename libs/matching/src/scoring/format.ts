/**
 * Numbers in explanations, exactly as `n.toLocaleString(lang, { maximumFractionDigits })` writes
 * them, but with one Intl.NumberFormat per language and precision for the whole process:
 * toLocaleString builds a new formatter on every call, and over the candidates of a request that
 * cost as much as scoring them.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number, lang: 'en' | 'ja' = 'en', maximumFractionDigits?: number): string {
  const key = `${lang}:${maximumFractionDigits ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, maximumFractionDigits === undefined ? undefined : { maximumFractionDigits });
    formats.set(key, format);
  }
  return format.format(n);
}

/** Intl.DisplayNames per kind of code and language, built once (building one costs more than a candidate's whole score). */
const displayNames = new Map<string, Intl.DisplayNames>();
/** Names looked up so far (a few hundred country and language codes at most). */
const named = new Map<string, string>();

/** A region (ISO country) or language code in words, in English or Japanese; the code itself if unknown. */
export function displayName(type: 'region' | 'language', code: string, lang: 'en' | 'ja' = 'en'): string {
  const key = `${type}:${lang}:${code}`;
  const known = named.get(key);
  if (known !== undefined) return known;
  let names = displayNames.get(`${type}:${lang}`);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type });
    displayNames.set(`${type}:${lang}`, names);
  }
  let name: string;
  try {
    name = names.of(type === 'region' ? code.toUpperCase() : code) ?? code;
  } catch {
    name = code;
  }
  if (named.size < 2_000) named.set(key, name);
  return name;
}
