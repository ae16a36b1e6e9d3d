import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeOnDesktopAndPhone } from './axe-pages';
import { OUTPUT_DIR, startWebSuite, type AppPage, type WebSuite } from './harness';

const chromiumPath = inject('chromiumPath');

/** The network has been laid out and drawn: sigma's canvases are in place. */
const drawn = async (p: AppPage) => {
  await p.page.locator('.network-canvas canvas').first().waitFor({ timeout: 30_000 });
};

/** Frame intervals (ms) the page renders while `act` runs: requestAnimationFrame timestamps. */
async function frameTimes(p: AppPage, act: () => Promise<void>): Promise<number[]> {
  await p.page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__recording) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await act();
  return p.page.evaluate<number[]>('(() => { window.__recording = false; return window.__frames.slice(2); })()');
}

const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

describe.skipIf(!chromiumPath)('the network, in Chromium on the sample directory', () => {
  let suite: WebSuite;
  beforeAll(async () => {
    suite = await startWebSuite(chromiumPath!);
  });
  afterAll(() => suite?.close());

  it('draws places and partnerships; choosing a place highlights its partners; clicking it opens its profile', async () => {
    const p = await suite.newPage({ lang: 'en' });
    await p.goto('/');
    await p.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Network' }).click();
    await p.page.waitForURL(/\/network$/);
    await p.settled();
    await drawn(p);
    const canvas = p.page.locator('.network-canvas');
    expect(Number(await canvas.getAttribute('data-nodes'))).toBeGreaterThan(50);
    expect(Number(await canvas.getAttribute('data-edges'))).toBeGreaterThan(50);
    expect(await canvas.locator('canvas').count()).toBeGreaterThan(1);

    await p.page.getByLabel('Choose a place').selectOption('kawasaki');
    const selection = p.page.locator('.network-selection');
    expect(await selection.getAttribute('data-selected')).toBe('kawasaki');
    expect(await selection.textContent()).toMatch(/Open the profile: Kawasaki City.*\d+ partners?/s);
    expect(await selection.getByRole('link', { name: 'Makassar City' }).count()).toBe(1);
    // sigma's label layer (a 2D canvas) now shows the highlighted names: it is not blank.
    const inked = await p.page.evaluate<number>(`(() => {
      const layer = document.querySelector('.network-canvas canvas.sigma-labels');
      const data = layer.getContext('2d').getImageData(0, 0, layer.width, layer.height).data;
      let n = 0; for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++; return n;
    })()`);
    expect(inked).toBeGreaterThan(100);
    await p.screenshot('network-en');

    // The chosen place is brought to the middle: a click there opens its profile.
    await p.page.waitForTimeout(500);
    const box = (await canvas.boundingBox())!;
    await p.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await p.page.waitForURL(/\/municipalities\/kawasaki$/);
    await p.settled();
    expect(await p.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Kawasaki City/);
    p.expectClean();
  });

  it('colours by topic or scheme and filters by scheme', async () => {
    const p = await suite.newPage({ lang: 'ja' });
    await p.goto('/network');
    await drawn(p);
    const edges = async () => Number(await p.page.locator('.network-canvas').getAttribute('data-edges'));
    const all = await edges();
    await p.page.getByRole('combobox', { name: '制度' }).selectOption('JICA_GRASSROOTS');
    await p.page.waitForURL(/scheme=JICA_GRASSROOTS/);
    await expect.poll(edges).toBeLessThan(all);
    await p.page.getByRole('radio', { name: '制度' }).check();
    expect(await p.page.getByRole('radio', { name: '制度' }).isChecked()).toBe(true);
    await drawn(p);
    await p.screenshot('network-ja');
    p.expectClean();
  });

  it('axe finds no serious or critical violation on the network, in English on a desktop and in Japanese on a phone', async () => {
    expect(await axeOnDesktopAndPhone(suite, ['/network'], { ready: drawn })).toEqual({});
  }, 180_000);

  it('stays smooth with a few thousand places: frame times while hovering, zooming and panning', async () => {
    const SYNTHETIC = { places: 3000, partnerships: 4000 };
    const ds = suite.api.app.get(DataSource);
    await ds.query(
      `INSERT INTO municipality (key, name, kind, country, latitude, longitude)
       SELECT 'synthetic-' || g, 'Synthetic place ' || g, 'LOCAL_GOVERNMENT', 'ZZ', -60 + (g * 37) % 120, -170 + (g * 53) % 340 FROM generate_series(1, $1) g`,
      [SYNTHETIC.places],
    );
    await ds.query(
      `INSERT INTO partnership (key, title, scheme, status)
       SELECT 'synthetic-p-' || g, 'Synthetic partnership ' || g, (enum_range(NULL::cooperation_scheme))[1 + g % 11], 'ACTIVE' FROM generate_series(1, $1) g`,
      [SYNTHETIC.partnerships],
    );
    await ds.query(
      `INSERT INTO partnership_member (partnership_id, municipality_id, role, position)
       SELECT p.id, m.id, 'PEER', s.position FROM partnership p
       CROSS JOIN (VALUES (0, 7, 0), (1, 13, 5)) AS s(position, factor, shift)
       JOIN municipality m ON m.key = 'synthetic-' || (1 + (substring(p.key FROM 13)::int * s.factor + s.shift) % $1)
       WHERE p.key LIKE 'synthetic-p-%' ON CONFLICT DO NOTHING`,
      [SYNTHETIC.places],
    );
    const p = await suite.newPage({ lang: 'en' });
    const started = Date.now();
    await p.goto('/network');
    await drawn(p);
    const firstDraw = Date.now() - started;
    const measures = await p.page.evaluate<Record<string, number>>(
      "Object.fromEntries(performance.getEntriesByType('measure').filter((e) => e.name.startsWith('kakehashi:')).map((e) => [e.name.slice(10), Math.round(e.duration)]))",
    );
    const api = await p.page.evaluate<{ ms: number; bytes: number }[]>(
      "performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql')).map((e) => ({ ms: Math.round(e.duration), bytes: e.encodedBodySize }))",
    );
    const canvas = p.page.locator('.network-canvas');
    const nodes = Number(await canvas.getAttribute('data-nodes'));
    const edges = Number(await canvas.getAttribute('data-edges'));
    expect(nodes).toBeGreaterThan(SYNTHETIC.places);
    const box = (await canvas.boundingBox())!;
    const frames = await frameTimes(p, async () => {
      for (let i = 0; i < 40; i++) await p.page.mouse.move(box.x + ((i * 37) % box.width), box.y + ((i * 53) % box.height));
      await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 6; i++) await p.page.mouse.wheel(0, i < 3 ? -200 : 200);
      await p.page.mouse.down();
      for (let i = 0; i < 20; i++) await p.page.mouse.move(box.x + box.width / 2 + i * 10, box.y + box.height / 2 + i * 5);
      await p.page.mouse.up();
    });
    const result = { nodes, edges, firstDrawMs: firstDraw, ...measures, apiRequests: api, frames: frames.length, medianFrameMs: percentile(frames, 0.5), p95FrameMs: percentile(frames, 0.95), maxFrameMs: Math.max(...frames) };
    await writeFile(join(OUTPUT_DIR, 'network-smoothness.json'), JSON.stringify(result, null, 2));
    // Software WebGL (no GPU here) on a shared machine: a loose bound that still catches a freeze.
    expect(result.medianFrameMs).toBeLessThan(100);
    await p.screenshot('network-large-en');
    p.expectClean();
  }, 180_000);
});
