import { describe, expect, it } from 'vitest';
import { readFilters, toMunicipalityFilter } from './filters';

describe('directory filters', () => {
  it('read the address into a GraphQL filter, leaving out what is empty', () => {
    const values = readFilters(new URLSearchParams('country=JP&topic=nrw&kind=UTILITY&experience=NONE&text=%20kawa%20&region='));
    expect(toMunicipalityFilter(values)).toEqual({ country: 'JP', topic: 'nrw', kind: 'UTILITY', overseasExperience: 'NONE', text: 'kawa' });
  });

  it('drop enum values the API would refuse', () => {
    const values = readFilters(new URLSearchParams('kind=CASTLE&experience=LOTS'));
    expect(toMunicipalityFilter(values)).toEqual({});
  });
});
