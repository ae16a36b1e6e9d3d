import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The matchmaker's own tables — dismissals and introductions, whose history feeds back into
 * ranking — and the indexes its hot candidate queries read (see libs/matching, docs/matching.md).
 */
export class Matching1764374400010 implements MigrationInterface {
  name = 'Matching1764374400010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE match_list AS ENUM ('PARTNER','PEER','MENTOR')`);
    await q.query(`CREATE TYPE dismiss_reason AS ENUM ('NOT_RELEVANT','WRONG_TOPIC','ALREADY_IN_CONTACT','NO_CAPACITY','OTHER')`);
    await q.query(`CREATE TYPE introduction_status AS ENUM ('REQUESTED','ACCEPTED','DECLINED')`);
    await q.query(`CREATE TYPE decline_reason AS ENUM ('NO_CAPACITY','NOT_OUR_EXPERTISE','TIMING','ALREADY_ENGAGED','OTHER')`);

    // A dismissal hides one candidate from one actor's list: a need's partner list, or a municipality's peer/mentor list.
    await q.query(`CREATE TABLE match_dismissal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      actor_id varchar(100) NOT NULL,
      list match_list NOT NULL,
      need_id uuid NULL CONSTRAINT match_dismissal_need_fk REFERENCES need(id) ON DELETE CASCADE,
      subject_id uuid NULL CONSTRAINT match_dismissal_subject_fk REFERENCES municipality(id) ON DELETE CASCADE,
      candidate_id uuid NOT NULL CONSTRAINT match_dismissal_candidate_fk REFERENCES municipality(id) ON DELETE CASCADE,
      reason dismiss_reason NOT NULL,
      note text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT match_dismissal_scope_ck CHECK ((list = 'PARTNER') = (need_id IS NOT NULL) AND (list <> 'PARTNER') = (subject_id IS NOT NULL)))`);
    await q.query(`CREATE UNIQUE INDEX match_dismissal_uq ON match_dismissal (actor_id, list, coalesce(need_id, subject_id), candidate_id)`);
    await q.query(`CREATE INDEX match_dismissal_need_idx ON match_dismissal (need_id, candidate_id) WHERE need_id IS NOT NULL`);
    await q.query(`CREATE INDEX match_dismissal_candidate_idx ON match_dismissal (candidate_id)`);

    await q.query(`CREATE TABLE introduction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      list match_list NOT NULL,
      need_id uuid NULL CONSTRAINT introduction_need_fk REFERENCES need(id) ON DELETE SET NULL,
      requester_id uuid NOT NULL CONSTRAINT introduction_requester_fk REFERENCES municipality(id) ON DELETE CASCADE,
      candidate_id uuid NOT NULL CONSTRAINT introduction_candidate_fk REFERENCES municipality(id) ON DELETE CASCADE,
      status introduction_status NOT NULL DEFAULT 'REQUESTED',
      message text NULL,
      requested_by varchar(100) NOT NULL,
      responded_by varchar(100) NULL,
      responded_at timestamptz NULL,
      decline_reason decline_reason NULL,
      response_note text NULL,
      partnership_id uuid NULL CONSTRAINT introduction_partnership_fk REFERENCES partnership(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT introduction_sides_ck CHECK (requester_id <> candidate_id),
      CONSTRAINT introduction_decline_ck CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)))`);
    // One open request per pair and need: asking twice is a conflict, not a second row.
    await q.query(`CREATE UNIQUE INDEX introduction_open_uq ON introduction (requester_id, candidate_id, coalesce(need_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE status = 'REQUESTED'`);
    await q.query(`CREATE INDEX introduction_candidate_idx ON introduction (candidate_id, status)`);
    await q.query(`CREATE INDEX introduction_requester_idx ON introduction (requester_id, status)`);

    // Hot path of partnerSuggestions: the best expertise per topic, read in index order and cut at
    // a fixed number of rows (LATERAL … ORDER BY level DESC, municipality_id LIMIT n).
    await q.query(`CREATE INDEX expertise_topic_level_municipality_idx ON expertise (topic_key, level DESC, municipality_id)`);
    // Provider partnerships per topic: topic → partnership without a heap visit.
    await q.query(`CREATE INDEX partnership_topic_topic_partnership_idx ON partnership_topic (topic_key, partnership_id)`);
    // …and their providers, index-only.
    await q.query(`CREATE INDEX partnership_member_provider_idx ON partnership_member (partnership_id, municipality_id) WHERE role = 'PROVIDER'`);
    // Peer and mentor candidates nearest a municipality: KNN on a plain point (core GiST, no PostGIS).
    await q.query(`CREATE INDEX municipality_location_idx ON municipality USING gist (point(longitude, latitude)) WHERE latitude IS NOT NULL AND longitude IS NOT NULL`);
    await q.query(`CREATE INDEX municipality_experience_idx ON municipality (country, overseas_experience)`);
    await q.query(`CREATE INDEX need_topic_topic_need_idx ON need_topic (topic_key, need_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'need_topic_topic_need_idx',
      'municipality_experience_idx',
      'municipality_location_idx',
      'partnership_member_provider_idx',
      'partnership_topic_topic_partnership_idx',
      'expertise_topic_level_municipality_idx',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(`DROP TABLE introduction`);
    await q.query(`DROP TABLE match_dismissal`);
    for (const type of ['decline_reason', 'introduction_status', 'dismiss_reason', 'match_list']) await q.query(`DROP TYPE ${type}`);
  }
}
