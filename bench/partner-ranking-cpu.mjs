// `DATABASE_URL=postgres://…/db node bench/partner-ranking-cpu.mjs [--needs 20 --loops 30]` — CPU
// time of the pure half of partnerSuggestions (rankPartners over the 60 candidates of a need, as the
// API runs it) on an existing, already filled database (e.g. a generated M directory). The database
// is only read: each need is prepared once (its candidates' facts, peers' load and the board's
// spread, computed and not stored), then ranked `loops` times. Prints the median CPU ms per ranking
// and a digest of every answer (scores, order, reasons), so that a change can show it ranks the same.
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { lib, require } from './bench-kit.mjs';

const { values: args } = parseArgs({ options: { needs: { type: 'string', default: '20' }, loops: { type: 'string', default: '30' }, first: { type: 'string', default: '10' } } });
const { loadConfig } = lib('config');
const { dataSourceOptions, TransactionalConnection, DATABASE_ENTITIES } = lib('database');
const { CalendarService, TaxonomyService, DIRECTORY_ENTITIES } = lib('directory');
const { systemContext } = lib('kernel');
const { FactsQueryService, MATCHING_ENTITIES, PartnerSuggestionService, PARTNER_PROFILE, rankPartners } = lib('matching');
const { DataSource } = require('typeorm');

const url = loadConfig().DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a filled database');
const ds = new DataSource({ ...dataSourceOptions({ url, poolSize: 4, statementTimeoutMs: 600_000 }), entities: [...DATABASE_ENTITIES, ...DIRECTORY_ENTITIES, ...MATCHING_ENTITIES] });
await ds.initialize();
try {
  const conn = new TransactionalConnection(ds);
  const facts = new FactsQueryService(conn, new TaxonomyService(conn), new CalendarService());
  const partners = new PartnerSuggestionService(facts);
  const ctx = systemContext('bench-partner-ranking');
  const tax = await facts.taxonomy(ctx);
  const spread = await partners.boardSpread(ctx, tax);
  const keys = (await ds.query(`SELECT key FROM need WHERE status = 'OPEN' ORDER BY md5(key) LIMIT $1`, [Number(args.needs)])).map((r) => r.key);
  const needs = await facts.needsByKey(ctx, keys);
  const first = Number(args.first);
  const prepared = [];
  for (const need of needs) {
    const p = await partners.prepare(ctx, tax, need, need.id, Math.max(60, first * 4), undefined, true, false);
    prepared.push({ prepared: { ...p.prepared, spread }, candidates: p.candidates });
  }
  const digest = createHash('sha256');
  for (const { prepared: p, candidates } of prepared) digest.update(JSON.stringify(rankPartners(tax, p, candidates, PARTNER_PROFILE, first).map((s) => [s.facts.municipality.key, s.card])));
  const ms = [];
  for (let loop = 0; loop < Number(args.loops); loop++) {
    for (const { prepared: p, candidates } of prepared) {
      const t = process.cpuUsage();
      rankPartners(tax, p, candidates, PARTNER_PROFILE, first);
      const d = process.cpuUsage(t);
      if (loop > 0) ms.push((d.user + d.system) / 1000);
    }
  }
  ms.sort((a, b) => a - b);
  const q = (f) => ms[Math.min(ms.length - 1, Math.floor(f * ms.length))].toFixed(2);
  const n = prepared.reduce((s, x) => s + x.candidates.length, 0) / prepared.length;
  console.log(`${prepared.length} needs, ${n.toFixed(1)} candidates each, first ${first}: rankPartners CPU ms per call median ${q(0.5)}, p95 ${q(0.95)} (${ms.length} calls)`);
  console.log(`answers digest ${digest.digest('hex').slice(0, 16)}`);
} finally {
  await ds.destroy();
}
