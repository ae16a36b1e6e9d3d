import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@kakehashi/config';
import { TransactionalConnection } from '@kakehashi/database';
import { systemContext, type Actor, type Role } from '@kakehashi/kernel';
import { rolesOf } from './roles';

/** Sessions remembered at most (memory bound); the oldest are forgotten first. */
const MAX_CACHED = 10_000;

interface Cached {
  actor: Actor | null;
  until: number;
}

/**
 * Whether an access token's session is still alive, and who its holder is now. Asked on every
 * request that carries an access token: the session (`sid`, a refresh-token family) must have an
 * unrevoked, unexpired refresh token, the account must exist and be enabled, and the role and
 * municipalities come from the account, never from the token.
 *
 * Answers are cached for SESSION_CHECK_CACHE_MS (a few seconds) per session. This process forgets
 * a session as soon as it revokes it (logout, refresh-token reuse, disablement, password change), so
 * the revocation acts on the very next request here; another replica sees it within the cache time.
 */
@Injectable()
export class SessionLiveness {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly db: TransactionalConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The actor of a live session of `userId`; null when the session ended or the account is disabled. */
  async actorOf(userId: string, sessionId: string): Promise<Actor | null> {
    const key = `${userId}|${sessionId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.actor;
    const actor = await this.load(userId, sessionId);
    const ttl = this.config.SESSION_CHECK_CACHE_MS;
    if (ttl > 0) {
      this.cache.delete(key);
      this.cache.set(key, { actor, until: Date.now() + ttl });
      for (const old of this.cache.keys()) {
        if (this.cache.size <= MAX_CACHED) break;
        this.cache.delete(old);
      }
    }
    return actor;
  }

  /** Forgets what this process knows of `userId`'s sessions (call after revoking or changing them). */
  forgetUser(userId: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${userId}|`)) this.cache.delete(key);
  }

  private async load(userId: string, sessionId: string): Promise<Actor | null> {
    const rows: { role: Role; mun: string[] }[] = await this.db.manager(systemContext('session-check')).query(
      `SELECT u.role, ARRAY(SELECT um.municipality_id::text FROM user_municipality um WHERE um.user_id = u.id ORDER BY 1) AS mun
         FROM app_user u
        WHERE u.id = $1 AND u.disabled_at IS NULL
          AND EXISTS (SELECT 1 FROM refresh_token r
                       WHERE r.family_id = $2 AND r.user_id = u.id AND r.revoked_at IS NULL AND r.expires_at > now())`,
      [userId, sessionId],
    );
    const row = rows[0];
    return row ? { id: userId, roles: rolesOf(row.role), municipalityIds: row.mun, sessionId } : null;
  }
}
