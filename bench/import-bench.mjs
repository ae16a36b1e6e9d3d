// `npm run bench:import` — times validation, a first import, a re-import (all unchanged) and an
// export of a generated directory: 10,000 municipalities and ~50,000 related rows (expertise,
// needs with topics, partnerships with topics/members/outcomes, case studies, events).
// Runs the built libraries (dist/, rebuilt when sources changed) against DATABASE_URL's server or
// an embedded PostgreSQL in a temporary directory; each run gets a fresh, migrated database.
// Prints the medians and writes them into docs/benchmarks.md (between this benchmark's markers).
//
//   npm run bench:import [-- --runs 3 --municipalities 10000 --no-write]
import { parseArgs } from 'node:util';
import { freshDatabase, lib, machineLine, server, writeSection } from './bench-kit.mjs';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, municipalities: { type: 'string', default: '10000' }, 'no-write': { type: 'boolean', default: false } },
});
const RUNS = Number(args.runs);
const MUNICIPALITIES = Number(args.municipalities);

const { AuditService, SEEDED_TOPICS, TransactionalConnection } = lib('database');
const { TaxonomyService } = lib('directory');
const { InterchangeExportService, InterchangeImportService, documentProblems, externalReferences, parseDocument } = lib('interchange');
const { systemContext } = lib('kernel');

// ---------------------------------------------------------------------------- the document
const TOPICS = SEEDED_TOPICS.map((t) => t.key);
const KINDS = ['LOCAL_GOVERNMENT', 'UTILITY', 'NATIONAL_AGENCY', 'OTHER'];
const COUNTRIES = ['JP', 'VN', 'ID', 'KH', 'PH', 'LA', 'MM', 'KE', 'TZ', 'MX'];
const SCHEMES = ['JICA_GRASSROOTS', 'JICA_TECHNICAL_COOPERATION', 'WATER_OPERATORS_PARTNERSHIP', 'BILATERAL_AGREEMENT'];
const ROLES = ['PROVIDER', 'RECIPIENT', 'PEER', 'FACILITATOR'];
const pick = (list, i) => list[i % list.length];
const words = (i, count) => Array.from({ length: count }, (_, w) => pick(['leak', 'network', 'pressure', 'training', 'meter', 'plant', 'quality', 'tariff'], i * 7 + w * 3)).join(' ');

function generate(n) {
  const m = (i) => `m-${String(i).padStart(5, '0')}`;
  const municipalities = Array.from({ length: n }, (_, i) => ({
    key: m(i),
    name: `Municipality ${i}`,
    nameJa: `自治体${i}`,
    kind: pick(KINDS, i),
    country: pick(COUNTRIES, i),
    region: `Region ${i % 40}`,
    subdivision: `Prefecture ${i % 47}`,
    population: 10_000 + ((i * 7919) % 3_000_000),
    latitude: -40 + ((i * 37) % 8000) / 100,
    longitude: 100 + ((i * 53) % 4000) / 100,
    organization: `Waterworks Bureau ${i}`,
    languages: i % 3 ? ['ja', 'en'] : ['en'],
    capacity: i % 6,
    overseasExperience: pick(['NONE', 'SOME', 'EXTENSIVE'], i),
    provenance: 'ILLUSTRATIVE',
  }));
  const expertise = municipalities.flatMap((_, i) =>
    [0, 1].map((k) => ({ municipality: m(i), topic: TOPICS[(i + k * 17) % TOPICS.length], level: 1 + ((i + k) % 5), evidence: words(i + k, 20) })),
  );
  const needs = Array.from({ length: n / 2 }, (_, i) => ({
    key: `need-${i}`,
    municipality: m(i * 2 + 1),
    title: `Need ${i}: ${words(i, 4)}`,
    description: words(i, 40),
    topics: [TOPICS[i % TOPICS.length], TOPICS[(i + 11) % TOPICS.length]],
    priority: pick(['LOW', 'MEDIUM', 'HIGH'], i),
    status: 'OPEN',
    schemes: [pick(SCHEMES, i)],
    expiresOn: '2027-03-31',
  }));
  const partnerships = Array.from({ length: (n * 3) / 10 }, (_, i) => ({
    key: `partnership-${i}`,
    title: `Partnership ${i}`,
    scheme: pick(SCHEMES, i),
    status: pick(['ACTIVE', 'COMPLETED', 'PROPOSED'], i),
    startYear: 2010 + (i % 10),
    endYear: 2020 + (i % 5),
    topics: [TOPICS[(i * 5) % TOPICS.length]],
    summary: words(i, 30),
    members: [
      { municipality: m(i), role: pick(ROLES, i) },
      { municipality: m((i + n / 2) % n), role: pick(ROLES, i + 1) },
    ],
    outcomes: i % 2 ? [] : [{ indicator: 'NRW_PERCENT', before: 30 + (i % 20), after: 20 + (i % 10) + 0.5, note: 'pilot area' }],
  }));
  const events = Array.from({ length: n / 100 }, (_, i) => ({ key: `event-${i}`, title: `Study session ${i}`, date: '2023-12-07', location: 'online', participants: 100 + i }));
  const caseStudies = Array.from({ length: n / 20 }, (_, i) => ({
    key: `case-${i}`,
    title: `Case ${i}`,
    municipality: m(i * 3),
    topics: [TOPICS[i % TOPICS.length], TOPICS[(i + 5) % TOPICS.length]],
    summary: words(i, 30),
    lessons: ['Start small', words(i, 8)],
    event: `event-${i % (n / 100)}`,
  }));
  return { format: 'kakehashi/v1', municipalities, expertise, needs, partnerships, caseStudies, events };
}

function relatedRows(doc) {
  const sum = (xs, f) => xs.reduce((s, x) => s + f(x), 0);
  return (
    doc.expertise.length +
    doc.needs.length +
    sum(doc.needs, (x) => x.topics.length) +
    doc.partnerships.length +
    sum(doc.partnerships, (p) => p.topics.length + p.members.length + p.outcomes.length) +
    doc.caseStudies.length +
    sum(doc.caseStudies, (c) => c.topics.length) +
    doc.events.length
  );
}

// ---------------------------------------------------------------------------- the runs
const time = async (fn) => {
  const t = performance.now();
  const result = await fn();
  return [performance.now() - t, result];
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;

async function run(adminUrl, text) {
  const db = await freshDatabase(adminUrl);
  try {
    const tx = new TransactionalConnection(db.dataSource);
    const importer = new InterchangeImportService(tx, new TaxonomyService(tx), new AuditService(tx));
    const exporter = new InterchangeExportService(tx);
    const ctx = systemContext('bench');
    const [parse, doc] = await time(() => parseDocument(text));
    const known = { topics: new Set(TOPICS), municipalities: new Set(), events: new Set() };
    const [validate, problems] = await time(() => documentProblems(doc, known));
    if (problems.length || externalReferences(doc).municipalities.length) throw new Error(`generated document is invalid: ${JSON.stringify(problems.slice(0, 3))}`);
    const [first, created] = await time(() => importer.import(ctx, doc));
    const [again, unchanged] = await time(() => importer.import(ctx, doc));
    const changed = Object.values(unchanged.sections).reduce((n, s) => n + s.created + s.updated, 0);
    if (changed) throw new Error(`re-import changed ${changed} records`);
    let bytes = 0;
    const [exported] = await time(() => exporter.exportTo(ctx, { write: (t) => void (bytes += Buffer.byteLength(t)) }));
    return { parse, validate, first, again, exported, bytes, created };
  } finally {
    await db.drop();
  }
}

// Compile the schema first: it happens once per process, not once per document.
documentProblems({ format: 'kakehashi/v1' }, { topics: new Set(), municipalities: new Set(), events: new Set() });
const doc = generate(MUNICIPALITIES);
const text = JSON.stringify(doc);
const related = relatedRows(doc);
console.error(`document: ${doc.municipalities.length} municipalities, ${related} related rows, ${(text.length / 1e6).toFixed(1)} MB; ${RUNS} runs`);
const pg = await server();
const results = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const r = await run(pg.adminUrl, text);
    results.push(r);
    console.error(`run ${i + 1}: parse ${ms(r.parse)}, validate ${ms(r.validate)}, first import ${ms(r.first)}, re-import ${ms(r.again)}, export ${ms(r.exported)}`);
  }
} finally {
  await pg.stop();
}

const row = (label, key) => `| ${label} | ${ms(median(results.map((r) => r[key])))} | ${results.map((r) => ms(r[key])).join(' · ')} |`;
const section = `<!-- bench:import:start -->
## Import and export of a large directory (\`npm run bench:import\`)

${machineLine(pg)} · command: \`npm run bench:import\` (= \`node bench/import-bench.mjs\`)

Document: ${doc.municipalities.length.toLocaleString('en-US')} municipalities and ${related.toLocaleString('en-US')} related rows
(${doc.expertise.length.toLocaleString('en-US')} expertise, ${doc.needs.length.toLocaleString('en-US')} needs with 2 topics each,
${doc.partnerships.length.toLocaleString('en-US')} partnerships with a topic, 2 members and every other one an outcome,
${doc.caseStudies.length} case studies, ${doc.events.length} events), ${(text.length / 1e6).toFixed(1)} MB of JSON.
Each run starts from a fresh, migrated database. Median of ${RUNS} runs (then each run):

| step | median | runs |
|---|---|---|
${row('JSON.parse', 'parse')}
${row('validation alone (schema + semantics, no database)', 'validate')}
${row('first import (validation + every write, one transaction)', 'first')}
${row('re-import of the same document (all unchanged, nothing written)', 'again')}
${row(`export (${(results[0].bytes / 1e6).toFixed(1)} MB canonical JSON)`, 'exported')}
<!-- bench:import:end -->`;
console.log(section);

if (!args['no-write']) writeSection('import', section);
