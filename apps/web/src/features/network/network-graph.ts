import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { domainColours, partnershipLinks, schemeColour, UNKNOWN_COLOUR, type NetworkPartnership, type Place } from '../network-data/network-data';

export type ColourMode = 'topic' | 'scheme';

export interface NodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface EdgeAttributes {
  color: string;
  size: number;
  /** The partnership the edge belongs to. */
  partnership: string;
}

export type PlaceGraph = Graph<NodeAttributes, EdgeAttributes>;

/** A stable pseudo-random number in [0, 1) for a key: the same graph always lays out the same way. */
function unit(key: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100_000) / 100_000;
}

/** The most frequent value (first seen wins a tie), or undefined. */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (best === undefined || n > counts.get(best)!) best = v;
  }
  return best;
}

/** Most ForceAtlas2 rounds, and how long they may hold the page (they run on the main thread). */
export const LAYOUT = { iterations: 200, budgetMs: 400 } as const;

/**
 * ForceAtlas2 within a time budget: two rounds tell how long one takes, then as many more as fit.
 * A small graph settles fully; a big one stays close to its geographic start but untangled enough,
 * and the page never freezes for seconds. Returns the rounds run.
 */
export function settle(graph: PlaceGraph, budget: { iterations: number; budgetMs: number } = LAYOUT): number {
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 };
  const started = performance.now();
  forceAtlas2.assign(graph, { iterations: 2, settings });
  const perRound = (performance.now() - started) / 2;
  const more = Math.max(0, Math.min(budget.iterations - 2, Math.floor((budget.budgetMs - 2 * perRound) / Math.max(perRound, 0.01))));
  if (more > 0) forceAtlas2.assign(graph, { iterations: more, settings });
  return 2 + more;
}

/**
 * The partnership graph: places as nodes (sized by how many partners they have), each
 * partnership as edges from its first member to the others. Colours: by topic, a node takes its
 * strongest expertise's domain and an edge its partnership's first topic's domain; by scheme, an
 * edge takes its scheme and a node the scheme most of its partnerships have. Positions start from
 * geography (longitude, latitude; a place without one starts near the middle) and are settled by
 * ForceAtlas2 on the main thread (the CSP allows no blob: worker).
 */
export function buildPlaceGraph(input: {
  places: readonly Place[];
  partnerships: readonly NetworkPartnership[];
  mode: ColourMode;
  domainKeys: readonly string[];
  name: (place: Place) => string;
  layout?: boolean;
}): PlaceGraph {
  const graph: PlaceGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: true });
  const byKey = new Map(input.places.map((p) => [p.key, p]));
  const topicColour = domainColours(input.domainKeys);
  const schemesOf = new Map<string, NetworkPartnership['scheme'][]>();
  for (const place of input.places) {
    const hasLocation = place.latitude !== null && place.longitude !== null;
    graph.addNode(place.key, {
      label: input.name(place),
      x: hasLocation ? place.longitude! / 10 : (unit(place.key, 1) - 0.5) * 4,
      y: hasLocation ? place.latitude! / 10 : (unit(place.key, 2) - 0.5) * 4,
      size: 3,
      color: topicColour(place.topics[0]),
    });
  }
  for (const partnership of input.partnerships) {
    const colour = input.mode === 'scheme' ? schemeColour(partnership.scheme) : topicColour(partnership.topics[0]);
    partnershipLinks(partnership, byKey).forEach(([a, b], i) => {
      graph.addEdgeWithKey(`${partnership.key}#${i}`, a.key, b.key, { color: colour, size: 1, partnership: partnership.key });
      for (const k of [a.key, b.key]) {
        const list = schemesOf.get(k);
        if (list) list.push(partnership.scheme);
        else schemesOf.set(k, [partnership.scheme]);
      }
    });
  }
  graph.forEachNode((key, attributes) => {
    const degree = graph.degree(key);
    attributes.size = 3 + Math.sqrt(degree) * 2;
    if (input.mode === 'scheme') {
      const scheme = mostCommon(schemesOf.get(key) ?? []);
      attributes.color = scheme === undefined ? UNKNOWN_COLOUR : schemeColour(scheme);
    }
  });
  if (input.layout !== false && graph.order > 1) settle(graph);
  return graph;
}

/** A place and the places it shares a partnership with. */
export function neighbourhood(graph: PlaceGraph, key: string): Set<string> {
  return graph.hasNode(key) ? new Set([key, ...graph.neighbors(key)]) : new Set();
}
