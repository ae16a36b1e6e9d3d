// Builds what is missing or older than any of its sources, so `npm start` and `npm run cli` always
// run current code without paying for a build every time.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
const nest = (project) => [join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', project];
// Errors only: `npm start` is for using the app; bundler advice (module-level directives in
// dependencies, plugin timings) is for `npm run build:web`.
const vite = (config) => [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', config, '--logLevel', 'error'];

/** What each build produces, from which sources (directories are walked; tests do not count). */
const TARGETS = {
  api: { output: 'dist/apps/api/apps/api/src/main.js', sources: ['apps/api', 'libs', 'tsconfig.json'], command: nest('api') },
  cli: { output: 'dist/apps/cli/apps/cli/src/main.js', sources: ['apps/cli', 'libs', 'tsconfig.json'], command: nest('cli') },
  // The web app (served at /) and the GraphQL IDE (served at /graphql outside production).
  web: { output: 'dist/web/app/index.html', sources: ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.mts', 'package-lock.json'], command: vite('apps/web/vite.config.mts') },
  graphiql: { output: 'dist/web/graphiql/index.html', sources: ['apps/web/graphiql', 'package-lock.json'], command: vite('apps/web/graphiql/vite.config.mts') },
};

export const ENTRIES = Object.fromEntries(Object.entries(TARGETS).map(([name, t]) => [name, join(ROOT, t.output)]));

const SOURCE = /\.(ts|mts|tsx|json|css|html|svg|graphql)$/;
const TEST = /\.(e2e-|db\.|browser\.)?spec\.tsx?$/;

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return SOURCE.test(path) && !TEST.test(path) ? stat.mtimeMs : 0;
  let latest = 0;
  for (const entry of readdirSync(path)) if (entry !== 'node_modules') latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Builds `name` (api, cli, web, graphiql) when its output is missing or stale; returns the output path. */
export function buildIfNeeded(name) {
  const target = TARGETS[name];
  const output = join(ROOT, target.output);
  const sources = Math.max(...target.sources.map((s) => join(ROOT, s)).filter(existsSync).map(newest));
  if (existsSync(output) && statSync(output).mtimeMs >= sources) return output;
  process.stderr.write(`building ${name}…\n`);
  // Vite keeps an inherited NODE_ENV (Vitest sets `test`), which would bundle React's development
  // build: the web app is always built for production.
  const env = target.command.includes('--config') ? { ...process.env, NODE_ENV: 'production' } : process.env;
  execFileSync(process.execPath, target.command, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  return output;
}
