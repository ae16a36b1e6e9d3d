/**
 * A short excerpt of `body` around the first case-insensitive occurrence of `text` (or its
 * beginning when `text` does not occur), cut at word boundaries where there are any, with `…`
 * marking what was left out. Japanese has no spaces, so a cut may fall inside a word there.
 */
export function snippetAround(body: string, text: string, maxLength = 160): string {
  const clean = body.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  const at = clean.toLowerCase().indexOf(text.trim().toLowerCase());
  let start = at < 0 ? 0 : Math.max(0, at - Math.floor((maxLength - text.length) / 3));
  let end = Math.min(clean.length, start + maxLength);
  start = Math.max(0, end - maxLength);
  if (start > 0) {
    const space = clean.indexOf(' ', start);
    if (space >= 0 && space < start + 20 && (at < 0 || space < at)) start = space + 1;
  }
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    if (space > end - 20 && space > start && (at < 0 || space >= at + text.length)) end = space;
  }
  return `${start > 0 ? '…' : ''}${clean.slice(start, end)}${end < clean.length ? '…' : ''}`;
}
