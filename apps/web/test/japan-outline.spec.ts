import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Outline {
  features: { properties: { name: string }; geometry: { coordinates: [number, number][][][] } }[];
}

describe('the Japan inset outline (apps/web/src/features/map/japan-region.json)', () => {
  it('is what scripts/japan-outline.mjs builds from world-atlas, clipped to its region', async () => {
    const script = '../../../scripts/japan-outline.mjs';
    const { buildJapanOutline, OUTPUT, REGION } = (await import(script)) as { buildJapanOutline(): Outline; OUTPUT: string; REGION: { west: number; east: number; south: number; north: number } };
    const built = buildJapanOutline();
    expect(JSON.parse(readFileSync(OUTPUT, 'utf8')), 'run: node scripts/japan-outline.mjs').toEqual(built);
    expect(built.features.map((f) => f.properties.name)).toEqual(expect.arrayContaining(['Japan', 'South Korea', 'China', 'Russia']));
    const points = built.features.flatMap((f) => f.geometry.coordinates.flat(2));
    expect(points.every(([x, y]) => x >= REGION.west && x <= REGION.east && y >= REGION.south && y <= REGION.north)).toBe(true);
    expect(readFileSync(OUTPUT).length).toBeLessThan(100_000);
  });
});
