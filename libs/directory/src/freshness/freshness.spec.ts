import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../calendar/calendar';
import { cutoffFor, freshnessBounds, freshnessOf, FreshnessSql } from './freshness';

const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('freshnessOf (defaults: AGING after 12 months, STALE after 24)', () => {
  it('turns AGING and STALE on the very day the months are reached', () => {
    expect(freshnessOf('2025-12-01', '2026-11-30')).toBe('CURRENT');
    expect(freshnessOf('2025-11-30', '2026-11-30')).toBe('AGING');
    expect(freshnessOf('2024-12-01', '2026-11-30')).toBe('AGING');
    expect(freshnessOf('2024-11-30', '2026-11-30')).toBe('STALE');
  });

  it('follows the policy it is given', () => {
    expect(freshnessOf('2026-05-30', '2026-11-30', { agingMonths: 6, staleMonths: 9 })).toBe('AGING');
    expect(freshnessOf('2026-02-28', '2026-11-30', { agingMonths: 6, staleMonths: 9 })).toBe('STALE');
  });

  it('the cutoff is exactly the last day that has gone the months without confirmation, month ends included', () => {
    expect(cutoffFor('2024-02-29', 1)).toBe('2024-01-31');
    expect(cutoffFor('2025-02-28', 12)).toBe('2024-02-29');
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 60 }), (confirmed, today, months) => {
        expect(confirmed <= cutoffFor(today, months)).toBe(addMonths(confirmed, months) <= today);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('FreshnessSql', () => {
  it('bounds last_confirmed_on by the cutoffs of the day', () => {
    expect(freshnessBounds('2026-11-30')).toEqual({ aging: '2025-11-30', stale: '2024-11-30' });
    expect(FreshnessSql.is('m', 'AGING', { aging: '$1', stale: '$2' })).toBe('(m.last_confirmed_on <= $1::date AND m.last_confirmed_on > $2::date)');
    expect(() => FreshnessSql.is('m', 'FRESH' as never, { aging: '$1', stale: '$2' })).toThrow(RangeError);
  });
});
