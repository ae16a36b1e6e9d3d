import type { MunicipalityFilter, MunicipalityKind, OverseasExperience } from '../../gql/graphql';

/** The directory's filters as they appear in its address (`/directory?country=JP&topic=nrw`). */
export const FILTER_PARAMS = ['text', 'country', 'region', 'topic', 'kind', 'experience'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export type FilterValues = Record<FilterParam, string>;

const KINDS: readonly MunicipalityKind[] = ['LOCAL_GOVERNMENT', 'UTILITY', 'NATIONAL_AGENCY', 'OTHER'];
const EXPERIENCE: readonly OverseasExperience[] = ['NONE', 'SOME', 'EXTENSIVE'];

export const KIND_VALUES = KINDS;
export const EXPERIENCE_VALUES = EXPERIENCE;

/** Reads the filters from the address; unknown enum values are dropped rather than sent. */
export function readFilters(params: URLSearchParams): FilterValues {
  const values = Object.fromEntries(FILTER_PARAMS.map((p) => [p, (params.get(p) ?? '').trim()])) as FilterValues;
  if (!KINDS.includes(values.kind as MunicipalityKind)) values.kind = '';
  if (!EXPERIENCE.includes(values.experience as OverseasExperience)) values.experience = '';
  return values;
}

/** The GraphQL filter for these values (absent fields for empty ones). */
export function toMunicipalityFilter(values: FilterValues): MunicipalityFilter {
  const filter: MunicipalityFilter = {};
  if (values.text) filter.text = values.text;
  if (values.country) filter.country = values.country;
  if (values.region) filter.region = values.region;
  if (values.topic) filter.topic = values.topic;
  if (values.kind) filter.kind = values.kind as MunicipalityKind;
  if (values.experience) filter.overseasExperience = values.experience as OverseasExperience;
  return filter;
}
