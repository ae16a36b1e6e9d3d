/*
 * Calendar days as ISO strings (YYYY-MM-DD). Expiry, freshness and overdue checks compare days in
 * one configured time zone, never instants: a need that expires on 31 March is current all of that
 * day in Tokyo, whatever the server's own zone. Pure functions, so every rule is testable without
 * a clock.
 */

/** The time zone of Japan's waterworks bureaus and JICA's offices: the default day boundary. */
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day (YYYY-MM-DD) that instant `at` falls on in `timeZone`. */
export function todayIn(timeZone: string, at: Date = new Date()): string {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

function parse(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const utc = (date: string): Date => {
  const [y, m, d] = parse(date);
  return new Date(Date.UTC(y, m - 1, d));
};

/** `date` plus `days` (negative: minus). */
export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/**
 * `date` plus `months`, clamped to the end of a shorter month exactly as PostgreSQL's
 * `date + interval 'n months'` does (2024-01-31 + 1 month = 2024-02-29), so the SQL filters and
 * these functions always agree on a boundary day.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parse(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month, Math.min(d, last))));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
}

/** Whole calendar months from `from` to `to`, counting a month only once its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = parse(from);
  const [ty, tm] = parse(to);
  let months = (ty - fy) * 12 + (tm - fm);
  if (months > 0 && addMonths(from, months) > to) months -= 1;
  if (months < 0 && addMonths(from, months) < to) months += 1;
  return months;
}
