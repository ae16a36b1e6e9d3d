import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../../../api/test/api-harness';
import { browserRequired, DEMO_EDITOR, OUTPUT_DIR, signIn, startWebSuite, type WebSuite } from './harness';
import { axeOnDesktopAndPhone } from './axe-pages';

const chromiumPath = inject('chromiumPath');

/** The first page's JavaScript, gzipped, may not grow past this without a decision. */
const FIRST_PAGE_JS_BUDGET = 120 * 1024;

describe.runIf(!chromiumPath && browserRequired())('the browser suite', () => {
  it('has a Chromium to drive (REQUIRE_BROWSER=1)', () => {
    expect.fail(`REQUIRE_BROWSER=1 but ${inject('chromiumMissing')}`);
  });
});

describe.skipIf(!chromiumPath)('the web app in Chromium, on the real API and the sample directory', () => {
  let suite: WebSuite;
  beforeAll(async () => {
    suite = await startWebSuite(chromiumPath!);
  });
  afterAll(() => suite?.close());

  it('keeps the first page small: its JavaScript, gzipped, is within budget', async () => {
    const p = await suite.newPage();
    const scripts = new Map<string, number>();
    p.page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.set(response.url(), gzipSync(await response.body()).length);
    });
    await p.goto('/');
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    await writeFile(join(OUTPUT_DIR, 'first-page-js.json'), JSON.stringify({ gzipBytes: total, files: Object.fromEntries(scripts) }, null, 2));
    expect(scripts.size).toBeGreaterThan(0);
    expect(total).toBeLessThan(FIRST_PAGE_JS_BUDGET);
    p.expectClean();
  });

  it('English: search with a typo → a profile → its need → suggestions whose reasons link to the records they rest on', async () => {
    const p = await suite.newPage({ lang: 'en' });
    await p.goto('/');
    await p.page.getByRole('searchbox', { name: /search bureaus/i }).fill('makasar');
    await p.page.keyboard.press('Enter');
    await p.page.waitForURL(/\/search\?q=makasar/);
    await p.settled();
    await p.screenshot('search-en');
    await p.page.getByRole('link', { name: /Makassar City/ }).first().click();
    await p.settled();
    await expect.poll(() => p.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Makassar City/);
    await expect.poll(() => p.page.locator('#expertise, #needs, #partnerships').count()).toBe(3);
    await expect.poll(() => p.page.locator('.provenance .badge').count()).toBeGreaterThan(2);
    await p.screenshot('profile-en');

    await p.page.locator('#needs').getByRole('link', { name: 'Reduce underground leakage' }).click();
    await p.settled();
    expect(await p.page.getByRole('heading', { level: 1 }).textContent()).toBe('Reduce underground leakage');
    const first = p.page.locator('#suggestions .suggestion').first();
    expect(await first.getAttribute('data-candidate')).toBe('kawasaki');
    expect(await first.textContent()).toMatch(/Fit \d+%.*Why it fits.*Topic fit.*Leak detection and repair.*What does not fit/s);
    await p.screenshot('need-en');

    // A reason's record: the partnership it rests on, with Kawasaki among its members.
    const record = first.locator('.rests-on').getByRole('link', { name: /Partnership/ }).first();
    const label = (await record.textContent())!.replace(/^Partnership\s*/, '');
    await record.click();
    await p.settled();
    expect(p.page.url()).toMatch(/\/partnerships\//);
    expect(await p.page.getByRole('heading', { level: 1 }).textContent()).toBe(label);
    expect(await p.page.locator('.members').textContent()).toMatch(/Kawasaki City/);
    await p.screenshot('partnership-en');
    p.expectClean();
  });

  it('Japanese: a Japanese browser gets Japanese; 漏水 finds leak records; the language switch is remembered', async () => {
    const p = await suite.newPage({ lang: 'ja' });
    await p.goto('/');
    expect(await p.page.evaluate<string>('document.documentElement.lang')).toBe('ja');
    expect(await p.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/水道局/);
    await p.screenshot('home-ja');
    await p.page.getByRole('searchbox').fill('漏水');
    await p.page.getByRole('button', { name: '検索' }).click();
    await p.settled();
    expect(await p.page.locator('.result').count()).toBeGreaterThan(1);
    expect(await p.page.locator('.results').textContent()).toMatch(/leak|漏水/i);
    await p.screenshot('search-ja');

    await p.goto('/needs/makassar-leakage');
    const card = p.page.locator('#suggestions .suggestion').first();
    expect(await card.textContent()).toMatch(/適合度 \d+%.*合う理由.*分野の一致.*漏水探知/s);
    expect(await p.page.locator('h1 + p, .lead').first().textContent()).toMatch(/マカッサル市/);
    await p.screenshot('need-ja');

    await p.page.getByRole('button', { name: '英語に切り替える' }).click();
    await expect.poll(() => p.page.evaluate<string>('document.documentElement.lang')).toBe('en');
    expect(await card.textContent()).toMatch(/Why it fits.*Topic fit/s);
    await p.page.reload();
    await p.settled();
    expect(await p.page.evaluate<string>('document.documentElement.lang')).toBe('en');
    expect(await p.page.locator('#suggestions h2').textContent()).toBe('Who could help');
    p.expectClean();
  });

  it('a newcomer’s profile shows mentors with a staged pathway, each step linked to its records', async () => {
    const p = await suite.newPage();
    await p.goto('/municipalities/asahikawa');
    const mentors = p.page.locator('#mentors');
    expect(await mentors.locator('.suggestion').count()).toBeGreaterThan(0);
    expect(await mentors.locator('.pathway').first().textContent()).toMatch(/Step 1.*Step 2/s);
    expect(await mentors.locator('.pathway a').count()).toBeGreaterThan(0);
    await p.screenshot('mentors-en');
    p.expectClean();
  });

  it('the demo editor signs in, requests an introduction to a peer and dismisses another', async () => {
    const p = await suite.newPage();
    await signIn(p, DEMO_EDITOR, '/municipalities/kawasaki');
    expect(await p.page.getByRole('banner').textContent()).toContain(DEMO_EDITOR.email);
    const peers = p.page.locator('#peers .suggestion');
    expect(await peers.count()).toBeGreaterThan(1);
    const asked = await peers.nth(0).getAttribute('data-candidate');
    const dismissed = await peers.nth(1).getAttribute('data-candidate');

    await peers.nth(0).getByRole('button', { name: 'Request an introduction…' }).click();
    await peers.nth(0).getByLabel('Message for the other side (optional)').fill('Could we compare notes on leakage?');
    await peers.nth(0).getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => peers.nth(0).getByRole('status').textContent()).toBe('Introduction requested.');

    await peers.nth(1).getByRole('button', { name: 'Dismiss…' }).click();
    await peers.nth(1).getByLabel('Reason').selectOption('ALREADY_IN_CONTACT');
    await peers.nth(1).getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect.poll(() => peers.nth(1).getByRole('status').textContent()).toMatch(/Dismissed/);
    await p.screenshot('editor-actions-en');

    const intros = await suite.api.gql<{ introductions: { list: string; requester: { key: string }; candidate: { key: string }; message: string }[] }>(
      '{ introductions(municipalityKey: "kawasaki") { list message requester { key } candidate { key } } }',
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(intros.data!.introductions).toContainEqual({ list: 'PEER', message: 'Could we compare notes on leakage?', requester: { key: 'kawasaki' }, candidate: { key: asked } });
    await p.page.reload();
    await p.settled();
    const after = await p.page.locator('#peers .suggestion').evaluateAll((cards) => cards.map((c) => (c as { getAttribute(name: string): string | null }).getAttribute('data-candidate')));
    expect(after).not.toContain(dismissed);
    expect(await p.page.locator(`#peers [data-candidate="${asked}"]`).textContent()).toMatch(/Introduction: requested/);
    p.expectClean();
  });

  it('an editor of the need’s municipality dismisses a partner suggestion with a reason; other visitors cannot act', async () => {
    const anonymous = await suite.newPage();
    await anonymous.goto('/needs/makassar-leakage');
    expect(await anonymous.page.locator('#suggestions').getByRole('button').count()).toBe(0);
    expect(await anonymous.page.locator('#suggestions').textContent()).toMatch(/can sign in to dismiss/);

    const p = await suite.newPage();
    await signIn(p, await suite.createEditor('makassar'), '/needs/makassar-leakage');
    const cards = p.page.locator('#suggestions .suggestion');
    const last = cards.last();
    const candidate = await last.getAttribute('data-candidate');
    await last.getByRole('button', { name: 'Dismiss…' }).click();
    await last.getByLabel('Reason').selectOption('WRONG_TOPIC');
    await last.getByLabel('Note (optional)').fill('They work on sewerage, not leakage.');
    await last.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect.poll(() => last.getByRole('status').textContent()).toMatch(/Dismissed/);
    await p.page.reload();
    await p.settled();
    expect(await p.page.locator(`#suggestions [data-candidate="${candidate}"]`).count()).toBe(0);
    p.expectClean();
  });

  it('the directory narrows by facets and pages through the connection', async () => {
    const p = await suite.newPage();
    await p.goto('/directory');
    const count = () => p.page.getByRole('status').first().textContent();
    expect(await count()).toMatch(/^\d+ matches — Showing 20 of \d+/);
    await p.page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => p.page.locator('.cards > .card').count()).toBe(40);
    await p.page.getByLabel('Country').selectOption('JP');
    await p.page.getByLabel('Overseas experience').selectOption('NONE');
    await p.page.getByRole('button', { name: 'Apply' }).click();
    await p.settled();
    expect(p.page.url()).toMatch(/country=JP/);
    const filtered = Number((await count())!.match(/^(\d+)/)![1]);
    expect(filtered).toBeGreaterThan(0);
    expect(await p.page.locator('.cards').textContent()).toMatch(/None yet/);
    expect(await p.page.locator('.cards').textContent()).not.toMatch(/Extensive/);
    await p.screenshot('directory-en');
    p.expectClean();
  });

  it('keyboard: the skip link leads to the content and every control has a visible label', async () => {
    const p = await suite.newPage();
    await p.goto('/');
    await p.page.keyboard.press('Tab');
    expect(await p.page.evaluate<string>('document.activeElement?.textContent')).toBe('Skip to content');
    await p.page.keyboard.press('Enter');
    expect(await p.page.evaluate<string>('document.activeElement?.id')).toBe('main');
    await p.page.keyboard.press('Tab');
    expect(await p.page.evaluate<string>("document.activeElement?.getAttribute('type')")).toBe('search');
    await p.page.keyboard.type('Kawasaki');
    await p.page.keyboard.press('Enter');
    await p.page.waitForURL(/\/search\?q=Kawasaki/);
    p.expectClean();
  });

  it('axe finds no serious or critical violation on the main pages, in English on a desktop and in Japanese on a phone', { timeout: 180_000 }, async () => {
    const pages = ['/', '/search?q=leakage', '/directory', '/municipalities/kawasaki', '/municipalities/makassar', '/needs/makassar-leakage', '/partnerships/kawasaki-makassar-leakage', '/sign-in'];
    const found = await axeOnDesktopAndPhone(suite, pages, {
      after: async (p, lang) => {
        await p.goto('/needs/makassar-leakage');
        await p.screenshot(`phone-check-${lang}`);
      },
    });
    expect(found).toEqual({});
  });

  it('the GraphQL IDE loads from this server alone and answers a query', async () => {
    const p = await suite.newPage();
    await p.page.goto(`${suite.url}/graphql`);
    await p.page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    // Monaco has loaded the default query (from this server's bundle) before the run button is used.
    await expect.poll(() => p.page.locator('.graphiql-query-editor').textContent(), { timeout: 30_000 }).toMatch(/partnerSuggestions/);
    await p.page.getByRole('button', { name: /execute query/i }).click();
    await expect.poll(() => p.page.locator('.result-window').textContent(), { timeout: 30_000 }).toMatch(/"partnerSuggestions"/);
    await p.screenshot('graphiql');
    p.expectClean();
  });
});
