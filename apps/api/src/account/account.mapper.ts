import type { AccountView, AuthSession, IssuedInvitation } from '@kakehashi/auth';
import { AccountModel, AuthPayloadModel, InvitationModel } from './account.model';

export function toAccountModel(a: AccountView): AccountModel {
  return Object.assign(new AccountModel(), a);
}

export function toAuthPayload(s: AuthSession): AuthPayloadModel {
  return Object.assign(new AuthPayloadModel(), { ...s, account: toAccountModel(s.account) });
}

export function toInvitationModel(i: IssuedInvitation): InvitationModel {
  return Object.assign(new InvitationModel(), i);
}
