import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@kakehashi/config';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import type { RequestContext } from '@kakehashi/kernel';
import { AccountService } from '../account/account.service';
import type { AccountView } from '../account/account.types';
import { UserEntity } from '../account/user.entity';
import { AUTH_REASONS, invalidToken } from '../auth.errors';
import { PasswordCheck } from '../password/password-check.service';
import { hashPassword, needsRehash, PASSWORD_MAX_LENGTH } from '../password/password-hasher';
import { AccessTokenService } from './access-token.service';
import { SessionLiveness } from './session-liveness';
import { hashOpaqueToken, newOpaqueToken } from './opaque-token';
import { RefreshTokenEntity } from './refresh-token.entity';

/** What a successful sign-in (or refresh) hands the client. */
export interface AuthSession {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  account: AccountView;
}

type RefreshOutcome = { ok: true; session: AuthSession } | { ok: false; reason: string; revokedUserId?: string };

/** Sign-in, token refresh (rotating, with reuse detection) and sign-out. */
@Injectable()
export class SessionService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly accounts: AccountService,
    private readonly tokens: AccessTokenService,
    private readonly passwords: PasswordCheck,
    private readonly liveness: SessionLiveness,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Email + password → a new session. Every failure answers the same UNAUTHENTICATED whether the
   * account exists, is disabled or the password is wrong; failures are throttled (PasswordCheck).
   */
  async login(ctx: RequestContext, email: string, password: string, clientIp: string): Promise<AuthSession> {
    const found = email.length <= 320 ? await this.accounts.findForSignIn(ctx, email) : null;
    await this.passwords.verify(ctx, email, found, password, clientIp);
    const user = found!;
    const upgraded = password.length <= PASSWORD_MAX_LENGTH && needsRehash(user.passwordHash!) ? await hashPassword(password) : undefined;
    return this.db.withTransaction(ctx, async (tx) => {
      await this.db.getRepository(tx, UserEntity).update({ id: user.id }, { lastLoginAt: new Date(), ...(upgraded ? { passwordHash: upgraded } : {}) });
      await this.audit.record({ ...tx, actor: { id: user.id, roles: [user.role], municipalityIds: [] } }, { action: 'login', entity: 'account', key: user.email });
      return this.start(tx, user, randomUUID());
    });
  }

  /** Issues a token pair for `user` in session `familyId` (a new session: a fresh uuid). */
  async start(ctx: RequestContext, user: UserEntity, familyId: string): Promise<AuthSession> {
    return (await this.issue(ctx, user, familyId)).session;
  }

  private async issue(ctx: RequestContext, user: UserEntity, familyId: string): Promise<{ session: AuthSession; refreshId: string }> {
    const refresh = newOpaqueToken('kkr');
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_S * 1000);
    const row = await this.db
      .getRepository(ctx, RefreshTokenEntity)
      .save({ userId: user.id, familyId, tokenHash: refresh.hash, expiresAt: refreshTokenExpiresAt, revokedAt: null, replacedById: null });
    const municipalityIds = await this.accounts.municipalityIdsOf(ctx, user.id);
    const access = this.tokens.issue({ sub: user.id, role: user.role, mun: municipalityIds, sid: familyId });
    const account = await this.accounts.view(ctx, user.id);
    return {
      session: { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refresh.token, refreshTokenExpiresAt, account },
      refreshId: row.id,
    };
  }

  /**
   * Trades a refresh token for a new pair; the old one is spent. A spent token presented again
   * revokes its whole session (it was copied), and the answer is UNAUTHENTICATED (REFRESH_REUSED).
   */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<AuthSession> {
    const outcome = await this.db.withTransaction(ctx, async (tx): Promise<RefreshOutcome> => {
      const repo = this.db.getRepository(tx, RefreshTokenEntity);
      const row = await repo.findOne({ where: { tokenHash: hashOpaqueToken(refreshToken) }, lock: { mode: 'pessimistic_write' } });
      if (!row) return { ok: false, reason: AUTH_REASONS.TOKEN_INVALID };
      if (row.revokedAt) {
        await this.revokeFamily(tx, row.familyId);
        return { ok: false, reason: AUTH_REASONS.REFRESH_REUSED, revokedUserId: row.userId };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { ok: false, reason: AUTH_REASONS.TOKEN_EXPIRED };
      const user = await this.db.getRepository(tx, UserEntity).findOneBy({ id: row.userId });
      if (!user || user.disabledAt) {
        await this.revokeFamily(tx, row.familyId);
        return { ok: false, reason: AUTH_REASONS.TOKEN_INVALID, revokedUserId: row.userId };
      }
      const next = await this.issue(tx, user, row.familyId);
      await repo.update({ id: row.id }, { revokedAt: new Date(), replacedById: next.refreshId });
      return { ok: true, session: next.session };
    });
    // Thrown after the commit, so a detected reuse stays revoked; its access tokens die with it.
    if (!outcome.ok) {
      if (outcome.revokedUserId) this.liveness.forgetUser(outcome.revokedUserId);
      throw invalidToken('refresh token', outcome.reason);
    }
    return outcome.session;
  }

  /** Ends the session the refresh token belongs to. Always true: it tells nothing about the token. */
  async logout(ctx: RequestContext, refreshToken: string): Promise<boolean> {
    const userId = await this.db.withTransaction(ctx, async (tx) => {
      const row = await this.db.getRepository(tx, RefreshTokenEntity).findOneBy({ tokenHash: hashOpaqueToken(refreshToken) });
      if (!row) return null;
      await this.revokeFamily(tx, row.familyId);
      const user = await this.db.getRepository(tx, UserEntity).findOneBy({ id: row.userId });
      if (user) await this.audit.record({ ...tx, actor: ctx.actor ?? { id: user.id, roles: [user.role], municipalityIds: [] } }, { action: 'logout', entity: 'account', key: user.email });
      return row.userId;
    });
    if (userId) this.liveness.forgetUser(userId); // after the commit: the session's access tokens die now
    return true;
  }

  private async revokeFamily(ctx: RequestContext, familyId: string): Promise<void> {
    await this.db
      .getRepository(ctx, RefreshTokenEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }
}
