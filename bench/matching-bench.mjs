// `node bench/matching-bench.mjs` — latency of partnerSuggestions (and peer and mentor suggestions)
// on generated directories of 10,000 and 100,000 municipalities. Runs the built libraries (dist/,
// rebuilt when sources changed) against DATABASE_URL's server or an embedded PostgreSQL in a
// temporary directory; each size gets a fresh, migrated database filled in SQL (generate_series,
// deterministic pseudo-random choices from hashtext). Prints medians and p95 and writes them into
// docs/benchmarks.md between this benchmark's markers.
//
//   node bench/matching-bench.mjs [--sizes 10000,100000 --rounds 3 --queries 30 --no-write]
import { parseArgs } from 'node:util';
import { freshDatabase, lib, machineLine, server, writeSection } from './bench-kit.mjs';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    rounds: { type: 'string', default: '3' },
    queries: { type: 'string', default: '30' },
    'no-write': { type: 'boolean', default: false },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const ROUNDS = Number(args.rounds);
const QUERIES = Number(args.queries);

const { TransactionalConnection } = lib('database');
const { CalendarService, TaxonomyService } = lib('directory');
const { systemContext } = lib('kernel');
const { FactsQueryService, MATCHING_ENTITIES, MentorSuggestionService, PartnerSuggestionService, PeerSuggestionService, ProfileQueryService } = lib('matching');

// ---------------------------------------------------------------------------- the directory
// 70 % Japanese local governments (coordinates across Japan, 3 expertise rows each), 30 % overseas
// utilities (one open need each); partnerships = N/2 (provider in Japan, recipient abroad), a third
// with an outcome; case studies N/50. Pseudo-random but reproducible: h(x) = abs(hashtext(x)).
const FILL = (n) => [
  `CREATE TEMP TABLE bench_topic AS SELECT row_number() OVER (ORDER BY position) - 1 AS i, key, parent_key FROM topic`,
  `CREATE TEMP TABLE bench_country AS SELECT row_number() OVER () - 1 AS i, c, r FROM (VALUES ('ID','Asia'),('VN','Asia'),('KH','Asia'),('PH','Asia'),('LA','Asia'),('MM','Asia'),('BD','Asia'),('NP','Asia'),('LK','Asia'),('MN','Asia'),('KE','Africa'),('TZ','Africa'),('UG','Africa'),('ET','Africa'),('ZM','Africa'),('MW','Africa'),('RW','Africa'),('FJ','Pacific'),('PG','Pacific'),('MX','Latin America'),('PE','Latin America'),('HN','Latin America')) v(c, r)`,
  `INSERT INTO municipality (key, name, kind, country, region, subdivision, population, latitude, longitude, languages, capacity, overseas_experience)
   SELECT 'b-' || g, 'Bench ' || g,
          CASE WHEN g % 10 < 7 THEN 'LOCAL_GOVERNMENT' ELSE 'UTILITY' END::municipality_kind,
          CASE WHEN g % 10 < 7 THEN 'JP' ELSE (SELECT c FROM bench_country WHERE bench_country.i = abs(hashtext('c' || g)) % 22) END,
          CASE WHEN g % 10 < 7 THEN 'R' || (abs(hashtext('r' || g)) % 8) ELSE (SELECT r FROM bench_country WHERE bench_country.i = abs(hashtext('c' || g)) % 22) END,
          'P' || (abs(hashtext('p' || g)) % 47),
          20000 + abs(hashtext('n' || g)) % 3000000,
          CASE WHEN g % 10 < 7 THEN 31 + (abs(hashtext('la' || g)) % 1200) / 100.0 ELSE -30 + (abs(hashtext('la' || g)) % 6000) / 100.0 END,
          CASE WHEN g % 10 < 7 THEN 130 + (abs(hashtext('lo' || g)) % 1200) / 100.0 ELSE 30 + (abs(hashtext('lo' || g)) % 15000) / 100.0 END,
          CASE WHEN g % 3 = 0 THEN '{ja}'::text[] WHEN g % 10 < 7 THEN '{ja,en}'::text[] ELSE '{en}'::text[] END,
          abs(hashtext('cap' || g)) % 6,
          (ARRAY['NONE','NONE','NONE','SOME','SOME','EXTENSIVE'])[1 + abs(hashtext('x' || g)) % 6]::overseas_experience
     FROM generate_series(1, ${n}) g`,
  `INSERT INTO expertise (municipality_id, topic_key, level, evidence)
   SELECT DISTINCT ON (m.id, t.key) m.id, t.key, 1 + abs(hashtext(m.key || t.key)) % 5, 'Generated evidence on ' || t.key || ' with leak pressure training meters'
     FROM municipality m CROSS JOIN generate_series(0, 2) j JOIN bench_topic t ON t.i = abs(hashtext(m.key || j)) % 36
    WHERE m.country = 'JP'`,
  `INSERT INTO need (key, municipality_id, title, description, status, priority, schemes)
   SELECT 'need-' || m.key, m.id, 'Need of ' || m.name, 'Reduce leakage and pressure problems in ageing mains', 'OPEN', 'HIGH', '{JICA_GRASSROOTS}'
     FROM municipality m WHERE m.country <> 'JP'`,
  `INSERT INTO need_topic (need_id, topic_key, position)
   SELECT DISTINCT ON (n.id, t.key) n.id, t.key, j FROM need n CROSS JOIN generate_series(0, 1) j JOIN bench_topic t ON t.i = abs(hashtext(n.key || j)) % 36`,
  `CREATE TEMP TABLE bench_jp AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM municipality WHERE country = 'JP'`,
  `CREATE TEMP TABLE bench_abroad AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM municipality WHERE country <> 'JP'`,
  `INSERT INTO partnership (key, title, status, scheme, start_year, end_year, summary)
   SELECT 'bp-' || i, 'Bench partnership ' || i,
          (ARRAY['COMPLETED','COMPLETED','COMPLETED','ACTIVE','ACTIVE','DORMANT','PROPOSED'])[1 + abs(hashtext('s' || i)) % 7]::partnership_status,
          (ARRAY['JICA_GRASSROOTS','JICA_TECHNICAL_COOPERATION','JICA_EXPERT_DISPATCH','OTHER'])[1 + abs(hashtext('sc' || i)) % 4]::cooperation_scheme,
          2000 + abs(hashtext('y' || i)) % 20, NULL, 'Leak detection and pressure management pilot ' || i
     FROM generate_series(1, ${Math.floor(n / 2)}) i`,
  `INSERT INTO partnership_topic (partnership_id, topic_key, position)
   SELECT p.id, t.key, 0 FROM partnership p JOIN bench_topic t ON t.i = abs(hashtext(p.key)) % 36`,
  `INSERT INTO partnership_member (partnership_id, municipality_id, role, position)
   SELECT p.id, j.id, 'PROVIDER', 0 FROM partnership p JOIN bench_jp j ON j.i = abs(hashtext('pj' || p.key)) % (SELECT count(*) FROM bench_jp)`,
  `INSERT INTO partnership_member (partnership_id, municipality_id, role, position)
   SELECT p.id, a.id, 'RECIPIENT', 1 FROM partnership p JOIN bench_abroad a ON a.i = abs(hashtext('pa' || p.key)) % (SELECT count(*) FROM bench_abroad)`,
  `INSERT INTO partnership_outcome (partnership_id, position, indicator, before, after)
   SELECT id, 0, 'NRW_PERCENT', 40, 30 FROM partnership WHERE status = 'COMPLETED' AND abs(hashtext(key)) % 3 = 0`,
  `INSERT INTO case_study (key, title, municipality_id, summary, lessons)
   SELECT 'bc-' || j.i, 'Bench case study ' || j.i, j.id, 'Lessons on leakage and training', '{}' FROM bench_jp j WHERE j.i % 35 = 0`,
  `INSERT INTO case_study_topic (case_study_id, topic_key, position)
   SELECT c.id, t.key, 0 FROM case_study c JOIN bench_topic t ON t.i = abs(hashtext(c.key)) % 36`,
  `VACUUM ANALYZE`,
];

// ---------------------------------------------------------------------------- the runs
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const ms = (x) => `${x.toFixed(1)} ms`;

async function timed(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function measure(adminUrl, n) {
  const db = await freshDatabase(adminUrl, MATCHING_ENTITIES);
  try {
    const fillStarted = performance.now();
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    for (const sql of FILL(n)) await runner.query(sql);
    await runner.release();
    const fillMs = performance.now() - fillStarted;
    const [counts] = await db.dataSource.query(
      `SELECT (SELECT count(*) FROM municipality)::int AS m, (SELECT count(*) FROM expertise)::int AS e, (SELECT count(*) FROM need)::int AS n, (SELECT count(*) FROM partnership)::int AS p`,
    );
    const conn = new TransactionalConnection(db.dataSource);
    const taxonomy = new TaxonomyService(conn);
    const facts = new FactsQueryService(conn, taxonomy, new CalendarService());
    const profiles = new ProfileQueryService(conn, facts);
    const partners = new PartnerSuggestionService(facts);
    const peers = new PeerSuggestionService(facts, profiles);
    const mentors = new MentorSuggestionService(conn, facts, profiles);
    const ctx = systemContext('bench-matching');
    const needs = (await db.dataSource.query(`SELECT key FROM need ORDER BY abs(hashtext(key)), key LIMIT $1`, [QUERIES])).map((r) => r.key);
    const jp = (await db.dataSource.query(`SELECT key FROM municipality WHERE country = 'JP' ORDER BY abs(hashtext(key)), key LIMIT $1`, [QUERIES])).map((r) => r.key);
    const samples = { partner: [], peer: [], mentor: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const keep = round > 0 || ROUNDS === 1; // the first round warms caches and is not counted
      for (const key of needs) {
        const t = await timed(() => partners.partnerSuggestions(ctx, key, 10));
        if (keep) samples.partner.push(t);
      }
      for (const key of jp) {
        const p = await timed(() => peers.peerSuggestions(ctx, key, 10));
        const m = await timed(() => mentors.mentorSuggestions(ctx, key, 10));
        if (keep) {
          samples.peer.push(p);
          samples.mentor.push(m);
        }
      }
    }
    return { n, counts, fillMs, samples };
  } finally {
    await db.drop();
  }
}

const pg = await server();
const results = [];
try {
  for (const n of SIZES) {
    console.error(`generating ${n.toLocaleString('en-US')} municipalities…`);
    const r = await measure(pg.adminUrl, n);
    results.push(r);
    const s = r.samples;
    console.error(
      `${n}: fill ${Math.round(r.fillMs / 1000)} s; partnerSuggestions median ${ms(quantile(s.partner, 0.5))} p95 ${ms(quantile(s.partner, 0.95))}; ` +
        `peerSuggestions median ${ms(quantile(s.peer, 0.5))}; mentorSuggestions median ${ms(quantile(s.mentor, 0.5))}`,
    );
  }
} finally {
  await pg.stop();
}

const rows = results
  .map((r) => {
    const s = r.samples;
    return `| ${r.n.toLocaleString('en-US')} | ${r.counts.e.toLocaleString('en-US')} / ${r.counts.n.toLocaleString('en-US')} / ${r.counts.p.toLocaleString('en-US')} | ${ms(quantile(s.partner, 0.5))} | ${ms(quantile(s.partner, 0.95))} | ${ms(quantile(s.peer, 0.5))} | ${ms(quantile(s.mentor, 0.5))} |`;
  })
  .join('\n');
const section = `<!-- bench:matching:start -->
## Matching latency on large directories (\`node bench/matching-bench.mjs\`)

${machineLine(pg)}

Each size is a fresh, migrated database filled in SQL: 70 % Japanese local governments with three
expertise rows each, 30 % overseas utilities with one open need (two topics) each, N/2
partnerships (a provider in Japan, a recipient abroad, a third of the completed ones with an
outcome), N/50 case studies; then VACUUM ANALYZE (the steady state autovacuum keeps). ${QUERIES} needs and ${QUERIES} Japanese municipalities
picked by hash; ${ROUNDS} rounds, the first one (cold caches) not counted. Times are one service
call each (candidate generation in SQL, facts for the candidates, scoring), in process, no HTTP.

| municipalities | expertise / needs / partnerships | partnerSuggestions median | partnerSuggestions p95 | peerSuggestions median | mentorSuggestions median |
|---:|---|---:|---:|---:|---:|
${rows}
<!-- bench:matching:end -->`;
console.log(section);

if (!args['no-write']) writeSection('matching', section);
