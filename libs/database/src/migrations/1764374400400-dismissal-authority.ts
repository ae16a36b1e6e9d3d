import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a dismissal counts for others. A dismissal always hides the candidate from the one who
 * dismissed it; only one made by the need's (or subject's) own municipality or by a coordinator
 * moves the ranking for everyone else. Decided when the dismissal is made and stored, so a later
 * change of roles does not rewrite history. Existing dismissals count for their authors only.
 */
export class DismissalAuthority1764374400400 implements MigrationInterface {
  name = 'DismissalAuthority1764374400400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE match_dismissal ADD COLUMN counts_for_others boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE match_dismissal DROP COLUMN counts_for_others`);
  }
}
