import { SEEDED_TOPICS, type TopicSeed } from '@kakehashi/database';
import type { MunicipalityRecord } from '../document';
import type { Place } from './places';
import { cumulative, zipfWeights, type Random } from './random';

/*
 * Who a generated municipality is: its record, what it knows (expertise topics and levels) and what
 * it needs. Topic popularity is Zipf-like over a realistic order (leakage and trainee hosting are
 * what Japanese bureaus are asked about most), and each country leans towards a few focus topics,
 * so needs and expertise cluster by country as they do in the real directory.
 */

export const TOPICS: readonly TopicSeed[] = SEEDED_TOPICS;

const POPULAR_FIRST = [
  'nrw.leak-detection',
  'people.trainee-hosting',
  'treatment.operations',
  'nrw',
  'people.engineer-training',
  'nrw.metering',
  'treatment.water-quality',
  'network.asset-management',
  'nrw.dma-pressure',
  'management.tariff-finance',
  'resilience.earthquake',
  'people.expert-dispatch',
  'sewerage.treatment',
  'network.gis-mapping',
];
/** Topic indices (into TOPICS) from most to least popular. */
const POPULARITY: readonly number[] = [...POPULAR_FIRST, ...TOPICS.map((t) => t.key).filter((k) => !POPULAR_FIRST.includes(k))].map((k) =>
  TOPICS.findIndex((t) => t.key === k),
);
/** Zipf weight of each topic index. */
export const TOPIC_WEIGHTS: readonly number[] = (() => {
  const zipf = zipfWeights(POPULARITY.length);
  const out = new Array<number>(TOPICS.length).fill(0);
  POPULARITY.forEach((topic, rank) => (out[topic] = zipf[rank]!));
  return out;
})();

const LANGUAGE_OF_COUNTRY: Record<string, string> = {
  JP: 'ja', ID: 'id', VN: 'vi', KH: 'km', LA: 'lo', MM: 'my', TH: 'th', PH: 'fil', CN: 'zh', KR: 'ko', MN: 'mn', BD: 'bn', NP: 'ne', LK: 'si',
  IN: 'hi', PK: 'ur', MX: 'es', PE: 'es', BO: 'es', HN: 'es', GT: 'es', CO: 'es', AR: 'es', CL: 'es', ES: 'es', BR: 'pt', PT: 'pt', MZ: 'pt',
  AO: 'pt', FR: 'fr', SN: 'fr', CI: 'fr', CM: 'fr', MA: 'ar', EG: 'ar', SA: 'ar', JO: 'ar', TZ: 'sw', KE: 'sw', DE: 'de', IT: 'it', RU: 'ru',
};

const ORGANIZATION: Record<string, (name: string) => string> = {
  ID: (n) => `PDAM ${n}`,
  VN: (n) => `${n} Water Supply Joint Stock Company`,
  KH: (n) => `${n} Water Supply Authority`,
  LA: (n) => `Nam Papa ${n}`,
  PH: (n) => `${n} Water District`,
  KE: (n) => `${n} Water and Sewerage Company`,
  TZ: (n) => `${n} Urban Water Supply and Sanitation Authority`,
  MX: (n) => `Organismo Operador de Agua de ${n}`,
};

/** A place as the generator sees it while writing: its record plus what it knows and needs. */
export interface Profile {
  place: Place;
  record: MunicipalityRecord;
  japanese: boolean;
  /** Topic indices with levels (1–5), strongest first. */
  expertise: { topic: number; level: number }[];
  /** Per need: its topic indices. */
  needs: number[][];
  capacity: number;
}

/** Per country: topic weights that favour its focus topics (drawn once per country). */
export class CountryFocus {
  private readonly weights = new Map<string, number[]>();
  constructor(private readonly rng: Random) {}

  of(country: string): number[] {
    let w = this.weights.get(country);
    if (!w) {
      const focus = new Set(this.rng.sample([...TOPICS.keys()], TOPIC_WEIGHTS, 4));
      w = TOPIC_WEIGHTS.map((x, i) => (focus.has(i) ? x * 4 : x));
      this.weights.set(country, w);
    }
    return w;
  }
}

const sizeClass = (population: number): number => Math.max(0, Math.min(4, Math.floor(Math.log10(Math.max(population, 1))) - 3)); // 0: <10k … 4: ≥10M

/** The profile of one place. */
export function profileOf(rng: Random, place: Place, focus: CountryFocus): Profile {
  const japanese = place.country === 'JP';
  const size = sizeClass(place.population);
  const kind = japanese ? 'LOCAL_GOVERNMENT' : rng.chance(0.6) ? 'UTILITY' : rng.chance(0.9) ? 'LOCAL_GOVERNMENT' : 'OTHER';
  const bare = place.name.replace(/ (City|Town)$/, '');
  const organization = japanese
    ? `${bare} ${place.name.endsWith('City') ? 'Waterworks Bureau' : 'Water Supply Division'}`
    : (ORGANIZATION[place.country] ?? ((n: string) => `${n} Water Utility`))(bare);
  const local = LANGUAGE_OF_COUNTRY[place.country];
  const languages = [...new Set([...(local ? [local] : []), ...(!local || size >= 2 || (japanese && size >= 1) ? ['en'] : [])])];
  const capacity = japanese ? Math.min(6, size + rng.int(0, 2)) : rng.chance(0.7) ? 0 : rng.int(1, 2);
  const experienceRoll = rng.float() + (japanese ? size * 0.2 : 0);
  const overseasExperience = experienceRoll > 1.1 ? 'EXTENSIVE' : experienceRoll > 0.75 ? 'SOME' : 'NONE';

  const weights = focus.of(place.country);
  const expertiseCount = japanese ? Math.min(7, 2 + size + rng.int(0, 2)) : rng.weightedIndex(OVERSEAS_EXPERTISE_COUNT);
  const expertise = rng
    .sample([...TOPICS.keys()], weights, expertiseCount)
    .map((topic) => ({ topic, level: japanese ? Math.min(5, 2 + rng.int(0, 1) + (size >= 2 ? rng.int(0, 2) : 0)) : rng.int(1, 4) }))
    .sort((a, b) => b.level - a.level || a.topic - b.topic);
  // Utilities in high-income regions rarely post needs; those in developing regions often do.
  const needCount = japanese ? (rng.chance(0.08) ? 1 : 0) : AFFLUENT.has(place.region) ? (rng.chance(0.2) ? 1 : 0) : rng.weightedIndex(NEED_COUNT);
  const needs = Array.from({ length: needCount }, () => rng.sample([...TOPICS.keys()], weights, rng.weightedIndex(NEED_TOPIC_COUNT) + 1));

  const record: MunicipalityRecord = {
    key: place.key,
    name: place.name,
    nameJa: place.nameJa,
    kind,
    country: place.country,
    region: place.region,
    subdivision: place.subdivision,
    population: place.population,
    latitude: place.latitude,
    longitude: place.longitude,
    organization,
    languages,
    capacity,
    overseasExperience,
    provenance: 'ILLUSTRATIVE',
  };
  return { place, record, japanese, expertise, needs, capacity };
}

const AFFLUENT = new Set(['Europe', 'North America']);
/** How many expertise rows an overseas place has: 0–5, mostly 1–3. */
const OVERSEAS_EXPERTISE_COUNT = cumulative([0.05, 0.15, 0.25, 0.25, 0.18, 0.12]);
/** How many needs an overseas place has posted: most none, some one or two. */
const NEED_COUNT = cumulative([0.5, 0.35, 0.15]);
/** Topics per need, minus one. */
const NEED_TOPIC_COUNT = cumulative([0.4, 0.4, 0.2]);
