import { describe, expect, it } from 'vitest';
import { effectiveNeedStatus, isExpired, NeedStatusSql } from './need-status';

describe('effectiveNeedStatus', () => {
  const makassar = { status: 'OPEN', expiresOn: '2026-03-31' };

  it('keeps an open need OPEN through its last day, and EXPIRED from the next', () => {
    expect(effectiveNeedStatus(makassar, '2026-03-30')).toBe('OPEN');
    expect(effectiveNeedStatus(makassar, '2026-03-31')).toBe('OPEN');
    expect(effectiveNeedStatus(makassar, '2026-04-01')).toBe('EXPIRED');
    expect(isExpired(makassar, '2026-04-01')).toBe(true);
  });

  it('never expires a need without expiresOn, nor a matched or closed one', () => {
    expect(effectiveNeedStatus({ status: 'OPEN', expiresOn: null }, '2999-01-01')).toBe('OPEN');
    expect(effectiveNeedStatus({ status: 'MATCHED', expiresOn: '2020-01-01' }, '2026-12-01')).toBe('MATCHED');
    expect(effectiveNeedStatus({ status: 'CLOSED', expiresOn: '2020-01-01' }, '2026-12-01')).toBe('CLOSED');
  });
});

describe('NeedStatusSql', () => {
  it('writes the rule with the alias and the parameter it is given', () => {
    expect(NeedStatusSql.is('n', 'OPEN', '$2')).toBe(`(n.status = 'OPEN' AND (n.expires_on IS NULL OR n.expires_on >= $2::date))`);
    expect(NeedStatusSql.is('x', 'EXPIRED', ':today')).toBe(`(x.status = 'OPEN' AND x.expires_on IS NOT NULL AND x.expires_on < :today::date)`);
    expect(NeedStatusSql.is('n', 'CLOSED', '$1')).toBe(`(n.status = 'CLOSED')`);
  });

  it('refuses a status that is not one', () => {
    expect(() => NeedStatusSql.is('n', "OPEN'; DROP TABLE need; --" as never, '$1')).toThrow(RangeError);
  });
});
