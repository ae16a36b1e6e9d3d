import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const lib = (name: string) => fileURLToPath(new URL(`./libs/${name}/src/index.ts`, import.meta.url));
const alias = Object.fromEntries(
  ['kernel', 'config', 'database', 'directory', 'interchange', 'matching', 'auth', 'upkeep', 'testing'].map((n) => [`@kakehashi/${n}`, lib(n)]),
);

/**
 * Three tiers (docs/architecture.md, "Tests"; ADR 4):
 *  - unit:        `*.spec.ts` beside the code, pure, no database;
 *  - integration: `*.db.spec.ts`, real PostgreSQL with the real migrations;
 *  - e2e:         `*.e2e-spec.ts`, the API over HTTP on real PostgreSQL;
 *  - web:         `apps/web/src/**\/*.spec.ts(x)`, the browser app's logic and components (happy-dom);
 *  - browser:     `apps/web/test/**\/*.browser-spec.ts`, the built app in Chromium on the real API.
 * The database tiers share one server (embedded, or DATABASE_URL); each test file gets its own
 * database, so files run in parallel and in any order.
 */
export default defineConfig({
  // graphql as Node loads it (its CommonJS main, like Nest does), not the bundler's `module` build:
  // one graphql-js realm, so schemas from Nest can be printed in tests.
  resolve: {
    alias: [
      ...Object.entries(alias).map(([find, replacement]) => ({ find, replacement })),
      { find: /^graphql$/, replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) },
    ],
  },
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['{apps,libs,test}/**/*.spec.ts'], exclude: ['**/*.db.spec.ts', '**/node_modules/**', 'apps/web/src/**'] } },
      // The web app's logic and components, in a simulated DOM.
      { extends: true, test: { name: 'web', include: ['apps/web/src/**/*.spec.{ts,tsx}'], environment: 'happy-dom' } },
      {
        // The web app in Debian's Chromium against the real API on the sample directory (skipped,
        // saying so, when no Chromium is found; REQUIRE_BROWSER=1 makes that a failure).
        extends: true,
        test: {
          name: 'browser',
          include: ['apps/web/test/**/*.browser-spec.ts'],
          globalSetup: ['./libs/testing/src/postgres.global-setup.ts', './apps/web/test/browser/browser.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['{apps,libs}/**/*.db.spec.ts'], globalSetup: ['./libs/testing/src/postgres.global-setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['{apps,libs}/**/*.e2e-spec.ts'], globalSetup: ['./libs/testing/src/postgres.global-setup.ts'] },
      },
    ],
  },
});
