import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@kakehashi/config';
import { DEFAULT_TIME_ZONE, todayIn } from './calendar';

/** Injection token of the clock: a function returning "now" (tests pin it). */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;

/**
 * "Today" in the configured time zone (TIME_ZONE, default Asia/Tokyo): the one day every
 * service compares expiry dates with. Read it once per operation and pass it on, so a request that
 * runs across midnight judges all its records on the same day.
 *
 * Built without Nest (specs), it uses the default zone and the system clock.
 */
@Injectable()
export class CalendarService {
  readonly timeZone: string;
  private readonly clock: Clock;

  constructor(@Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'TIME_ZONE'> | null, @Optional() @Inject(CLOCK) clock?: Clock | null) {
    this.timeZone = config?.TIME_ZONE ?? DEFAULT_TIME_ZONE;
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
}
