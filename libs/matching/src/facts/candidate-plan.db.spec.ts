import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { MATCHING_ENTITIES } from '../feedback/feedback.entity';
import { PARTNER_CANDIDATES_SQL } from './facts-query.service';

/**
 * EXPLAIN check of the hot candidate query on a generated directory large enough that a
 * sequential scan would be the planner's choice without the right index.
 */
let db: TestDatabase;
const MUNICIPALITIES = 20_000;

beforeAll(async () => {
  db = await createTestDatabase(MATCHING_ENTITIES);
  const q = (sql: string) => db.dataSource.query(sql);
  await q(`INSERT INTO municipality (key, name, kind, country, languages, capacity)
           SELECT 'gen-' || i, 'Generated ' || i, 'LOCAL_GOVERNMENT', 'JP', '{ja}', 1 + i % 4 FROM generate_series(1, ${MUNICIPALITIES}) i`);
  await q(`INSERT INTO expertise (municipality_id, topic_key, level)
           SELECT m.id, t.key, 1 + (abs(hashtext(m.key || t.key)) % 5)
             FROM municipality m CROSS JOIN LATERAL (SELECT key FROM topic ORDER BY abs(hashtext(m.key || key)) LIMIT 3) t`);
  await q(`INSERT INTO partnership (key, title, status) SELECT 'gen-p-' || i, 'Generated ' || i, 'COMPLETED' FROM generate_series(1, ${MUNICIPALITIES / 2}) i`);
  await q(`INSERT INTO partnership_topic (partnership_id, topic_key, position)
           SELECT p.id, (SELECT key FROM topic ORDER BY abs(hashtext(p.key || key)) LIMIT 1), 0 FROM partnership p`);
  await q(`INSERT INTO partnership_member (partnership_id, municipality_id, role, position)
           SELECT p.id, m.id, 'PROVIDER', 0 FROM partnership p JOIN municipality m ON m.key = 'gen-' || (1 + abs(hashtext(p.key)) % ${MUNICIPALITIES})`);
  await q(`ANALYZE`);
}, 120_000);
afterAll(() => db?.drop());

describe('the partner candidate query', () => {
  it('reads expertise and partnership topics through their indexes, never a sequential scan', async () => {
    const [{ 'QUERY PLAN': plan }] = await db.dataSource.query(`EXPLAIN (FORMAT JSON) ${PARTNER_CANDIDATES_SQL}`, [
      ['nrw.leak-detection', 'nrw', 'nrw.metering', 'nrw.dma-pressure'],
      [1, 0.5, 0.6, 0.6],
      [300, 100, 100, 100],
      ['nrw.leak-detection'],
      300,
      [],
      60,
      (await db.dataSource.query(`SELECT id FROM municipality WHERE key = 'gen-1'`))[0].id,
      'JP',
      ['JP', 'KR', 'CN'],
    ]);
    const nodes: { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string }[] = [];
    const walk = (n: { Plans?: unknown[] } & (typeof nodes)[number]) => {
      nodes.push(n);
      for (const c of n.Plans ?? []) walk(c as never);
    };
    walk(plan[0].Plan);
    const seq = nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
    expect(seq).not.toContain('expertise');
    expect(seq).not.toContain('partnership_topic');
    expect(seq).not.toContain('partnership_member');
    expect(seq).not.toContain('partnership');
    expect(seq).not.toContain('municipality');
    expect(nodes.map((n) => n['Index Name'])).toContain('expertise_topic_level_municipality_idx');
  });
});
