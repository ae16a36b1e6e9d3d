import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and sessions: users with one role, the municipalities an editor may change, rotating
 * refresh tokens (only their SHA-256 is stored) and one-time invitations (likewise hashed).
 */
export class Accounts1764374400020 implements MigrationInterface {
  name = 'Accounts1764374400020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE account_role AS ENUM ('EDITOR','COORDINATOR','ADMIN')`);
    await q.query(`CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email varchar(320) NOT NULL,
      password_hash varchar(200) NULL,
      role account_role NOT NULL,
      demo boolean NOT NULL DEFAULT false,
      disabled_at timestamptz NULL,
      last_login_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT app_user_email_lower_ck CHECK (email = lower(email)))`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_uq ON app_user (email)`);

    await q.query(`CREATE TABLE user_municipality (
      user_id uuid NOT NULL CONSTRAINT user_municipality_user_fk REFERENCES app_user(id) ON DELETE CASCADE,
      municipality_id uuid NOT NULL CONSTRAINT user_municipality_municipality_fk REFERENCES municipality(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, municipality_id))`);
    await q.query(`CREATE INDEX user_municipality_municipality_idx ON user_municipality (municipality_id)`);

    await q.query(`CREATE TABLE refresh_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL CONSTRAINT refresh_token_user_fk REFERENCES app_user(id) ON DELETE CASCADE,
      family_id uuid NOT NULL,
      token_hash char(64) NOT NULL CONSTRAINT refresh_token_hash_uq UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz NULL,
      replaced_by_id uuid NULL)`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);

    await q.query(`CREATE TABLE invitation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email varchar(320) NOT NULL CONSTRAINT invitation_email_lower_ck CHECK (email = lower(email)),
      municipality_id uuid NOT NULL CONSTRAINT invitation_municipality_fk REFERENCES municipality(id) ON DELETE CASCADE,
      token_hash char(64) NOT NULL CONSTRAINT invitation_hash_uq UNIQUE,
      invited_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz NULL,
      accepted_by_id uuid NULL CONSTRAINT invitation_accepted_by_fk REFERENCES app_user(id) ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX invitation_email_idx ON invitation (email)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['invitation', 'refresh_token', 'user_municipality', 'app_user']) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP TYPE account_role`);
  }
}
