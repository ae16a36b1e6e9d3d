import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses an account has signed in from with its password (SHA-256 of the address, not the
 * address itself). Failures from strangers can exhaust an account's budget of failed checks; an
 * address listed here is not held to that budget, so the real user is never locked out by them.
 */
export class KnownSignInAddress1764374400300 implements MigrationInterface {
  name = 'KnownSignInAddress1764374400300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE known_sign_in_address (
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      address_hash char(64) NOT NULL,
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, address_hash)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE known_sign_in_address`);
  }
}
