import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_TOPICS } from '@kakehashi/database';
import type { KakehashiDocument } from '../document';
import { documentProblems } from '../validation/validate-document';
import { externalReferences } from '../validation/semantic-checks';
import { generateDirectory, type GenerateOptions } from './generator';

async function generate(options: GenerateOptions): Promise<{ text: string; rows: number }> {
  const parts: string[] = [];
  const report = await generateDirectory({ write: (t) => void parts.push(t) }, options);
  return { text: parts.join(''), rows: report.rows };
}
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let text: string;
let doc: Required<KakehashiDocument>;
beforeAll(async () => {
  text = (await generate({ size: 'S' })).text;
  doc = JSON.parse(text);
}, 60_000);

describe('generate', () => {
  it('writes a valid kakehashi/v1 document that refers only to its own records', () => {
    expect(documentProblems(doc, { topics: new Set(SEEDED_TOPICS.map((t) => t.key)), municipalities: new Set(), events: new Set() })).toEqual([]);
    expect(externalReferences(doc)).toEqual({ municipalities: [], events: [] });
    expect(doc.municipalities).toHaveLength(1000);
    for (const section of ['expertise', 'needs', 'partnerships', 'caseStudies', 'events'] as const) expect(doc[section].length).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same seed, and another document for another seed', async () => {
    expect(sha((await generate({ size: 'S' })).text)).toBe(sha(text));
    expect(sha((await generate({ size: 'S', seed: 7 })).text)).not.toBe(sha(text));
  }, 60_000);

  it('uses real places, Japanese ones with Japanese names and text', () => {
    const kawasaki = doc.municipalities.find((m) => m.key === 'kawasaki-jp');
    expect(kawasaki).toMatchObject({ name: 'Kawasaki City', nameJa: 'カワサキ市', country: 'JP', subdivision: 'Kanagawa', region: 'Kanto' });
    expect(kawasaki!.latitude).toBeCloseTo(35.52, 1);
    const japanese = doc.expertise.filter((e) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(e.evidence ?? ''));
    expect(japanese.length).toBeGreaterThan(20);
    expect(new Set(doc.municipalities.map((m) => m.country)).size).toBeGreaterThan(80);
  });

  it('draws topics with Zipf-like popularity: the top topic far above the median one', () => {
    const perTopic = new Map<string, number>();
    for (const e of doc.expertise) perTopic.set(e.topic, (perTopic.get(e.topic) ?? 0) + 1);
    const sorted = [...perTopic.values()].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(4 * sorted[Math.floor(sorted.length / 2)]!);
  });

  it('clusters partnerships: a prefecture keeps working with a few countries, Japan with developing regions', () => {
    const byKey = new Map(doc.municipalities.map((m) => [m.key, m]));
    const perPrefecture = new Map<string, string[]>();
    const regions = new Map<string, number>();
    for (const p of doc.partnerships) {
      const from = byKey.get(p.members!.find((m) => m.role === 'PROVIDER')!.municipality)!;
      const to = byKey.get(p.members!.find((m) => m.role === 'RECIPIENT')!.municipality)!;
      if (from.country !== 'JP') continue;
      perPrefecture.set(from.subdivision!, [...(perPrefecture.get(from.subdivision!) ?? []), to.country]);
      regions.set(to.region!, (regions.get(to.region!) ?? 0) + 1);
    }
    let inTopThree = 0;
    let total = 0;
    for (const countries of perPrefecture.values()) {
      const counts = new Map<string, number>();
      for (const c of countries) counts.set(c, (counts.get(c) ?? 0) + 1);
      inTopThree += [...counts.values()].sort((a, b) => b - a).slice(0, 3).reduce((a, b) => a + b, 0);
      total += countries.length;
    }
    // Japan's bureaus are the main providers; each prefecture's three partner countries take most of its work.
    expect(total).toBeGreaterThan(doc.partnerships.length / 3);
    expect(inTopThree / total).toBeGreaterThan(0.7);
    // …and they work where utilities ask for help, not in Europe or North America.
    const affluent = (regions.get('Europe') ?? 0) + (regions.get('North America') ?? 0);
    expect(affluent / total).toBeLessThan(0.1);
    expect(regions.get('Southeast Asia')).toBeGreaterThan(0);
  });
});
