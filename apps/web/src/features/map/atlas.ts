import { useQuery } from '@tanstack/react-query';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, MultiLineString } from 'geojson';
// Natural Earth outlines from world-atlas, emitted as files of this app (the CSP allows no other host).
import worldUrl from 'world-atlas/countries-110m.json?url';
// The Japan inset's neighbourhood at 1:50m, clipped (scripts/japan-outline.mjs builds it).
import japanRegionUrl from './japan-region.json?url';

export interface WorldShapes {
  countries: FeatureCollection;
  borders: MultiLineString;
}

/** A file of this app, as JSON. */
async function fetchJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`map data ${response.status}`);
  return (await response.json()) as T;
}

/** The world's countries (1:110m) and the borders between them. */
export function useWorld() {
  return useQuery({
    queryKey: ['atlas', 'countries-110m'],
    staleTime: Infinity,
    queryFn: async ({ signal }): Promise<WorldShapes> => {
      const topo = await fetchJson<Topology>(worldUrl, signal);
      const countries = topo.objects['countries'] as GeometryCollection;
      return { countries: feature(topo, countries) as FeatureCollection, borders: mesh(topo, countries, (a, b) => a !== b) };
    },
  });
}

/** Land around Japan at 1:50m: detailed enough for the inset's islands, ~18 kB gzipped. */
export function useDetailedLand() {
  return useQuery({
    queryKey: ['atlas', 'japan-region-50m'],
    staleTime: Infinity,
    queryFn: async ({ signal }): Promise<FeatureCollection> => {
      return fetchJson<FeatureCollection>(japanRegionUrl, signal);
    },
  });
}
