// Builds the apps when dist/ is missing or older than any source file, so `npm start` and
// `npm run cli` always run current code without paying for a build every time.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const ENTRIES = {
  api: join(root, 'dist/apps/api/apps/api/src/main.js'),
  cli: join(root, 'dist/apps/cli/apps/cli/src/main.js'),
};

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name) && !/\.(e2e-)?spec\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function buildIfNeeded(app) {
  const entry = ENTRIES[app];
  const sources = Math.max(newestSource(join(root, 'apps')), newestSource(join(root, 'libs')), statSync(join(root, 'tsconfig.json')).mtimeMs);
  if (existsSync(entry) && statSync(entry).mtimeMs >= sources) return entry;
  process.stderr.write(`building ${app}…\n`);
  execFileSync(process.execPath, [join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', app], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  return entry;
}
