import { addDays, addMonths } from '../calendar/calendar';
import { Freshness } from '../directory.enums';

/** Months without a confirmation after which a record is AGING, then STALE (config: FRESHNESS_AGING_MONTHS, FRESHNESS_STALE_MONTHS). */
export interface FreshnessPolicy {
  agingMonths: number;
  staleMonths: number;
}

export const DEFAULT_FRESHNESS_POLICY: FreshnessPolicy = Object.freeze({ agingMonths: 12, staleMonths: 24 });

/**
 * The last confirmation day that is at least `months` old on `today`: a record confirmed on or
 * before it has gone `months` without a confirmation. Exactly `addMonths(day, months) <= today`
 * for every day (end-of-month clamping included), but as a plain bound that an index can serve.
 */
export function cutoffFor(today: string, months: number): string {
  let cutoff = addMonths(today, -months);
  // Clamping can leave later days that also reach `today` (e.g. 31 Jan + 1 month = 29 Feb).
  while (addMonths(addDays(cutoff, 1), months) <= today) cutoff = addDays(cutoff, 1);
  return cutoff;
}

/** The freshness of a record last confirmed on `lastConfirmedOn`, judged on `today`. */
export function freshnessOf(lastConfirmedOn: string, today: string, policy: FreshnessPolicy = DEFAULT_FRESHNESS_POLICY): Freshness {
  if (lastConfirmedOn <= cutoffFor(today, policy.staleMonths)) return Freshness.STALE;
  if (lastConfirmedOn <= cutoffFor(today, policy.agingMonths)) return Freshness.AGING;
  return Freshness.CURRENT;
}

/**
 * The same rule in SQL, as bounds on `last_confirmed_on` (bind the cutoffs from `freshnessBounds`):
 * `alias` is the table's alias, `aging` and `stale` the parameters holding the two cutoffs.
 */
export const FreshnessSql = {
  is(alias: string, freshness: Freshness, params: { aging: string; stale: string }): string {
    const column = `${alias}.last_confirmed_on`;
    switch (freshness) {
      case 'STALE':
        return `(${column} <= ${params.stale}::date)`;
      case 'AGING':
        return `(${column} <= ${params.aging}::date AND ${column} > ${params.stale}::date)`;
      case 'CURRENT':
        return `(${column} > ${params.aging}::date)`;
      default:
        throw new RangeError(`not a freshness: ${String(freshness)}`);
    }
  },
} as const;

/** The two cutoffs FreshnessSql compares with, for `today` under `policy`. */
export function freshnessBounds(today: string, policy: FreshnessPolicy = DEFAULT_FRESHNESS_POLICY): { aging: string; stale: string } {
  return { aging: cutoffFor(today, policy.agingMonths), stale: cutoffFor(today, policy.staleMonths) };
}
