// The Japan inset's outlines: the countries of world-atlas (Natural Earth 1:50m) that reach into
// the inset, clipped to its neighbourhood and rounded to 0.01° — ~25 kB instead of the world's
// land-50m (545 kB). `node scripts/japan-outline.mjs` rewrites apps/web/src/features/map/japan-region.json;
// apps/web/test/japan-outline.spec.ts fails when the committed file differs from what this builds.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

export const OUTPUT = fileURLToPath(new URL('../apps/web/src/features/map/japan-region.json', import.meta.url));

/** Longitude/latitude box kept: wider than the inset shows, so no cut edge is ever in view. */
export const REGION = { west: 112, east: 156, south: 16, north: 54 };

/** Sutherland–Hodgman: `ring` clipped to one side of the box. */
function clipSide(ring, inside, cross) {
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    if (inside(a)) {
      out.push(a);
      if (!inside(b)) out.push(cross(a, b));
    } else if (inside(b)) out.push(cross(a, b));
  }
  return out;
}

const at = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

function clipRing(ring, r) {
  let pts = ring.slice(0, -1);
  pts = clipSide(pts, (p) => p[0] >= r.west, (a, b) => at(a, b, (r.west - a[0]) / (b[0] - a[0])));
  pts = clipSide(pts, (p) => p[0] <= r.east, (a, b) => at(a, b, (r.east - a[0]) / (b[0] - a[0])));
  pts = clipSide(pts, (p) => p[1] >= r.south, (a, b) => at(a, b, (r.south - a[1]) / (b[1] - a[1])));
  pts = clipSide(pts, (p) => p[1] <= r.north, (a, b) => at(a, b, (r.north - a[1]) / (b[1] - a[1])));
  const rounded = pts.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
  return rounded.length >= 3 ? [...rounded, rounded[0]] : null;
}

/** The region's land as a GeoJSON FeatureCollection (one MultiPolygon per country that reaches in). */
export function buildJapanOutline() {
  const topo = createRequire(import.meta.url)('world-atlas/countries-50m.json');
  const countries = feature(topo, topo.objects.countries).features;
  const features = [];
  for (const country of countries) {
    const polygons = country.geometry?.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry?.type === 'MultiPolygon' ? country.geometry.coordinates : [];
    const kept = [];
    for (const polygon of polygons) {
      const [outer, ...holes] = polygon.map((ring) => clipRing(ring, REGION));
      if (outer) kept.push([outer, ...holes.filter(Boolean)]);
    }
    if (kept.length) features.push({ type: 'Feature', id: country.id, properties: { name: country.properties.name }, geometry: { type: 'MultiPolygon', coordinates: kept } });
  }
  return { type: 'FeatureCollection', features };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUTPUT, `${JSON.stringify(buildJapanOutline())}\n`);
  process.stdout.write(`wrote ${OUTPUT} (${readFileSync(OUTPUT).length} bytes)\n`);
}
