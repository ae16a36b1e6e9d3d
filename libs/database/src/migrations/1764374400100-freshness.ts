import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['municipality', 'need', 'partnership'] as const;

/**
 * When a person last confirmed each municipality, need and partnership (issue 9, ADR 8).
 * Existing rows take the day of their last change (`updated_at` in Asia/Tokyo, the default zone):
 * the best evidence of when someone last looked. New rows are always given a day by the services
 * and the importer; the default only guards direct SQL.
 */
export class Freshness1764374400100 implements MigrationInterface {
  name = 'Freshness1764374400100';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN last_confirmed_on date NOT NULL DEFAULT current_date`);
      await q.query(`UPDATE ${table} SET last_confirmed_on = (updated_at AT TIME ZONE 'Asia/Tokyo')::date`);
      // The upkeep list reads the stalest first, and freshness filters compare with a cutoff day.
      await q.query(`CREATE INDEX ${table}_last_confirmed_idx ON ${table} (last_confirmed_on)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} DROP COLUMN last_confirmed_on`);
  }
}
