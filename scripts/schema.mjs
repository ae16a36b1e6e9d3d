// `npm run schema`: writes schema.graphql (the API's SDL, from the code-first schema) and the web
// app's typed operations generated from it. `npm run schema -- --check` changes nothing and exits
// 1 when either is out of date (the drift tests say the same).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildIfNeeded, ROOT } from './build-if-needed.mjs';

const check = process.argv.includes('--check');
const file = join(ROOT, 'schema.graphql');
buildIfNeeded('api');
const { buildSchemaSdl } = createRequire(import.meta.url)(join(ROOT, 'dist/apps/api/apps/api/src/graphql/schema-sdl.js'));
const sdl = await buildSchemaSdl();
const current = (() => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
})();
if (check) {
  if (current !== sdl) {
    console.error('schema.graphql is out of date: run `npm run schema`');
    process.exit(1);
  }
} else if (current !== sdl) {
  writeFileSync(file, sdl);
  console.error('wrote schema.graphql');
}
execFileSync(process.execPath, [join(ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', join(ROOT, 'apps/web/codegen.ts'), ...(check ? ['--check'] : [])], {
  cwd: ROOT,
  stdio: 'inherit',
});
