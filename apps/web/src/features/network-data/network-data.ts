import type { CooperationScheme, PartnershipNetworkQuery } from '../../gql/graphql';
import { en } from '../../i18n/messages.en';

export type NetworkData = PartnershipNetworkQuery['partnershipNetwork'];
export type Place = NetworkData['places'][number];
export type NetworkPartnership = NetworkData['partnerships'][number];

/** What the map and the network show: a topic (a domain means all its topics) and a scheme; '' = any. */
export interface NetworkFilter {
  topic: string;
  scheme: CooperationScheme | '';
}

/** `key` is `topic` or one of its descendants (`nrw.leak-detection` under `nrw`). */
export function topicWithin(key: string, topic: string): boolean {
  return key === topic || key.startsWith(`${topic}.`);
}

/** The domain of a topic key: its first segment. */
export const domainOf = (topicKey: string): string => topicKey.split('.')[0]!;

/**
 * The places and partnerships a filter keeps. A partnership is kept when one of its topics lies
 * within the topic and its scheme is the scheme. With no filter every place is kept (also those
 * without partnerships); with one, the members of kept partnerships, and — for a topic without a
 * scheme — places whose expertise lies within the topic, since they could start one.
 */
export function filterNetwork(data: Pick<NetworkData, 'places' | 'partnerships'>, filter: NetworkFilter): { places: Place[]; partnerships: NetworkPartnership[] } {
  if (!filter.topic && !filter.scheme) return { places: data.places, partnerships: data.partnerships };
  const partnerships = data.partnerships.filter(
    (p) => (!filter.topic || p.topics.some((k) => topicWithin(k, filter.topic))) && (!filter.scheme || p.scheme === filter.scheme),
  );
  const members = new Set(partnerships.flatMap((p) => p.members));
  const byExpertise = (place: Place) => !filter.scheme && place.topics.some((k) => topicWithin(k, filter.topic));
  return { places: data.places.filter((place) => members.has(place.key) || byExpertise(place)), partnerships };
}

/**
 * A partnership's lines: from its first member (usually the one leading) to each other member.
 * Members the answer does not carry are skipped.
 */
export function partnershipLinks<T extends { key: string }>(partnership: NetworkPartnership, places: ReadonlyMap<string, T>): [T, T][] {
  const [lead, ...others] = partnership.members.map((k) => places.get(k)).filter((p): p is T => p !== undefined);
  return lead ? others.filter((o) => o.key !== lead.key).map((o): [T, T] => [lead, o]) : [];
}

/**
 * Colours that stay apart for most colour vision (Okabe–Ito first, then Tol's muted set), each
 * readable on the map's pale sea as a line or a dot.
 */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#882255', '#117733', '#6f5f00', '#332288', '#44aa99', '#999933'] as const;

/** Every scheme, in the order the catalogue labels them (it must label every one: a compile error otherwise). */
const SCHEMES = Object.keys(en.enums.scheme) as CooperationScheme[];

/** Grey for what has no scheme or no topic. */
export const UNKNOWN_COLOUR = '#6b6b6b';

export const schemeColour = (scheme: CooperationScheme | null | undefined): string => (scheme ? PALETTE[SCHEMES.indexOf(scheme)]! : UNKNOWN_COLOUR);

/** One colour per taxonomy domain, in the taxonomy's order. */
export function domainColours(domainKeys: readonly string[]): (topicKey: string | null | undefined) => string {
  const colours = new Map(domainKeys.map((k, i) => [k, PALETTE[i % PALETTE.length]!]));
  return (topicKey) => (topicKey ? (colours.get(domainOf(topicKey)) ?? UNKNOWN_COLOUR) : UNKNOWN_COLOUR);
}

/** The schemes present in the data, in the enum's order (for a legend and a filter). */
export const schemesIn = (partnerships: readonly NetworkPartnership[]): CooperationScheme[] => SCHEMES.filter((s) => partnerships.some((p) => p.scheme === s));

/** Reads the filter from a URL's search parameters (unknown schemes are ignored). */
export function readNetworkFilter(params: URLSearchParams): NetworkFilter {
  const scheme = params.get('scheme') ?? '';
  return { topic: params.get('topic') ?? '', scheme: (SCHEMES as readonly string[]).includes(scheme) ? (scheme as CooperationScheme) : '' };
}
