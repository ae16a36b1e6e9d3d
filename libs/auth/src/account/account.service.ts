import { Injectable } from '@nestjs/common';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { DomainError, Role, badInput, conflict, pageRequest, type Page, type RequestContext } from '@kakehashi/kernel';
import { IsNull, Not } from 'typeorm';
import { ADMIN_TOKEN_ACTOR } from '../session/access-token.service';
import { RefreshTokenEntity } from '../session/refresh-token.entity';
import { SessionLiveness } from '../session/session-liveness';
import { PasswordCheck } from '../password/password-check.service';
import { assertPasswordAcceptable, hashPassword } from '../password/password-hasher';
import { AUTH_REASONS } from '../auth.errors';
import type { AccountView, NewAccount } from './account.types';
import { normalizeEmail } from './email';
import { MunicipalityLookup } from './municipality-lookup';
import { UserEntity, UserMunicipalityEntity } from './user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Accounts: who exists, their role and municipalities; user management for coordinators. */
@Injectable()
export class AccountService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly municipalities: MunicipalityLookup,
    private readonly audit: AuditService,
    private readonly passwords: PasswordCheck,
    private readonly liveness: SessionLiveness,
  ) {}

  /** The account with this email (any case), with its password hash; null if none. */
  async findForSignIn(ctx: RequestContext, email: string): Promise<UserEntity | null> {
    return this.db
      .getRepository(ctx, UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  async municipalityIdsOf(ctx: RequestContext, userId: string): Promise<string[]> {
    const rows = await this.db.getRepository(ctx, UserMunicipalityEntity).find({ where: { userId }, order: { municipalityId: 'ASC' } });
    return rows.map((r) => r.municipalityId);
  }

  /** The signed-in account (null when anonymous). */
  async me(ctx: RequestContext): Promise<AccountView | null> {
    const actor = ctx.actor;
    if (!actor) return null;
    if (actor.id === ADMIN_TOKEN_ACTOR.id) {
      return { id: actor.id, email: null, role: Role.ADMIN, municipalityKeys: [], demo: false, disabled: false, lastLoginAt: null, createdAt: null };
    }
    if (!UUID.test(actor.id)) return null;
    const user = await this.db.getRepository(ctx, UserEntity).findOneBy({ id: actor.id });
    return user ? (await this.views(ctx, [user]))[0]! : null;
  }

  async view(ctx: RequestContext, userId: string): Promise<AccountView> {
    const user = await this.require(ctx, userId);
    return (await this.views(ctx, [user]))[0]!;
  }

  /** A page of accounts, by email. */
  async list(ctx: RequestContext, first: number | null | undefined, after: string | null | undefined): Promise<Page<AccountView>> {
    const page = pageRequest(first, after);
    const [users, totalCount] = await this.db.getRepository(ctx, UserEntity).findAndCount({ order: { email: 'ASC' }, skip: page.offset, take: page.first });
    return { items: await this.views(ctx, users), totalCount, offset: page.offset, hasNextPage: page.offset + users.length < totalCount };
  }

  /** Creates an account (password checked and hashed). CONFLICT when the email is taken. */
  async create(ctx: RequestContext, input: NewAccount): Promise<UserEntity> {
    const email = normalizeEmail(input.email);
    assertPasswordAcceptable(input.password);
    const passwordHash = await hashPassword(input.password); // before the transaction: CPU, not I/O, but slow
    return this.db.withTransaction(ctx, async (tx) => {
      const municipalityIds = await this.municipalities.idsOf(tx, input.municipalityKeys ?? []);
      const repo = this.db.getRepository(tx, UserEntity);
      const inserted = await repo
        .createQueryBuilder()
        .insert()
        .values({ email, passwordHash, role: input.role, demo: input.demo ?? false })
        .orIgnore()
        .returning('id')
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) throw conflict(`An account for ${email} exists already`, AUTH_REASONS.ACCOUNT_EXISTS);
      await this.bind(tx, id, municipalityIds);
      await this.audit.record(tx, { action: 'create', entity: 'account', key: email, after: { email, role: input.role, municipalityKeys: input.municipalityKeys ?? [], demo: input.demo ?? false } });
      return (await repo.findOneBy({ id }))!;
    });
  }

  /** Adds municipality bindings (idempotent). */
  async bind(ctx: RequestContext, userId: string, municipalityIds: readonly string[]): Promise<void> {
    if (!municipalityIds.length) return;
    await this.db
      .manager(ctx)
      .createQueryBuilder()
      .insert()
      .into(UserMunicipalityEntity)
      .values(municipalityIds.map((municipalityId) => ({ userId, municipalityId })))
      .orIgnore()
      .execute();
  }

  /** Replaces the municipalities an editor may change. Coordinators manage editors only. */
  async setMunicipalities(ctx: RequestContext, userId: string, keys: readonly string[]): Promise<AccountView> {
    return this.db.withTransaction(ctx, async (tx) => {
      const user = await this.require(tx, userId, true);
      if (user.role !== Role.EDITOR) throw badInput('Only editors are bound to municipalities', [{ path: 'userId', message: `is a ${user.role}` }]);
      const ids = await this.municipalities.idsOf(tx, keys);
      const before = (await this.municipalities.keysByUser(tx, [userId])).get(userId);
      await this.db.getRepository(tx, UserMunicipalityEntity).delete({ userId });
      await this.bind(tx, userId, ids);
      await this.audit.record(tx, { action: 'update', entity: 'account', key: user.email, before: { municipalityKeys: before }, after: { municipalityKeys: [...keys].sort() } });
      return (await this.views(tx, [user]))[0]!;
    }).finally(() => this.liveness.forgetUser(userId));
  }

  /** Disables (signs out everywhere) or re-enables an account. Nobody disables themselves. */
  async setDisabled(ctx: RequestContext, userId: string, disabled: boolean): Promise<AccountView> {
    if (ctx.actor?.id === userId) throw badInput('You cannot disable your own account', [{ path: 'userId', message: 'is you' }]);
    return this.db.withTransaction(ctx, async (tx) => {
      const user = await this.require(tx, userId, true);
      if (user.role !== Role.EDITOR && !ctx.actor?.roles.includes(Role.ADMIN)) {
        throw new DomainError('FORBIDDEN', 'Only an administrator may disable coordinators and administrators', [{ path: 'userId', message: `is a ${user.role}` }]);
      }
      const before = { disabled: user.disabledAt !== null };
      await this.db.getRepository(tx, UserEntity).update({ id: userId }, { disabledAt: disabled ? new Date() : null });
      if (disabled) await this.revokeAllSessions(tx, userId);
      await this.audit.record(tx, { action: 'update', entity: 'account', key: user.email, before, after: { disabled } });
      return this.view(tx, userId);
    }).finally(() => this.liveness.forgetUser(userId));
  }

  /**
   * Changes the signed-in user's password and ends their other sessions. The current password is
   * checked under the same throttle as a sign-in from `clientIp` (a stolen access token must not
   * become an unlimited password oracle).
   */
  async changePassword(ctx: RequestContext, current: string, next: string, clientIp: string): Promise<void> {
    const userId = ctx.actor?.id ?? '';
    if (!UUID.test(userId)) throw badInput('Only an account with a password can change it', [{ path: 'currentPassword', message: 'no password to change' }]);
    assertPasswordAcceptable(next, 'newPassword');
    const user = await this.db.getRepository(ctx, UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :userId', { userId }).getOne();
    if (!user) throw badInput('Only an account with a password can change it', [{ path: 'currentPassword', message: 'no such account' }]);
    await this.passwords.verify(ctx, user.email, user, current, clientIp);
    const passwordHash = await hashPassword(next);
    await this.db.withTransaction(ctx, async (tx) => {
      await this.db.getRepository(tx, UserEntity).update({ id: userId }, { passwordHash });
      await this.revokeAllSessions(tx, userId, ctx.actor?.sessionId);
      await this.audit.record(tx, { action: 'change-password', entity: 'account', key: user.email });
    });
    this.liveness.forgetUser(userId);
  }

  /** Revokes every session of `userId` but `exceptSessionId` (callers then tell SessionLiveness). */
  async revokeAllSessions(ctx: RequestContext, userId: string, exceptSessionId?: string): Promise<void> {
    await this.db.getRepository(ctx, RefreshTokenEntity).update({ userId, revokedAt: IsNull(), ...(exceptSessionId ? { familyId: Not(exceptSessionId) } : {}) }, { revokedAt: new Date() });
  }

  private async require(ctx: RequestContext, userId: string, lock = false): Promise<UserEntity> {
    const notFound = () => new DomainError('NOT_FOUND', `account "${userId}" was not found`, [{ path: 'userId', message: 'no such account' }]);
    if (!UUID.test(userId)) throw notFound();
    const user = await this.db.getRepository(ctx, UserEntity).findOne({ where: { id: userId }, ...(lock && ctx.transaction ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!user) throw notFound();
    return user;
  }

  private async views(ctx: RequestContext, users: UserEntity[]): Promise<AccountView[]> {
    const keys = await this.municipalities.keysByUser(
      ctx,
      users.map((u) => u.id),
    );
    return users.map((u) => ({
      id: u.id,
      email: u.email,
      role: u.role,
      municipalityKeys: keys.get(u.id) ?? [],
      demo: u.demo,
      disabled: u.disabledAt !== null,
      lastLoginAt: u.lastLoginAt,
      createdAt: u.createdAt,
    }));
  }
}
