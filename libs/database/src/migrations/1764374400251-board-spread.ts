import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The spread of the board of open needs, stored (ADR 27). "How often a body is already suggested"
 * ranks up to 60 open needs, each a full candidate search; a request used to do that itself once
 * per process every 10 minutes. One row holds the prices (a JSON list of [municipality key, price])
 * with when they were computed and whether a process is computing them now: requests read it, and a
 * stale row is recomputed in the background by one process at a time.
 */
export class BoardSpread1764374400251 implements MigrationInterface {
  name = 'BoardSpread1764374400251';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE board_spread (
      id boolean PRIMARY KEY DEFAULT true CONSTRAINT board_spread_one_row_ck CHECK (id),
      prices jsonb NULL,
      computed_at timestamptz NULL,
      refreshing_since timestamptz NULL)`);
    await q.query(`INSERT INTO board_spread (id) VALUES (true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE board_spread`);
  }
}
