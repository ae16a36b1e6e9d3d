/**
 * Pairing plans: assign at most one provider to each need, never more needs to a provider than its
 * remaining capacity, maximising the total score. That is a maximum-weight b-matching, solved
 * exactly as a min-cost flow (source → need → provider → sink) by successive shortest paths; the
 * greedy plan (best pair first) is kept for comparison.
 */

export interface Edge {
  need: string;
  provider: string;
  score: number;
}

export interface Assignment {
  pairs: Edge[];
  totalScore: number;
  distinctProviders: number;
}

/** Scores are turned into integer costs so the optimum is exact and reproducible. */
const SCALE = 1_000_000;

function summarise(pairs: Edge[]): Assignment {
  const sorted = [...pairs].sort((a, b) => (a.need < b.need ? -1 : a.need > b.need ? 1 : 0));
  const total = sorted.reduce((s, p) => s + Math.round(p.score * SCALE), 0) / SCALE;
  return { pairs: sorted, totalScore: Math.round(total * 10_000) / 10_000, distinctProviders: new Set(sorted.map((p) => p.provider)).size };
}

const edgeOrder = (a: Edge, b: Edge) => b.score - a.score || a.need.localeCompare(b.need) || a.provider.localeCompare(b.provider);

/** Best pair first, while the need is open and the provider has room. */
export function greedyAssignment(edges: readonly Edge[], capacity: ReadonlyMap<string, number>): Assignment {
  const left = new Map(capacity);
  const done = new Set<string>();
  const pairs: Edge[] = [];
  for (const e of [...edges].sort(edgeOrder)) {
    if (e.score <= 0 || done.has(e.need) || (left.get(e.provider) ?? 0) <= 0) continue;
    done.add(e.need);
    left.set(e.provider, left.get(e.provider)! - 1);
    pairs.push(e);
  }
  return summarise(pairs);
}

interface Arc {
  to: number;
  cap: number;
  cost: number;
  rev: number;
  edge?: Edge;
}

/** The optimal plan (maximum total score under capacity). Deterministic for the same input. */
export function optimalAssignment(edges: readonly Edge[], capacity: ReadonlyMap<string, number>): Assignment {
  const usable = [...edges].filter((e) => e.score > 0 && (capacity.get(e.provider) ?? 0) > 0).sort(edgeOrder);
  const needs = [...new Set(usable.map((e) => e.need))].sort();
  const providers = [...new Set(usable.map((e) => e.provider))].sort();
  const needIx = new Map(needs.map((n, i) => [n, 1 + i]));
  const provIx = new Map(providers.map((p, i) => [p, 1 + needs.length + i]));
  const source = 0;
  const sink = 1 + needs.length + providers.length;
  const graph: Arc[][] = Array.from({ length: sink + 1 }, () => []);
  const add = (from: number, to: number, cap: number, cost: number, edge?: Edge) => {
    graph[from]!.push({ to, cap, cost, rev: graph[to]!.length, edge });
    graph[to]!.push({ to: from, cap: 0, cost: -cost, rev: graph[from]!.length - 1 });
  };
  for (const n of needs) add(source, needIx.get(n)!, 1, 0);
  for (const e of usable) add(needIx.get(e.need)!, provIx.get(e.provider)!, 1, -Math.round(e.score * SCALE), e);
  for (const p of providers) add(provIx.get(p)!, sink, capacity.get(p)!, 0);

  // Successive shortest paths (SPFA handles the negative costs). Path costs never decrease, so the
  // first non-negative one means no further pair can raise the total: stop there.
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Infinity);
    const prev = new Array<[number, number] | null>(sink + 1).fill(null);
    const inQueue = new Array<boolean>(sink + 1).fill(false);
    dist[source] = 0;
    const queue = [source];
    inQueue[source] = true;
    while (queue.length) {
      const u = queue.shift()!;
      inQueue[u] = false;
      graph[u]!.forEach((a, i) => {
        if (a.cap > 0 && dist[u]! + a.cost < dist[a.to]!) {
          dist[a.to] = dist[u]! + a.cost;
          prev[a.to] = [u, i];
          if (!inQueue[a.to]) {
            inQueue[a.to] = true;
            queue.push(a.to);
          }
        }
      });
    }
    if (dist[sink] === Infinity || dist[sink]! >= 0) break;
    for (let v = sink; v !== source; ) {
      const [u, i] = prev[v]!;
      const a = graph[u]![i]!;
      a.cap -= 1;
      graph[v]![a.rev]!.cap += 1;
      v = u;
    }
  }
  const pairs = graph.flatMap((arcs) => arcs.filter((a) => a.edge && a.cap === 0).map((a) => a.edge!));
  return summarise(pairs);
}
