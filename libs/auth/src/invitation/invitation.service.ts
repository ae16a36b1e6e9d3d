import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@kakehashi/config';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { Role, badInput, conflict, type RequestContext } from '@kakehashi/kernel';
import { AccountService } from '../account/account.service';
import { normalizeEmail } from '../account/email';
import { MunicipalityLookup } from '../account/municipality-lookup';
import { UserEntity } from '../account/user.entity';
import { AUTH_REASONS } from '../auth.errors';
import { assertPasswordAcceptable, hashPassword } from '../password/password-hasher';
import { PasswordCheck } from '../password/password-check.service';
import { hashOpaqueToken, newOpaqueToken } from '../session/opaque-token';
import { SessionService, type AuthSession } from '../session/session.service';
import { InvitationEntity } from './invitation.entity';

export interface IssuedInvitation {
  /** The one-time secret: shown once, to be passed to the invitee out of band. */
  token: string;
  email: string;
  municipalityKey: string;
  expiresAt: Date;
}

const invalidInvitation = () =>
  badInput('This invitation is not valid (unknown, used or expired)', [{ path: 'token', message: 'not a valid invitation' }], AUTH_REASONS.INVITATION_INVALID);

/**
 * Editors join by invitation: a coordinator invites an email for one municipality; the invitee
 * accepts once with the token and a password (a new account), or with their existing editor
 * password (one more municipality).
 */
@Injectable()
export class InvitationService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityLookup,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordCheck,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(ctx: RequestContext, rawEmail: string, municipalityKey: string): Promise<IssuedInvitation> {
    const email = normalizeEmail(rawEmail);
    return this.db.withTransaction(ctx, async (tx) => {
      const [municipalityId] = await this.municipalities.idsOf(tx, [municipalityKey], 'municipalityKey');
      const existing = await this.db.getRepository(tx, UserEntity).findOneBy({ email });
      if (existing && existing.role !== Role.EDITOR) throw conflict(`${email} is a ${existing.role} and can already edit every municipality`, AUTH_REASONS.ACCOUNT_EXISTS);
      if (existing && (await this.accounts.municipalityIdsOf(tx, existing.id)).includes(municipalityId!)) {
        throw conflict(`${email} already edits ${municipalityKey}`, AUTH_REASONS.ACCOUNT_EXISTS);
      }
      const secret = newOpaqueToken('kki');
      const expiresAt = new Date(Date.now() + this.config.INVITATION_TTL_S * 1000);
      await this.db
        .getRepository(tx, InvitationEntity)
        .insert({ id: randomUUID(), email, municipalityId: municipalityId!, tokenHash: secret.hash, invitedBy: ctx.actor?.id ?? 'system', expiresAt });
      await this.audit.record(tx, { action: 'invite', entity: 'invitation', key: email, after: { email, municipalityKey, expiresAt } });
      return { token: secret.token, email, municipalityKey, expiresAt };
    });
  }

  /**
   * Spends the invitation and signs the invitee in. Two concurrent acceptances of one token:
   * exactly one wins (the claim is a conditional UPDATE), the other gets INVITATION_INVALID.
   */
  async accept(ctx: RequestContext, token: string, password: string, clientIp: string): Promise<AuthSession> {
    const found = await this.db.getRepository(ctx, InvitationEntity).findOneBy({ tokenHash: hashOpaqueToken(token) });
    if (!found || found.acceptedAt || found.expiresAt.getTime() <= Date.now()) throw invalidInvitation();
    const existing = await this.accounts.findForSignIn(ctx, found.email);
    let passwordHash: string | undefined;
    if (existing) {
      // Joining one more municipality: prove it is you, under the sign-in throttle.
      await this.passwords.verify(ctx, found.email, existing, password, clientIp);
    } else {
      assertPasswordAcceptable(password);
      passwordHash = await hashPassword(password);
    }
    return this.db.withTransaction(ctx, async (tx) => {
      const claimed = await this.db
        .getRepository(tx, InvitationEntity)
        .createQueryBuilder()
        .update()
        .set({ acceptedAt: () => 'now()' })
        .where('id = :id AND accepted_at IS NULL AND expires_at > now()', { id: found.id })
        .execute();
      if (claimed.affected !== 1) throw invalidInvitation();
      const user = existing ?? (await this.createEditor(tx, found.email, passwordHash!));
      await this.accounts.bind(tx, user.id, [found.municipalityId]);
      await this.db.getRepository(tx, InvitationEntity).update({ id: found.id }, { acceptedById: user.id });
      const actorCtx = { ...tx, actor: { id: user.id, roles: [user.role], municipalityIds: [] } };
      await this.audit.record(actorCtx, { action: 'accept', entity: 'invitation', key: found.email, after: { userId: user.id, municipalityId: found.municipalityId } });
      return this.sessions.start(tx, user, randomUUID());
    });
  }

  private async createEditor(ctx: RequestContext, email: string, passwordHash: string): Promise<UserEntity> {
    const repo = this.db.getRepository(ctx, UserEntity);
    const result = await repo.createQueryBuilder().insert().values({ email, passwordHash, role: Role.EDITOR }).orIgnore().returning('id').execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    // Someone registered this email between our read and now: let them retry as an existing editor.
    if (!id) throw conflict(`An account for ${email} was created meanwhile; accept again with its password`, AUTH_REASONS.ACCOUNT_EXISTS);
    return (await repo.findOneBy({ id }))!;
  }
}
