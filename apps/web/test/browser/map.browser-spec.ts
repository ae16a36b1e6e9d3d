import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeOnDesktopAndPhone } from './axe-pages';
import { OUTPUT_DIR, startWebSuite, type AppPage, type WebSuite } from './harness';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('the map, in Chromium on the sample directory', () => {
  let suite: WebSuite;
  beforeAll(async () => {
    suite = await startWebSuite(chromiumPath!);
  });
  afterAll(() => suite?.close());

  it('draws the world and Japan offline, with places and partnership lines; clicking a place opens its profile', async () => {
    const p = await suite.newPage({ lang: 'en' });
    await p.goto('/');
    await p.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Map' }).click();
    await p.page.waitForURL(/\/map$/);
    await p.settled();
    const world = p.page.locator('svg[data-view="world"]');
    const japan = p.page.locator('svg[data-view="japan"]');
    // The outlines come from the app's own files: the land paths are long, not empty.
    await expect.poll(() => world.locator('.map-land').getAttribute('d').then((d) => d?.length ?? 0), { timeout: 15_000 }).toBeGreaterThan(10_000);
    await expect.poll(() => japan.locator('.map-land').getAttribute('d').then((d) => d?.length ?? 0), { timeout: 15_000 }).toBeGreaterThan(10_000);
    expect(await world.locator('.map-places a').count()).toBeGreaterThan(50);
    expect(await world.locator('.map-links path').count()).toBeGreaterThan(20);
    expect(await world.locator('[data-place="makassar"]').getAttribute('aria-label')).toBe('Makassar City (Indonesia)');
    expect(await japan.locator('[data-place="makassar"]').count()).toBe(0);
    expect(await japan.locator('[data-place="kawasaki"]').count()).toBe(1);
    await p.screenshot('map-en');
    await japan.screenshot({ path: join(OUTPUT_DIR, 'map-japan-inset-en.png') });

    await japan.locator('[data-place="sapporo"]').click();
    await p.page.waitForURL(/\/municipalities\/sapporo$/);
    await p.settled();
    expect(await p.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Sapporo/);
    await p.page.goBack();
    await p.settled();
    await world.locator('[data-place="makassar"]').click();
    await p.page.waitForURL(/\/municipalities\/makassar$/);
    await p.settled();
    expect(await p.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Makassar City/);
    p.expectClean();
  });

  it('filters by scheme and topic, kept in the address', async () => {
    const p = await suite.newPage({ lang: 'en' });
    await p.goto('/map');
    const lines = () => p.page.locator('svg[data-view="world"] .map-links path').count();
    const places = () => p.page.locator('svg[data-view="world"] .map-places a').count();
    const all = { lines: await lines(), places: await places() };

    await p.page.getByLabel('Scheme').selectOption('JICA_GRASSROOTS');
    await p.page.waitForURL(/scheme=JICA_GRASSROOTS/);
    const grassroots = { lines: await lines(), places: await places() };
    expect(grassroots.lines).toBeGreaterThan(0);
    expect(grassroots.lines).toBeLessThan(all.lines);
    expect(grassroots.places).toBeLessThan(all.places);
    // Every line left is drawn in the grassroots colour.
    const colours = await p.page.locator('svg[data-view="world"] .map-links path').evaluateAll((paths) => [...new Set(paths.map((e) => e.getAttribute('stroke')))]);
    expect(colours).toHaveLength(1);

    await p.page.getByLabel('Topic').selectOption('nrw');
    await p.page.waitForURL(/topic=nrw/);
    expect(await lines()).toBeLessThanOrEqual(grassroots.lines);
    expect(await p.page.locator('svg[data-view="world"] [data-place="kawasaki"]').count()).toBe(1);

    await p.page.reload();
    await p.settled();
    expect(await p.page.getByLabel('Scheme').inputValue()).toBe('JICA_GRASSROOTS');
    expect(await p.page.getByLabel('Topic').inputValue()).toBe('nrw');
    p.expectClean();
  });

  it('axe finds no serious or critical violation on the map, in English on a desktop and in Japanese on a phone', async () => {
    const drawn = (p: AppPage) => expect.poll(() => p.page.locator('.map-land').count(), { timeout: 15_000 }).toBe(2);
    const phone = async (p: AppPage, lang: 'en' | 'ja') => {
      await p.page.setViewportSize({ width: 390, height: 844 });
      await p.goto('/map');
      await drawn(p);
      await p.screenshot(`map-phone-${lang}`);
    };
    expect(await axeOnDesktopAndPhone(suite, ['/map', '/map?topic=nrw&scheme=JICA_GRASSROOTS'], { ready: drawn, after: phone })).toEqual({});
  }, 180_000);
});
