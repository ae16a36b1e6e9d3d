import { expect } from 'vitest';
import type { AppPage, WebSuite } from './harness';

/**
 * axe and a responsive check (nothing wider than the window) on each of `pages`, in English on a
 * desktop and in Japanese on a phone. `ready` waits for what a page draws after its data (e.g. a
 * map); `after` runs once per language on the same page (a screenshot). Returns the serious and critical violations by page (empty when clean); every page must
 * also stay clean (no outside request, CSP violation or page error).
 */
export async function axeOnDesktopAndPhone(
  suite: WebSuite,
  pages: string[],
  options: { ready?: (p: AppPage) => Promise<void>; after?: (p: AppPage, lang: 'en' | 'ja') => Promise<void> } = {},
): Promise<Record<string, unknown[]>> {
  const found: Record<string, unknown[]> = {};
  for (const [lang, width, height] of [
    ['en', 1280, 900],
    ['ja', 390, 844],
  ] as const) {
    const p = await suite.newPage({ lang, width, height });
    for (const path of pages) {
      await p.goto(path);
      await options.ready?.(p);
      const name = `${lang}-${width}${path.replace(/[^a-z0-9]+/gi, '-')}`;
      const serious = await p.axe(name);
      if (serious.length) found[name] = serious;
      const overflow = await p.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow, `${path} overflows ${width}px by ${overflow}px`).toBeLessThanOrEqual(1);
    }
    await options.after?.(p, lang);
    p.expectClean();
  }
  return found;
}
