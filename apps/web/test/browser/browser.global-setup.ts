import type { TestProject } from 'vitest/node';
import { browserRequired, findChromium } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium the browser suite drives; null when none was found. */
    chromiumPath: string | null;
    /** Why no Chromium was found (empty when one was). */
    chromiumMissing: string;
  }
}

/**
 * Before the browser suite: find Chromium, and build the web app and IDE if their sources
 * changed. Without Chromium the suite is skipped and says so loudly (REQUIRE_BROWSER=1: it fails).
 */
export default async function setup(project: TestProject): Promise<void> {
  const { path, reason } = findChromium();
  project.provide('chromiumPath', path);
  project.provide('chromiumMissing', reason);
  if (!path) {
    const verdict = browserRequired() ? 'FAILS (REQUIRE_BROWSER=1)' : 'is SKIPPED';
    process.stderr.write(`\n*** The browser suite ${verdict}: ${reason} ***\n\n`);
    return;
  }
  const builder = '../../../../scripts/build-if-needed.mjs';
  const { buildIfNeeded } = (await import(builder)) as { buildIfNeeded(target: 'web' | 'graphiql'): string };
  buildIfNeeded('web');
  buildIfNeeded('graphiql');
}
