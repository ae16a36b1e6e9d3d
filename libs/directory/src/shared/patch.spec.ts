import { describe, expect, it } from 'vitest';
import { DomainError, PARTNERSHIP_RULES } from '@kakehashi/kernel';
import { assertAcross, patchOf } from './patch';

interface Input {
  name?: string | null;
  region?: string | null;
  population?: number | null;
  key: string;
}

describe('patchOf', () => {
  it('keeps sent fields (null included) and drops absent ones and fields not listed', () => {
    const input: Input = { key: 'k', name: 'N', region: null };
    expect(patchOf(input, ['name', 'region', 'population'])).toEqual({ name: 'N', region: null });
  });

  it('refuses clearing a required field, naming every such path', () => {
    const input: Input = { key: 'k', name: null, population: null };
    const error = (() => {
      try {
        patchOf(input, ['name', 'population'], ['name', 'population']);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error!.code).toBe('BAD_USER_INPUT');
    expect(error!.details.map((d) => d.path)).toEqual(['input.name', 'input.population']);
  });

  it('allows leaving a required field out', () => {
    expect(patchOf({ key: 'k', region: 'Kanto' } as Input, ['name', 'region'], ['name'])).toEqual({ region: 'Kanto' });
  });
});

describe('assertAcross (the record rules across fields, on what an update leaves behind)', () => {
  it.each([
    [2020, 2025],
    [2020, 2020],
    [null, 2020],
    [2020, undefined],
  ])('accepts %s–%s', (start, end) => {
    expect(() => assertAcross(PARTNERSHIP_RULES, {}, { startYear: start, endYear: end })).not.toThrow();
  });

  it('refuses an end before the start, naming input.endYear', () => {
    expect(() => assertAcross(PARTNERSHIP_RULES, {}, { startYear: 2025, endYear: 2020 })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: [expect.objectContaining({ path: 'input.endYear' })] }));
  });

  it('judges the merged record: an end year sent alone is compared with the stored start', () => {
    expect(() => assertAcross(PARTNERSHIP_RULES, { startYear: 2025, endYear: null }, { endYear: 2020 })).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'input.endYear' })] }));
  });

  it('DOCUMENTED without a source, whether the source is cleared or was never there', () => {
    const sourceRequired = expect.objectContaining({ details: [expect.objectContaining({ path: 'input.source', reason: 'SOURCE_REQUIRED' })] });
    expect(() => assertAcross(PARTNERSHIP_RULES, { provenance: 'DOCUMENTED', source: 'JICA report' }, { source: null })).toThrow(sourceRequired);
    expect(() => assertAcross(PARTNERSHIP_RULES, { provenance: null, source: null }, { provenance: 'DOCUMENTED' })).toThrow(sourceRequired);
    expect(() => assertAcross(PARTNERSHIP_RULES, { provenance: null, source: 'JICA report' }, { provenance: 'DOCUMENTED' })).not.toThrow();
  });
});
