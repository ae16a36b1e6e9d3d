import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OUTPUT_DIR, startWebSuite, type WebSuite } from './harness';

const chromiumPath = inject('chromiumPath');

/** The README's pictures: `npm run screenshots` (UPDATE_SCREENSHOTS=1) copies them into docs/screenshots. */
const README_DIR = join(process.cwd(), 'docs/screenshots');
const update = process.env.UPDATE_SCREENSHOTS === '1';

describe.skipIf(!chromiumPath)('the README screenshots: the map, a profile and a suggestion with its reasons, in English and Japanese', () => {
  let suite: WebSuite;
  beforeAll(async () => {
    suite = await startWebSuite(chromiumPath!);
    if (update) await mkdir(README_DIR, { recursive: true });
  });
  afterAll(() => suite?.close());

  async function keep(file: string, name: string) {
    if (update) await copyFile(file, join(README_DIR, `${name}.png`));
  }

  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: the map, Kawasaki's profile and the best partner for Makassar's leakage need`, async () => {
      const p = await suite.newPage({ lang, width: 1280, height: 1000 });
      await p.goto('/map');
      await expect.poll(() => p.page.locator('.map-land').count(), { timeout: 15_000 }).toBe(2);
      const map = join(OUTPUT_DIR, `readme-map-${lang}.png`);
      await p.page.screenshot({ path: map });
      await keep(map, `map-${lang}`);

      await p.page.setViewportSize({ width: 1280, height: 900 });
      await p.goto('/municipalities/kawasaki');
      expect(await p.page.getByRole('heading', { level: 1 }).textContent()).toMatch(lang === 'ja' ? /川崎市/ : /Kawasaki City/);
      const profile = join(OUTPUT_DIR, `readme-profile-${lang}.png`);
      await p.page.screenshot({ path: profile });
      await keep(profile, `profile-${lang}`);

      await p.goto('/needs/makassar-leakage');
      const card = p.page.locator('#suggestions .suggestion').first();
      expect(await card.textContent()).toMatch(lang === 'ja' ? /合う理由/ : /Why it fits/);
      const suggestion = join(OUTPUT_DIR, `readme-suggestion-${lang}.png`);
      await card.screenshot({ path: suggestion });
      await keep(suggestion, `suggestion-${lang}`);
      p.expectClean();
    });
  }
});
