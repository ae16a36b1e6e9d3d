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
