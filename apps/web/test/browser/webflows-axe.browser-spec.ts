import { describe, expect, inject, it } from 'vitest';
import { DEMO_COORDINATOR, DEMO_EDITOR, signIn, sharedWebSuite } from './harness';

const chromiumPath = inject('chromiumPath');

/** The editors' and coordinators' pages, each checked signed in as who uses it. */
const PAGES: { account: { email: string; password: string }; paths: string[] }[] = [
  { account: DEMO_EDITOR, paths: ['/municipalities/kawasaki/edit', '/municipalities/kawasaki'] },
  {
    account: DEMO_COORDINATOR,
    paths: ['/coordinator', '/coordinator/plan', '/coordinator/pipeline', '/coordinator/introductions', '/coordinator/upkeep', '/coordinator/audit', '/coordinator/invite'],
  },
];

describe.skipIf(!chromiumPath)('accessibility of the editors’ and coordinators’ pages (axe-core in Chromium)', () => {
  const suite = sharedWebSuite(chromiumPath!);

  // One test per language and account: each signs in once and walks its pages.
  for (const [lang, width, height] of [
    ['en', 1280, 900],
    ['ja', 390, 844],
  ] as const) {
    for (const { account, paths } of PAGES) {
      it(`${lang} at ${width}px as ${account.email}: no serious or critical axe violation, nothing wider than the screen`, { timeout: 180_000 }, async () => {
        const found: Record<string, unknown[]> = {};
        const p = await suite().newPage({ lang, width, height });
        await signIn(p, account, paths[0]!);
        for (const path of paths) {
          await p.goto(path);
          // Closed <details> hide the need and case-study forms from axe: open them so every control is checked.
          await p.page.evaluate(`document.querySelectorAll('details.edit-record').forEach((d) => { d.open = true; })`);
          const name = `flows-${lang}-${width}${path.replace(/[^a-z0-9]+/gi, '-')}`;
          const serious = await p.axe(name);
          if (serious.length) found[name] = serious;
          const overflow = await p.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
          expect(overflow, `${path} overflows ${width}px by ${overflow}px`).toBeLessThanOrEqual(1);
        }
        p.expectClean();
        expect(found).toEqual({});
      });
    }
  }
});
