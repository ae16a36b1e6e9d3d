import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory schema. Hand-written and reviewed: enum types, keys, foreign keys, checks, and the
 * search columns that only SQL reads (generated, so they can never drift from the text they index).
 */
export class InitialSchema1764374400000 implements MigrationInterface {
  name = 'InitialSchema1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`CREATE TYPE municipality_kind AS ENUM ('LOCAL_GOVERNMENT','UTILITY','NATIONAL_AGENCY','OTHER')`);
    await q.query(`CREATE TYPE overseas_experience AS ENUM ('NONE','SOME','EXTENSIVE')`);
    await q.query(`CREATE TYPE provenance AS ENUM ('DOCUMENTED','ILLUSTRATIVE')`);
    await q.query(`CREATE TYPE need_priority AS ENUM ('LOW','MEDIUM','HIGH')`);
    await q.query(`CREATE TYPE need_status AS ENUM ('OPEN','MATCHED','CLOSED')`);
    await q.query(`CREATE TYPE cooperation_scheme AS ENUM ('JICA_GRASSROOTS','JICA_TECHNICAL_COOPERATION','JICA_ISSUE_SPECIFIC_TRAINING',
      'JICA_EXPERT_DISPATCH','JICA_VOLUNTEERS','JICA_PRIVATE_SECTOR','ODA_GRANT_OR_LOAN','WATER_OPERATORS_PARTNERSHIP',
      'BILATERAL_AGREEMENT','PRIVATE_CONTRACT','OTHER')`);
    await q.query(`CREATE TYPE partnership_status AS ENUM ('PROPOSED','AGREED','ACTIVE','COMPLETED','DORMANT','CANCELLED')`);
    await q.query(`CREATE TYPE member_role AS ENUM ('PROVIDER','RECIPIENT','PEER','FACILITATOR')`);

    // array_to_string is only STABLE; generated columns need IMMUTABLE. For text[] it is immutable in practice.
    await q.query(`CREATE FUNCTION kk_join_text(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$`);

    const audit = `created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1`;
    const origin = `provenance provenance NULL, source text NULL`;

    await q.query(`CREATE TABLE topic (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key varchar(100) NOT NULL CONSTRAINT topic_key_uq UNIQUE,
      parent_key varchar(100) NULL CONSTRAINT topic_parent_fk REFERENCES topic(key),
      label_en varchar(200) NOT NULL,
      label_ja varchar(200) NOT NULL,
      synonyms_en text[] NOT NULL DEFAULT '{}',
      synonyms_ja text[] NOT NULL DEFAULT '{}',
      position integer NOT NULL,
      ${audit})`);

    await q.query(`CREATE TABLE municipality (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key varchar(100) NOT NULL CONSTRAINT municipality_key_uq UNIQUE,
      name varchar(200) NOT NULL,
      name_ja varchar(200) NULL,
      kind municipality_kind NOT NULL,
      country char(2) NOT NULL,
      region varchar(100) NULL,
      subdivision varchar(100) NULL,
      population integer NULL CHECK (population >= 0),
      latitude double precision NULL CHECK (latitude BETWEEN -90 AND 90),
      longitude double precision NULL CHECK (longitude BETWEEN -180 AND 180),
      organization varchar(300) NULL,
      languages text[] NOT NULL DEFAULT '{}',
      capacity integer NULL CHECK (capacity >= 0),
      overseas_experience overseas_experience NULL,
      website varchar(500) NULL,
      contact_email varchar(320) NULL,
      ${origin},
      ${audit},
      search_text text GENERATED ALWAYS AS (lower(key || ' ' || name || ' ' || coalesce(name_ja, '') || ' ' ||
        coalesce(organization, '') || ' ' || coalesce(region, '') || ' ' || coalesce(subdivision, ''))) STORED,
      search_document tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, name || ' ' ||
        coalesce(organization, '') || ' ' || coalesce(region, '') || ' ' || coalesce(subdivision, ''))) STORED)`);
    await q.query(`CREATE INDEX municipality_country_idx ON municipality (country, region)`);
    await q.query(`CREATE INDEX municipality_kind_idx ON municipality (kind)`);
    await q.query(`CREATE INDEX municipality_search_trgm_idx ON municipality USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX municipality_search_doc_idx ON municipality USING gin (search_document)`);

    await q.query(`CREATE TABLE expertise (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      municipality_id uuid NOT NULL CONSTRAINT expertise_municipality_fk REFERENCES municipality(id) ON DELETE CASCADE,
      topic_key varchar(100) NOT NULL CONSTRAINT expertise_topic_fk REFERENCES topic(key),
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
      evidence text NULL,
      ${origin},
      ${audit},
      CONSTRAINT expertise_municipality_topic_uq UNIQUE (municipality_id, topic_key),
      search_document tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(evidence, ''))) STORED)`);
    await q.query(`CREATE INDEX expertise_topic_idx ON expertise (topic_key, level DESC)`);
    await q.query(`CREATE INDEX expertise_search_doc_idx ON expertise USING gin (search_document)`);

    await q.query(`CREATE TABLE need (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key varchar(100) NOT NULL CONSTRAINT need_key_uq UNIQUE,
      municipality_id uuid NOT NULL CONSTRAINT need_municipality_fk REFERENCES municipality(id) ON DELETE CASCADE,
      title varchar(300) NOT NULL,
      description text NULL,
      priority need_priority NULL,
      status need_status NOT NULL DEFAULT 'OPEN',
      schemes cooperation_scheme[] NOT NULL DEFAULT '{}',
      expires_on date NULL,
      ${origin},
      ${audit},
      search_text text GENERATED ALWAYS AS (lower(key || ' ' || title || ' ' || coalesce(description, ''))) STORED,
      search_document tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, title || ' ' || coalesce(description, ''))) STORED)`);
    await q.query(`CREATE INDEX need_municipality_idx ON need (municipality_id)`);
    await q.query(`CREATE INDEX need_status_idx ON need (status, priority)`);
    await q.query(`CREATE INDEX need_search_trgm_idx ON need USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX need_search_doc_idx ON need USING gin (search_document)`);

    await q.query(`CREATE TABLE need_topic (
      need_id uuid NOT NULL CONSTRAINT need_topic_need_fk REFERENCES need(id) ON DELETE CASCADE,
      topic_key varchar(100) NOT NULL CONSTRAINT need_topic_topic_fk REFERENCES topic(key),
      position smallint NOT NULL,
      PRIMARY KEY (need_id, topic_key))`);
    await q.query(`CREATE INDEX need_topic_topic_idx ON need_topic (topic_key)`);

    await q.query(`CREATE TABLE event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key varchar(100) NOT NULL CONSTRAINT event_key_uq UNIQUE,
      title varchar(300) NOT NULL,
      date date NULL,
      location varchar(300) NULL,
      participants integer NULL CHECK (participants >= 0),
      ${origin},
      ${audit})`);

    await q.query(`CREATE TABLE partnership (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key varchar(100) NOT NULL CONSTRAINT partnership_key_uq UNIQUE,
      title varchar(300) NOT NULL,
      scheme cooperation_scheme NULL,
      status partnership_status NOT NULL DEFAULT 'PROPOSED',
      start_year smallint NULL CHECK (start_year BETWEEN 1900 AND 2200),
      end_year smallint NULL CHECK (end_year BETWEEN 1900 AND 2200),
      summary text NULL,
      ${origin},
      ${audit},
      CONSTRAINT partnership_years_ck CHECK (end_year IS NULL OR start_year IS NULL OR end_year >= start_year),
      search_text text GENERATED ALWAYS AS (lower(key || ' ' || title || ' ' || coalesce(summary, ''))) STORED,
      search_document tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, title || ' ' || coalesce(summary, ''))) STORED)`);
    await q.query(`CREATE INDEX partnership_status_idx ON partnership (status, scheme)`);
    await q.query(`CREATE INDEX partnership_search_trgm_idx ON partnership USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX partnership_search_doc_idx ON partnership USING gin (search_document)`);

    await q.query(`CREATE TABLE partnership_topic (
      partnership_id uuid NOT NULL CONSTRAINT partnership_topic_partnership_fk REFERENCES partnership(id) ON DELETE CASCADE,
      topic_key varchar(100) NOT NULL CONSTRAINT partnership_topic_topic_fk REFERENCES topic(key),
      position smallint NOT NULL,
      PRIMARY KEY (partnership_id, topic_key))`);
    await q.query(`CREATE INDEX partnership_topic_topic_idx ON partnership_topic (topic_key)`);

    await q.query(`CREATE TABLE partnership_member (
      partnership_id uuid NOT NULL CONSTRAINT partnership_member_partnership_fk REFERENCES partnership(id) ON DELETE CASCADE,
      municipality_id uuid NOT NULL CONSTRAINT partnership_member_municipality_fk REFERENCES municipality(id) ON DELETE CASCADE,
      role member_role NOT NULL,
      position smallint NOT NULL,
      PRIMARY KEY (partnership_id, municipality_id))`);
    await q.query(`CREATE INDEX partnership_member_municipality_idx ON partnership_member (municipality_id, role)`);

    await q.query(`CREATE TABLE partnership_outcome (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partnership_id uuid NOT NULL CONSTRAINT partnership_outcome_partnership_fk REFERENCES partnership(id) ON DELETE CASCADE,
      position smallint NOT NULL,
      indicator varchar(100) NOT NULL,
      before double precision NULL,
      after double precision NULL,
      note text NULL,
      CONSTRAINT partnership_outcome_position_uq UNIQUE (partnership_id, position))`);

    await q.query(`CREATE TABLE case_study (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key varchar(100) NOT NULL CONSTRAINT case_study_key_uq UNIQUE,
      title varchar(300) NOT NULL,
      municipality_id uuid NULL CONSTRAINT case_study_municipality_fk REFERENCES municipality(id) ON DELETE SET NULL,
      summary text NULL,
      lessons text[] NOT NULL DEFAULT '{}',
      event_id uuid NULL CONSTRAINT case_study_event_fk REFERENCES event(id) ON DELETE SET NULL,
      ${origin},
      ${audit},
      search_text text GENERATED ALWAYS AS (lower(key || ' ' || title || ' ' || coalesce(summary, '') || ' ' || kk_join_text(lessons))) STORED,
      search_document tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, title || ' ' || coalesce(summary, '') || ' ' || kk_join_text(lessons))) STORED)`);
    await q.query(`CREATE INDEX case_study_municipality_idx ON case_study (municipality_id)`);
    await q.query(`CREATE INDEX case_study_event_idx ON case_study (event_id)`);
    await q.query(`CREATE INDEX case_study_search_trgm_idx ON case_study USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX case_study_search_doc_idx ON case_study USING gin (search_document)`);

    await q.query(`CREATE TABLE case_study_topic (
      case_study_id uuid NOT NULL CONSTRAINT case_study_topic_case_study_fk REFERENCES case_study(id) ON DELETE CASCADE,
      topic_key varchar(100) NOT NULL CONSTRAINT case_study_topic_topic_fk REFERENCES topic(key),
      position smallint NOT NULL,
      PRIMARY KEY (case_study_id, topic_key))`);
    await q.query(`CREATE INDEX case_study_topic_topic_idx ON case_study_topic (topic_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['case_study_topic', 'case_study', 'partnership_outcome', 'partnership_member', 'partnership_topic', 'partnership', 'event', 'need_topic', 'need', 'expertise', 'municipality', 'topic']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION kk_join_text(text[])`);
    for (const type of ['member_role', 'partnership_status', 'cooperation_scheme', 'need_status', 'need_priority', 'provenance', 'overseas_experience', 'municipality_kind']) {
      await q.query(`DROP TYPE ${type}`);
    }
    // pg_trgm stays: other databases objects may use it, and dropping an extension is not ours to do.
  }
}
