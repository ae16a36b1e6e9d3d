import { NeedStatus } from '../directory.enums';

/**
 * What a need reads as. OPEN, MATCHED and CLOSED are recorded; EXPIRED is never stored: an OPEN
 * need reads as EXPIRED once the day after its `expiresOn` has begun in the configured time zone
 * (ADR 7). MATCHED and CLOSED needs keep their status whatever their date.
 */
export const EffectiveNeedStatus = Object.freeze({ ...NeedStatus, EXPIRED: 'EXPIRED' } as const);
export type EffectiveNeedStatus = keyof typeof EffectiveNeedStatus;

/** The parts of a need its effective status depends on. */
export interface NeedStatusFacts {
  status: NeedStatus | string;
  /** YYYY-MM-DD, the last day the need is current; null: it does not expire. */
  expiresOn: string | null;
}

/** True when an OPEN need's last day (`expiresOn`) is before `today` (YYYY-MM-DD). */
export function isExpired(need: NeedStatusFacts, today: string): boolean {
  return need.status === NeedStatus.OPEN && need.expiresOn !== null && need.expiresOn < today;
}

/** The status a need reads as on `today`: its recorded status, or EXPIRED (see `isExpired`). */
export function effectiveNeedStatus(need: NeedStatusFacts, today: string): EffectiveNeedStatus {
  return isExpired(need, today) ? EffectiveNeedStatus.EXPIRED : (need.status as EffectiveNeedStatus);
}

/**
 * The same rule in SQL, for WHERE clauses and selects, so that no query writes its own copy.
 * `alias` is the need table's alias, `today` a bound parameter or literal holding the date
 * (e.g. `$3` or `:today`); it is cast to date here.
 */
export const NeedStatusSql = {
  /** Boolean: the need reads as `status` on `today`. */
  is(alias: string, status: EffectiveNeedStatus, today: string): string {
    switch (status) {
      case 'OPEN':
        return `(${alias}.status = 'OPEN' AND (${alias}.expires_on IS NULL OR ${alias}.expires_on >= ${today}::date))`;
      case 'EXPIRED':
        return `(${alias}.status = 'OPEN' AND ${alias}.expires_on IS NOT NULL AND ${alias}.expires_on < ${today}::date)`;
      default:
        if (!(status in NeedStatus)) throw new RangeError(`not a need status: ${String(status)}`);
        return `(${alias}.status = '${status}')`;
    }
  },
  /** Text: the effective status of the need on `today`. */
  effective(alias: string, today: string): string {
    return `(CASE WHEN ${alias}.status = 'OPEN' AND ${alias}.expires_on < ${today}::date THEN 'EXPIRED' ELSE ${alias}.status::text END)`;
  },
} as const;
