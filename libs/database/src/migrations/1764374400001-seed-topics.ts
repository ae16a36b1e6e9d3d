import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { TopicSeed as TopicRow } from '../topics';
import topics from './data/topics-v1.json';

/**
 * The topic taxonomy (36 keys, nine domains), version 1. A frozen snapshot: later label or synonym changes come
 * as new migrations, so a database built today and one built next year agree.
 */
export class SeedTopics1764374400001 implements MigrationInterface {
  name = 'SeedTopics1764374400001';

  async up(q: QueryRunner): Promise<void> {
    const rows = topics as TopicRow[];
    // Parents first: the parent_key foreign key must resolve.
    const ordered = [...rows.filter((t) => t.parentKey === null), ...rows.filter((t) => t.parentKey !== null)];
    for (const t of ordered) {
      await q.query(
        `INSERT INTO topic (key, parent_key, label_en, label_ja, synonyms_en, synonyms_ja, position) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [t.key, t.parentKey, t.labelEn, t.labelJa, t.synonymsEn, t.synonymsJa, rows.indexOf(t)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const keys = (topics as TopicRow[]).map((t) => t.key);
    await q.query(`DELETE FROM topic WHERE parent_key = ANY($1)`, [keys]);
    await q.query(`DELETE FROM topic WHERE key = ANY($1)`, [keys]);
  }
}
