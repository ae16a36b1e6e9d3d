import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, DEFAULT_TIME_ZONE, monthsBetween, todayIn } from './calendar';
import { CalendarService } from './calendar.service';

describe('todayIn', () => {
  it('turns the day at midnight in Tokyo (UTC+9), not at midnight UTC', () => {
    expect(todayIn('Asia/Tokyo', new Date('2026-03-31T14:59:59.999Z'))).toBe('2026-03-31');
    expect(todayIn('Asia/Tokyo', new Date('2026-03-31T15:00:00.000Z'))).toBe('2026-04-01');
    expect(todayIn('UTC', new Date('2026-03-31T15:00:00.000Z'))).toBe('2026-03-31');
  });

  it('follows a zone with daylight saving time', () => {
    // New York is UTC-4 in summer and UTC-5 in winter.
    expect(todayIn('America/New_York', new Date('2026-07-01T03:59:00Z'))).toBe('2026-06-30');
    expect(todayIn('America/New_York', new Date('2026-01-01T04:59:00Z'))).toBe('2025-12-31');
  });
});

describe('CalendarService', () => {
  it('uses Asia/Tokyo unless configured, and the clock it is given', () => {
    const at = new Date('2026-11-30T18:00:00Z');
    expect(new CalendarService(null, () => at).today()).toBe('2026-12-01');
    expect(new CalendarService({ TIME_ZONE: 'UTC' }, () => at).today()).toBe('2026-11-30');
    expect(new CalendarService().timeZone).toBe(DEFAULT_TIME_ZONE);
  });
});

describe('date arithmetic', () => {
  it('adds days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-31', '2026-04-30')).toBe(30);
  });

  it('adds months clamping to the end of a shorter month, as PostgreSQL does', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-30', -24)).toBe('2024-11-30');
  });

  it('counts whole months, reached on the same day of the month', () => {
    expect(monthsBetween('2025-11-30', '2026-11-29')).toBe(11);
    expect(monthsBetween('2025-11-30', '2026-11-30')).toBe(12);
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
  });

  it('monthsBetween is the inverse of addMonths on any day, and a day earlier is a month short', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 600 }), (from, n) => {
        const to = addMonths(from, n);
        expect(monthsBetween(from, to)).toBe(n);
        if (n > 0) expect(monthsBetween(from, addDays(to, -1))).toBe(n - 1);
      }),
    );
  });
});
