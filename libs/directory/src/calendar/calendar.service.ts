import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@kakehashi/config';
import { Freshness } from '../directory.enums';
import { DEFAULT_FRESHNESS_POLICY, freshnessBounds, freshnessOf, type FreshnessPolicy } from '../freshness/freshness';
import { DEFAULT_TIME_ZONE, todayIn } from './calendar';

/** Injection token of the clock: a function returning "now" (tests pin it). */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;

/** The settings the calendar reads (all optional: defaults apply). */
export type CalendarConfig = Partial<Pick<AppConfig, 'TIME_ZONE' | 'FRESHNESS_AGING_MONTHS' | 'FRESHNESS_STALE_MONTHS' | 'UPKEEP_EXPIRING_DAYS' | 'INTRODUCTION_OVERDUE_DAYS'>>;

/** What the upkeep list chases, in days (config UPKEEP_EXPIRING_DAYS, INTRODUCTION_OVERDUE_DAYS; 30 each). */
export interface UpkeepPolicy {
  /** Open needs expiring within this many days. */
  expiringDays: number;
  /** Introductions unanswered for this many days. */
  introductionDays: number;
}

/**
 * "Today" in the configured time zone (TIME_ZONE, default Asia/Tokyo): the one day every
 * service compares expiry dates with, and the freshness policy records are judged by. Read today
 * once per operation and pass it on, so a request that runs across midnight judges all its
 * records on the same day.
 *
 * Built without Nest (specs), it uses the defaults and the system clock.
 */
@Injectable()
export class CalendarService {
  readonly timeZone: string;
  readonly freshnessPolicy: FreshnessPolicy;
  readonly upkeepPolicy: UpkeepPolicy;
  private readonly clock: Clock;

  constructor(@Optional() @Inject(APP_CONFIG) config?: CalendarConfig | null, @Optional() @Inject(CLOCK) clock?: Clock | null) {
    this.timeZone = config?.TIME_ZONE ?? DEFAULT_TIME_ZONE;
    this.freshnessPolicy = Object.freeze({
      agingMonths: config?.FRESHNESS_AGING_MONTHS ?? DEFAULT_FRESHNESS_POLICY.agingMonths,
      staleMonths: config?.FRESHNESS_STALE_MONTHS ?? DEFAULT_FRESHNESS_POLICY.staleMonths,
    });
    this.upkeepPolicy = Object.freeze({ expiringDays: config?.UPKEEP_EXPIRING_DAYS ?? 30, introductionDays: config?.INTRODUCTION_OVERDUE_DAYS ?? 30 });
    this.clock = clock ?? (() => new Date());
  }

  /** The instant now. */
  now(): Date {
    return this.clock();
  }

  /** Today's date (YYYY-MM-DD) in the configured time zone. */
  today(): string {
    return todayIn(this.timeZone, this.clock());
  }

  /** How fresh a record last confirmed on `lastConfirmedOn` is on `today` (default: today). */
  freshness(lastConfirmedOn: string, today: string = this.today()): Freshness {
    return freshnessOf(lastConfirmedOn, today, this.freshnessPolicy);
  }

  /** The AGING and STALE cutoffs on `today`, for FreshnessSql. */
  freshnessBounds(today: string = this.today()): { aging: string; stale: string } {
    return freshnessBounds(today, this.freshnessPolicy);
  }
}
