import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccountService, InvitationService, SessionService } from '@kakehashi/auth';
import { Role, type RequestContext } from '@kakehashi/kernel';
import { ClientIp } from '../graphql/client-ip';
import { toConnection, type ConnectionShape } from '../graphql/connection';
import { Allow, Public } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { AcceptInvitationInput, ChangePasswordInput, InviteEditorInput, LoginInput, SetAccountDisabledInput, SetAccountMunicipalitiesInput } from './account.input';
import { toAccountModel, toAuthPayload, toInvitationModel } from './account.mapper';
import { AccountConnection, AccountModel, AuthPayloadModel, InvitationModel } from './account.model';

/** Sign-in, sessions, invitations and user management. */
@Resolver(() => AccountModel)
export class AccountResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly accountService: AccountService,
    private readonly invitations: InvitationService,
  ) {}

  @Public()
  @Query(() => AccountModel, { nullable: true, description: 'The signed-in account; null when anonymous.' })
  async me(@Ctx() ctx: RequestContext): Promise<AccountModel | null> {
    const me = await this.accountService.me(ctx);
    return me && toAccountModel(me);
  }

  @Allow(Role.COORDINATOR)
  @Query(() => AccountConnection, { description: 'Every account, by email. Coordinators only.' })
  async accounts(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ConnectionShape<AccountModel>> {
    return toConnection(await this.accountService.list(ctx, first, after), toAccountModel);
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Email + password → a session. Failed attempts are limited per account and per client (RATE_LIMITED).' })
  async login(@Ctx() ctx: RequestContext, @Args('input') input: LoginInput, @ClientIp() ip: string): Promise<AuthPayloadModel> {
    return toAuthPayload(await this.sessions.login(ctx, input.email, input.password, ip));
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Trades a refresh token for a new pair; the one sent is spent.' })
  async refreshSession(@Ctx() ctx: RequestContext, @Args('refreshToken') refreshToken: string): Promise<AuthPayloadModel> {
    return toAuthPayload(await this.sessions.refresh(ctx, refreshToken));
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session of this refresh token; its access tokens are refused from the next request on.' })
  async logout(@Ctx() ctx: RequestContext, @Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.sessions.logout(ctx, refreshToken);
  }

  @Allow(Role.EDITOR, Role.COORDINATOR)
  @Mutation(() => Boolean, { description: 'Changes your password and ends your other sessions.' })
  async changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput, @ClientIp() ip: string): Promise<boolean> {
    await this.accountService.changePassword(ctx, input.currentPassword, input.newPassword, ip);
    return true;
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => InvitationModel, { description: 'Invites an email to edit one municipality. The token is returned once.' })
  async inviteEditor(@Ctx() ctx: RequestContext, @Args('input') input: InviteEditorInput): Promise<InvitationModel> {
    return toInvitationModel(await this.invitations.invite(ctx, input.email, input.municipalityKey));
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Spends an invitation token and signs the invitee in.' })
  async acceptInvitation(@Ctx() ctx: RequestContext, @Args('input') input: AcceptInvitationInput, @ClientIp() ip: string): Promise<AuthPayloadModel> {
    return toAuthPayload(await this.invitations.accept(ctx, input.token, input.password, ip));
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => AccountModel, { description: "Replaces an editor's municipalities." })
  async setAccountMunicipalities(@Ctx() ctx: RequestContext, @Args('input') input: SetAccountMunicipalitiesInput): Promise<AccountModel> {
    return toAccountModel(await this.accountService.setMunicipalities(ctx, input.userId, input.municipalityKeys));
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => AccountModel, { description: 'Disables or re-enables an account (coordinators: editors only).' })
  async setAccountDisabled(@Ctx() ctx: RequestContext, @Args('input') input: SetAccountDisabledInput): Promise<AccountModel> {
    return toAccountModel(await this.accountService.setDisabled(ctx, input.userId, input.disabled));
  }
}
