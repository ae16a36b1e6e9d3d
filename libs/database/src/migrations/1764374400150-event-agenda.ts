import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's agenda (ADR 21): its presentations and discussion groups, as a JSON array of
 * `{ kind, title, municipalities, topics }` (keys, not ids: the agenda travels in kakehashi/v1
 * like the rest of the record). A study session plan saved as an event fills it.
 */
export class EventAgenda1764374400150 implements MigrationInterface {
  name = 'EventAgenda1764374400150';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event ADD COLUMN agenda jsonb`);
    await q.query(`ALTER TABLE event ADD CONSTRAINT event_agenda_is_array CHECK (agenda IS NULL OR jsonb_typeof(agenda) = 'array')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event DROP CONSTRAINT event_agenda_is_array`);
    await q.query(`ALTER TABLE event DROP COLUMN agenda`);
  }
}
