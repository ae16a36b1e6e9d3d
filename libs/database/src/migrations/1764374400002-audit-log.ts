import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who changed what, when: one row per successful mutation, written in the mutation's own
 * transaction so a rolled-back change leaves no trace. `before`/`after` are JSON snapshots.
 */
export class AuditLog1764374400002 implements MigrationInterface {
  name = 'AuditLog1764374400002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_log (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id text NULL,
      request_id text NULL,
      action text NOT NULL,
      entity text NOT NULL,
      entity_key text NOT NULL,
      before jsonb NULL,
      after jsonb NULL)`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_key)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
  }
}
