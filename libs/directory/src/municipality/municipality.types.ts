import type { Freshness, MunicipalityKind, OverseasExperience, Provenance } from '../directory.enums';

/** The editable fields of a municipality (the interchange fields plus provenance). */
export interface MunicipalityFields {
  name: string;
  nameJa?: string | null;
  kind: MunicipalityKind;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  region?: string | null;
  subdivision?: string | null;
  population?: number | null;
  latitude?: number | null;
  longitude?: number | null;
  organization?: string | null;
  languages?: string[] | null;
  capacity?: number | null;
  overseasExperience?: OverseasExperience | null;
  website?: string | null;
  contactEmail?: string | null;
  provenance?: Provenance | null;
  source?: string | null;
}

export interface CreateMunicipality extends MunicipalityFields {
  key: string;
}

/** A partial update: absent fields stay, `null` clears. `version` is the one the caller read. */
export type UpdateMunicipality = Partial<MunicipalityFields> & { key: string; version: number };

export interface MunicipalityFilter {
  country?: string | null;
  region?: string | null;
  kind?: MunicipalityKind | null;
  /** Municipalities with expertise on this topic or, for a domain, on any topic inside it. */
  topic?: string | null;
  overseasExperience?: OverseasExperience | null;
  /** Case-insensitive substring of key, names, organization, region or subdivision. */
  text?: string | null;
  /** How recently the profile was confirmed. */
  freshness?: Freshness | null;
}

export const MUNICIPALITY_FIELDS = [
  'name',
  'nameJa',
  'kind',
  'country',
  'region',
  'subdivision',
  'population',
  'latitude',
  'longitude',
  'organization',
  'languages',
  'capacity',
  'overseasExperience',
  'website',
  'contactEmail',
  'provenance',
  'source',
] as const satisfies readonly (keyof MunicipalityFields)[];

export const REQUIRED_MUNICIPALITY_FIELDS = ['name', 'kind', 'country'] as const satisfies readonly (keyof MunicipalityFields)[];

/** One value of a directory filter and how many municipalities have it. */
export interface FacetValue {
  value: string;
  count: number;
}

export interface MunicipalityFacets {
  countries: FacetValue[];
  regions: FacetValue[];
}
