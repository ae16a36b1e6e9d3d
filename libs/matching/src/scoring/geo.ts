import type { MunicipalityFacts } from './facts';
import { displayName, formatNumber } from './format';

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km, or null when either side has no coordinates. */
export function distanceKm(a: Pick<MunicipalityFacts, 'latitude' | 'longitude'>, b: Pick<MunicipalityFacts, 'latitude' | 'longitude'>): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance at which closeness has halved: a day trip by train. */
export const NEAR_KM = 150;

/**
 * 0..1 closeness: 1/(1 + km/150) from coordinates; without them, same prefecture 0.8, same region
 * 0.5, same country 0.1. Other countries: 0.
 */
export function closeness(a: MunicipalityFacts, b: MunicipalityFacts): { value: number; km: number | null } {
  if (a.country !== b.country) return { value: 0, km: null };
  const km = distanceKm(a, b);
  if (km !== null) return { value: 1 / (1 + km / NEAR_KM), km };
  if (a.subdivision && a.subdivision === b.subdivision) return { value: 0.8, km: null };
  if (a.region && a.region === b.region) return { value: 0.5, km: null };
  return { value: 0.1, km: null };
}

/** Country name from an ISO code, in English or Japanese (the code itself if unknown). */
export const countryName = (code: string, lang: 'en' | 'ja' = 'en'): string => displayName('region', code, lang);

/** A population in words a reader expects: "1.5 M" / "320 k" in English, 「150万人」 in Japanese. */
export function formatPopulation(n: number, lang: 'en' | 'ja' = 'en'): string {
  if (lang === 'ja') return n >= 10_000 ? `${formatNumber(Math.round(n / 10_000), 'ja')}万人` : `${formatNumber(n, 'ja')}人`;
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} M` : `${Math.round(n / 1000)} k`;
}
