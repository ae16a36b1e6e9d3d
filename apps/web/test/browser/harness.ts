import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApi, TEST_ADMIN_TOKEN, type TestApi } from '../../../api/test/api-harness';

/**
 * The browser suite's harness: the real API (in-process, its own PostgreSQL database with the
 * sample directory) serving the built web app, driven by Debian's Chromium through
 * playwright-core. Specs: `apps/web/test/**\/*.browser-spec.ts`; see `journeys.browser-spec.ts`.
 */

/** Where screenshots and accessibility reports go (git-ignored). */
export const OUTPUT_DIR = join(process.cwd(), 'test-results/browser');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to drive: CHROMIUM_PATH, else Debian's. `reason` says why none was found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string | null; reason: string } {
  if (env.CHROMIUM_PATH) {
    return existsSync(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH, reason: '' } : { path: null, reason: `CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist` };
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  return found ? { path: found, reason: '' } : { path: null, reason: `no Chromium at ${CANDIDATES.join(', ')} (install Debian's chromium: apt-get install chromium fonts-noto-cjk; or set CHROMIUM_PATH)` };
}

/** REQUIRE_BROWSER=1 (CI): a missing browser fails the suite instead of skipping it. */
export const browserRequired = (env: NodeJS.ProcessEnv = process.env): boolean => env.REQUIRE_BROWSER === '1';

/** Flags for a quiet, offline, disposable headless Chromium (Playwright adds a fresh profile dir). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps'];

export interface AppPage {
  page: Page;
  /** Requests the page tried to send anywhere but this server (aborted; must stay empty). */
  outsideRequests: string[];
  /** Content-Security-Policy violations and uncaught errors reported by the page. */
  problems: string[];
  /** Opens a path of the app and waits until its data has loaded. */
  goto(path: string): Promise<void>;
  /** Waits until no "Loading…" status is left on the page. */
  settled(): Promise<void>;
  /** A full-page screenshot into test-results/browser/NAME.png. */
  screenshot(name: string): Promise<string>;
  /** axe-core on the page; returns the serious and critical violations (and writes all to a report). */
  axe(name: string): Promise<{ id: string; impact: string | null | undefined; help: string; nodes: number }[]>;
  /** No outside request, no CSP violation, no page error so far. */
  expectClean(): void;
}

export interface WebSuite {
  /** Base URL of the server, e.g. http://127.0.0.1:41234 */
  url: string;
  api: TestApi;
  browser: Browser;
  /** A fresh browser context (no storage shared with other pages) in a language. */
  newPage(options?: { lang?: 'en' | 'ja'; width?: number; height?: number }): Promise<AppPage>;
  /** Creates an editor of `municipalityKey` through the API (invitation accepted) and returns the credentials. */
  createEditor(municipalityKey: string): Promise<{ email: string; password: string }>;
  close(): Promise<void>;
}

/** Starts the API on the sample directory serving the built app (`dist/web`), and Chromium. */
export async function startWebSuite(chromiumPath: string): Promise<WebSuite> {
  const api = await startTestApi({ SAMPLE_DATA: 'on', WEB_DIST: join(process.cwd(), 'dist/web'), RATE_LIMIT_PER_MINUTE: '100000' });
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  await mkdir(OUTPUT_DIR, { recursive: true });

  async function newPage(options: { lang?: 'en' | 'ja'; width?: number; height?: number } = {}): Promise<AppPage> {
    const lang = options.lang ?? 'en';
    const context = await browser.newContext({
      locale: lang === 'ja' ? 'ja-JP' : 'en-GB',
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      serviceWorkers: 'block',
    });
    contexts.push(context);
    const outsideRequests: string[] = [];
    const problems: string[] = [];
    // Anything not for this server is recorded and refused, so a test can never pass on the internet.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${api.url}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outsideRequests.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const settled = async () => {
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.locator('.loading').count(), { timeout: 15_000 }).toBe(0);
    };
    return {
      page,
      outsideRequests,
      problems,
      settled,
      async goto(path) {
        await page.goto(`${api.url}${path}`);
        await settled();
      },
      async screenshot(name) {
        const file = join(OUTPUT_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      async axe(name) {
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        const { writeFile } = await import('node:fs/promises');
        const summary = results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
        await writeFile(join(OUTPUT_DIR, `${name}.axe.json`), JSON.stringify({ url: page.url(), violations: summary, passes: results.passes.length }, null, 2));
        return summary.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      },
      expectClean() {
        expect(outsideRequests, 'requests to another host').toEqual([]);
        expect(problems, 'CSP violations or page errors').toEqual([]);
      },
    };
  }

  async function createEditor(municipalityKey: string) {
    const email = `editor.${municipalityKey}.${Date.now()}@example.org`;
    const password = `browser-suite-${municipalityKey}-password`;
    const invited = await api.gql<{ inviteEditor: { token: string } }>(
      'mutation($e: String!, $m: String!) { inviteEditor(input: { email: $e, municipalityKey: $m }) { token } }',
      { e: email, m: municipalityKey },
      TEST_ADMIN_TOKEN,
    );
    expect(invited.errors).toBeUndefined();
    const accepted = await api.gql('mutation($t: String!, $p: String!) { acceptInvitation(input: { token: $t, password: $p }) { accessToken } }', {
      t: invited.data!.inviteEditor.token,
      p: password,
    });
    expect(accepted.errors).toBeUndefined();
    return { email, password };
  }

  return {
    url: api.url,
    api,
    browser,
    newPage,
    createEditor,
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await api.close();
    },
  };
}

/** The demo accounts documented in README (sample data only). */
export const DEMO_EDITOR = { email: 'editor.kawasaki@demo.kakehashi.example', password: 'kawasaki-demo-editor' };
export const DEMO_COORDINATOR = { email: 'coordinator@demo.kakehashi.example', password: 'jica-demo-coordinator' };

/** Signs in through the sign-in page (in the page's language) and waits until it has returned to `returnTo`. */
export async function signIn(p: AppPage, credentials: { email: string; password: string }, returnTo: string): Promise<void> {
  await p.goto(`/sign-in?return=${encodeURIComponent(returnTo)}`);
  const lang = await p.page.evaluate<string>('document.documentElement.lang');
  await p.page.getByLabel(lang === 'ja' ? 'メールアドレス' : 'Email').fill(credentials.email);
  await p.page.getByLabel(lang === 'ja' ? 'パスワード' : 'Password').fill(credentials.password);
  await p.page.getByRole('button', { name: lang === 'ja' ? 'ログイン' : 'Sign in', exact: true }).click();
  await p.page.waitForURL((url) => url.pathname === returnTo.split('?')[0]);
  await p.settled();
}

/**
 * One suite (the API and Chromium) shared by a spec file's tests: call it inside the file's
 * `describe`; `suite()` gives it inside a test.
 */
export function sharedWebSuite(chromiumPath: string): () => WebSuite {
  let suite: WebSuite | undefined;
  beforeAll(async () => {
    suite = await startWebSuite(chromiumPath);
  });
  afterAll(() => suite?.close());
  return () => suite!;
}

/** Runs SQL on the suite's database: for states the API cannot make, e.g. a profile nobody confirmed for years. */
export async function runSql(suite: WebSuite, sql: string): Promise<void> {
  const { Client } = await import('pg');
  const db = new Client({ connectionString: suite.api.databaseUrl });
  await db.connect();
  try {
    await db.query(sql);
  } finally {
    await db.end();
  }
}
