import { combine, type Component, type Penalty, type ScoringProfile } from './combine';
import type { ExpertiseFacts, MunicipalityFacts, PartnershipFacts } from './facts';
import { NEAR_LIMIT_KM } from './context';
import { closeness, countryName } from './geo';
import { placeLabel } from './labels';
import type { RecordRef, ScoreCard } from './reason';
import type { Taxonomy } from './taxonomy';
import { coverTopics, dedupe } from './topic-fit';
import { formatNumber } from './format';

/** An open need, as peers compare them. */
export interface OpenNeedFacts {
  key: string;
  title: string;
  topicKeys: string[];
}

/** A municipality as the peer and mentor scoring see it. */
export interface ProfileFacts {
  municipality: MunicipalityFacts;
  expertise: ExpertiseFacts[];
  partnerships: PartnershipFacts[];
  needs: OpenNeedFacts[];
}

/**
 * Peer weights (relative): same challenges and complementary strengths matter most (they are what
 * a horizontal connection is for), then neighbours (the study sessions ask for them), then working
 * in the same countries and knowing the same partners.
 */
export const PEER_WEIGHTS = { SHARED_CHALLENGE: 0.25, COMPLEMENTARY: 0.25, NEIGHBOUR: 0.2, SHARED_PARTNER_COUNTRY: 0.15, COMMON_PARTNER: 0.15 } as const;
export const PEER_PROFILE: ScoringProfile = { weights: PEER_WEIGHTS };

const needRef = (n: OpenNeedFacts): RecordRef => ({ type: 'NEED', key: n.key, label: n.title });
const topicsOf = (needs: readonly OpenNeedFacts[]) => [...new Set(needs.flatMap((n) => n.topicKeys))];

/** Both have open needs on the same or related topics: they can learn together. */
export function sharedChallenge(tax: Taxonomy, me: ProfileFacts, other: ProfileFacts): Component {
  const mine = topicsOf(me.needs);
  const theirs = topicsOf(other.needs);
  const grades = mine.map((t) => tax.bestGrade(t, theirs));
  const strength = mine.length ? grades.reduce((a, b) => a + b, 0) / mine.length : 0;
  const shared = tax.sort(mine.filter((_, i) => grades[i]! > 0));
  const theirNeeds = other.needs.filter((n) => n.topicKeys.some((t) => shared.some((s) => tax.match(s, t))));
  return {
    kind: 'SHARED_CHALLENGE',
    strength,
    detail: shared.length ? `Also working on ${shared.map((t) => tax.labelEn(t)).join(', ')}: ${theirNeeds.map((n) => n.title).join('; ')}` : 'No open needs in common',
    detailJa: shared.length ? `共通の課題：${shared.map((t) => tax.labelJa(t)).join('、')}` : '共通の課題なし',
    records: dedupe([...theirNeeds.map(needRef), ...me.needs.filter((n) => n.topicKeys.some((t) => shared.includes(t))).map(needRef)]),
  };
}

/**
 * Complementary expertise, reciprocal: a = how well their expertise answers my needs, b = how
 * well mine answers theirs; the harmonic mean 2ab/(a+b) is high only when help can go both ways.
 */
export function complementary(tax: Taxonomy, me: ProfileFacts, other: ProfileFacts): Component {
  const side = (needs: readonly OpenNeedFacts[], expertise: readonly ExpertiseFacts[]) => {
    const covers = coverTopics(tax, topicsOf(needs), expertise);
    return { value: covers.length ? covers.reduce((s, c) => s + c.value, 0) / covers.length : 0, covered: covers.filter((c) => c.via) };
  };
  const a = side(me.needs, other.expertise);
  const b = side(other.needs, me.expertise);
  const h = a.value + b.value > 0 ? (2 * a.value * b.value) / (a.value + b.value) : 0;
  const they = a.covered.map((c) => tax.labelEn(c.wanted));
  const you = b.covered.map((c) => tax.labelEn(c.wanted));
  const theyJa = a.covered.map((c) => tax.labelJa(c.wanted));
  const youJa = b.covered.map((c) => tax.labelJa(c.wanted));
  const refs = [
    ...a.covered.map((c): RecordRef => ({ type: 'EXPERTISE', key: `${other.municipality.key}:${c.via!.topicKey}`, label: tax.labelEn(c.via!.topicKey) })),
    ...b.covered.map((c): RecordRef => ({ type: 'EXPERTISE', key: `${me.municipality.key}:${c.via!.topicKey}`, label: tax.labelEn(c.via!.topicKey) })),
  ];
  const oneSided = h < Math.max(a.value, b.value);
  return {
    kind: 'COMPLEMENTARY',
    strength: h,
    detail: h > 0 ? `${other.municipality.name} can help with ${they.join(', ')}; you can help with ${you.join(', ')}` : 'No two-way exchange of expertise',
    detailJa: h > 0 ? `相手が支援できる分野：${theyJa.join('、')}／こちらが支援できる分野：${youJa.join('、')}` : '双方向の専門性の交換なし',
    records: dedupe(refs),
    shortfall: oneSided
      ? {
          kind: 'ONE_SIDED',
          share: Math.max(a.value, b.value) - h,
          detail: a.value > b.value ? `${other.municipality.name} can help with ${they.join(', ')}, but you declare nothing it needs` : `You can help with ${you.join(', ')}, but it declares nothing you need`,
          detailJa: a.value > b.value ? `相手からの支援のみ（${theyJa.join('、')}）` : `こちらからの支援のみ（${youJa.join('、')}）`,
          records: dedupe(refs),
        }
      : undefined,
  };
}

/**
 * Neighbours: same country, within NEAR_LIMIT_KM (a train ride to a joint study session). Farther
 * than that is no neighbour at all — no reason, rather than a "neighbour" 1,368 km away.
 */
export function neighbour(me: MunicipalityFacts, other: MunicipalityFacts): Component {
  const { value, km } = closeness(other, me);
  const near = value > 0 && (km === null || km <= NEAR_LIMIT_KM);
  return {
    kind: 'NEIGHBOUR',
    strength: near ? value : 0,
    detail: near ? (km !== null ? `${formatNumber(Math.round(km), 'en')} km away` : other.region && other.region === me.region ? `Same region (${other.region})` : 'Same country') : 'Not a neighbour',
    detailJa: near ? (km !== null ? `距離${formatNumber(Math.round(km), 'ja')} km` : other.region && other.region === me.region ? `同じ地方（${placeLabel(other.region, 'ja')}）` : '同じ国') : '近隣ではない',
    records: near ? [{ type: 'MUNICIPALITY', key: other.key, label: other.name }] : [],
  };
}

const abroad = (m: MunicipalityFacts, p: PartnershipFacts) => p.partners.filter((x) => x.country !== m.country && x.role !== 'FACILITATOR');

/** The partner countries a municipality works in (abroad, not as facilitator). */
export const partnerCountries = (p: ProfileFacts): Set<string> => new Set(p.partnerships.flatMap((x) => abroad(p.municipality, x).map((y) => y.country)));

/**
 * How rare working in each country is among the municipalities compared (me and the candidate
 * peers): idf = ln((N + 1) / n) / ln(N + 1), N of them work abroad at all and n in that country. A
 * country nearly everyone works in (Japan, for overseas utilities) says almost nothing.
 */
export function countryRarity(profiles: readonly ProfileFacts[]): Map<string, number> {
  const sets = profiles.map(partnerCountries).filter((s) => s.size);
  const n = new Map<string, number>();
  for (const s of sets) for (const c of s) n.set(c, (n.get(c) ?? 0) + 1);
  const N = sets.length;
  return new Map([...n].map(([c, k]) => [c, N > 1 ? Math.log((N + 1) / k) / Math.log(N + 1) : 1]));
}

/**
 * Works in the same partner countries: they could coordinate, or form a consortium there. A
 * rarity-weighted Jaccard: Σ idf of the shared countries / Σ idf of all their countries.
 */
export function sharedPartnerCountry(me: ProfileFacts, other: ProfileFacts, rarity: ReadonlyMap<string, number> = new Map()): Component {
  const mine = partnerCountries(me);
  const theirs = partnerCountries(other);
  const shared = [...mine].filter((c) => theirs.has(c)).sort();
  const idf = (c: string) => rarity.get(c) ?? 1;
  const union = [...new Set([...mine, ...theirs])].reduce((s, c) => s + idf(c), 0);
  const records = other.partnerships.filter((p) => abroad(other.municipality, p).some((x) => shared.includes(x.country))).slice(0, 4);
  return {
    kind: 'SHARED_PARTNER_COUNTRY',
    strength: union ? shared.reduce((s, c) => s + idf(c), 0) / union : 0,
    detail: shared.length ? `Both work in ${shared.map((c) => countryName(c)).join(', ')}` : 'No partner country in common',
    detailJa: shared.length ? `共通の協力相手国：${shared.map((c) => countryName(c, 'ja')).join('、')}` : '共通の協力相手国なし',
    records: records.map((p) => ({ type: 'PARTNERSHIP', key: p.key, label: p.title })),
  };
}

/**
 * "Worked with both of you": Adamic–Adar over the partnership graph — each common partner z adds
 * 1/ln(degree z), so a hub that works with everyone says less than a shared, close partner.
 */
export function commonPartner(me: ProfileFacts, other: ProfileFacts, degree: ReadonlyMap<string, number>): Component {
  const partnersOf = (p: ProfileFacts) => new Map(p.partnerships.flatMap((x) => x.partners.map((y) => [y.id, y] as const)));
  const mine = partnersOf(me);
  const theirs = partnersOf(other);
  const common = [...mine.values()].filter((z) => theirs.has(z.id) && z.id !== me.municipality.id && z.id !== other.municipality.id).sort((a, b) => a.key.localeCompare(b.key));
  const aa = common.reduce((s, z) => s + 1 / Math.log(Math.max(2, degree.get(z.id) ?? 2)), 0);
  const via = (z: { id: string }) => [...me.partnerships, ...other.partnerships].filter((p) => p.partners.some((y) => y.id === z.id));
  return {
    kind: 'COMMON_PARTNER',
    strength: 1 - Math.exp(-aa),
    detail: common.length ? `Both worked with ${common.map((z) => z.name).join(', ')}` : 'No partner in common',
    detailJa: common.length ? `共通の協力先：${common.map((z) => z.name).join('、')}` : '共通の協力先なし',
    records: dedupe(common.flatMap((z) => [{ type: 'MUNICIPALITY' as const, key: z.key, label: z.name }, ...via(z).map((p) => ({ type: 'PARTNERSHIP' as const, key: p.key, label: p.title }))])),
  };
}

/** Peers already working together get less attention: the point is a *new* connection. */
export function alreadyPartners(me: ProfileFacts, other: ProfileFacts): Penalty | null {
  const live = other.partnerships.filter((p) => ['ACTIVE', 'AGREED', 'PROPOSED'].includes(p.status) && p.partners.some((x) => x.id === me.municipality.id));
  if (!live.length) return null;
  return {
    kind: 'ALREADY_PARTNERS',
    factor: 0.5,
    detail: `Already working together: ${live.map((p) => p.title).join('; ')}`,
    detailJa: `すでに協力中：${live.map((p) => p.title).join('；')}`,
    records: live.map((p) => ({ type: 'PARTNERSHIP', key: p.key, label: p.title })),
  };
}

export function scorePeer(
  tax: Taxonomy,
  me: ProfileFacts,
  other: ProfileFacts,
  degree: ReadonlyMap<string, number>,
  rarity: ReadonlyMap<string, number> = new Map(),
  profile: ScoringProfile = PEER_PROFILE,
): ScoreCard | null {
  if (other.municipality.id === me.municipality.id || other.municipality.kind === 'NATIONAL_AGENCY') return null;
  const components = [sharedChallenge(tax, me, other), complementary(tax, me, other), neighbour(me.municipality, other.municipality), sharedPartnerCountry(me, other, rarity), commonPartner(me, other, degree)];
  const penalty = alreadyPartners(me, other);
  return combine(components, penalty ? [penalty] : [], profile);
}
